/**
 * Orchestration facts shared by the CDK stack (`infra/`) and the local runtime (the CLI's scheduler):
 * one definition, two users.
 */

import { collectedWeekAt, type IsoWeek } from './iso-week.js';

/** The weekly rule, as the spec names it. Created DISABLED until `verify` passes. */
export const WEEKLY_SCHEDULE = {
  ruleName: 'celebrity-weekly-scrape',
  description: 'Weekly trigger for celebrity data scrapers',
  /** EventBridge form: every Sunday 02:00 UTC. */
  scheduleExpression: 'cron(0 2 ? * SUN *)',
  /** The same instant as a 5-field cron (local scheduler), evaluated in UTC. */
  localCron: '0 2 * * SUN',
  timezone: 'UTC',
  enabledByDefault: false,
} as const;

/**
 * The rule target's retry policy (delivery to the Lambda API only: EventBridge invokes asynchronously, so
 * function errors are handled by {@link SCRAPER_ASYNC_INVOKE_POLICY}).
 */
export const SCHEDULE_TARGET_RETRY_POLICY = {
  maximumEventAgeSeconds: 300,
  maximumRetryAttempts: 3,
} as const;

/** Lambda's async invoke config of each scraper: bounded retries, then the on-failure destination. */
export const SCRAPER_ASYNC_INVOKE_POLICY = {
  /** Lambda allows 0–2; 2 retries, 1 min then 2 min apart on AWS. */
  retryAttempts: 2,
  /** An event older than this is not retried (Lambda allows 60–21600 s). */
  maximumEventAgeSeconds: 3_600,
} as const;

/** The Step Functions state machine that runs a week's collection (plan, then every source's shards). */
export const COLLECTION_STATE_MACHINE_NAME = 'celebrity-weekly-collection';

/** Lambda function name of the planner (`PlanWeek`: Scheduled Event → the week's shard events). */
export const COLLECTION_PLANNER_FUNCTION_NAME = 'collection-planner';

/** Queue names. The rule's DLQ keeps the spec's name; function errors land in the failure queues. */
export const QUEUE_NAMES = {
  /** Rule target DLQ (events EventBridge could not deliver). */
  scheduleDeadLetter: 'celebrity-scraper-dlq',
  /** On-failure destination of the scrapers' async invocations (code errors after retries). */
  scraperFailures: 'celebrity-scraper-failures',
  /** On-failure destination of the stream mapping (records that exhausted their retries). */
  streamFailures: 'celebrity-post-processor-dlq',
} as const;

/** Seven days, set explicitly (SQS defaults to four). */
export const DEAD_LETTER_RETENTION_SECONDS = 604_800;

/** The payload EventBridge sends a target for a scheduled rule. */
export interface ScheduledEvent {
  version: '0';
  id: string;
  'detail-type': 'Scheduled Event';
  source: 'aws.events';
  account: string;
  time: string;
  region: string;
  resources: string[];
  /** Empty from the rule; `week` when a run names the week it collects (the CLI's `--week`, a backfill). */
  detail: ScheduledEventDetail;
}

/** `detail` of a {@link ScheduledEvent}. */
export interface ScheduledEventDetail {
  week?: IsoWeek;
}

/**
 * The week a scheduled event collects: the week it names, else {@link collectedWeekAt} its time, so the
 * Sunday 02:00 UTC run collects the ISO week that ended six days earlier.
 */
export function collectedWeekOf(event: Pick<ScheduledEvent, 'time' | 'detail'>): IsoWeek {
  return event.detail.week ?? collectedWeekAt(new Date(event.time));
}

/**
 * Builds the Scheduled Event the rule would send at `time` (the local scheduler sends the same payload); with
 * `week`, the event names the week to collect instead of leaving it to the time.
 */
export function scheduledEvent(options: {
  id: string;
  time: Date;
  week?: IsoWeek;
  account?: string;
  region?: string;
}): ScheduledEvent {
  const account = options.account ?? '000000000000';
  const region = options.region ?? 'local';
  return {
    version: '0',
    id: options.id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account,
    time: options.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:events:${region}:${account}:rule/${WEEKLY_SCHEDULE.ruleName}`],
    detail: options.week === undefined ? {} : { week: options.week },
  };
}

/** Default CloudFormation stack name of the deployed pipeline. */
export const DEFAULT_STACK_NAME = 'CelebrityPipeline';

/**
 * Output keys of the deployed stack: infra writes them, the CLI's `--aws` mode reads them
 * (`aws cloudformation describe-stacks`).
 */
export const STACK_OUTPUT_KEYS = {
  tableName: 'TableName',
  tableStreamArn: 'TableStreamArn',
  runLedgerTableName: 'RunLedgerTableName',
  ruleName: 'WeeklyRuleName',
  scheduleDeadLetterQueueUrl: 'ScheduleDeadLetterQueueUrl',
  scraperFailureQueueUrl: 'ScraperFailureQueueUrl',
  streamFailureQueueUrl: 'StreamFailureQueueUrl',
  alarmTopicArn: 'AlarmTopicArn',
  /** Prefix of each function's output: `FunctionNameScraperTmdb`, …, `FunctionNamePostProcessor`. */
  functionNamePrefix: 'FunctionName',
} as const;

/** Output key of a deployed function's name: `scraper-tmdb` → `FunctionNameScraperTmdb`. */
export function functionOutputKey(functionName: string): string {
  const pascal = functionName
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return `${STACK_OUTPUT_KEYS.functionNamePrefix}${pascal}`;
}
