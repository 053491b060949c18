import { isAbsolute, join, resolve } from 'node:path';
import {
  DEFAULT_TABLE_NAME,
  QUEUE_NAMES,
  RUN_LEDGER_TABLE,
  SCRAPER_ASYNC_INVOKE_POLICY,
  SOURCES,
  type Source,
  WEEKLY_SCHEDULE,
} from '@celebrity-pipeline/core';
import { STREAM_FILTER_PATTERNS, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Rule } from 'aws-cdk-lib/aws-events';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { InvalidPipelineConfigError } from './errors.js';
import { type FunctionSpec, POST_PROCESSOR_SPEC, SCRAPER_SPECS } from './function-specs.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';
import { PipelineFunction } from './pipeline-function.js';
import { PIPELINE_METRICS, PipelineMonitoring } from './pipeline-monitoring.js';
import { createFailureQueue } from './pipeline-queues.js';
import { createCelebrityTable, createRunLedgerTable } from './pipeline-tables.js';
import { handlerEntryPath, REPOSITORY_ROOT } from './repository-layout.js';
import { connectStream } from './stream-consumer.js';
import { grantTableActions, TABLE_ACTIONS } from './table-access.js';
import { createWeeklyRule } from './weekly-schedule.js';

/** The five functions, keyed as the props name them. */
export type PipelineFunctionKey = Source | 'postProcessor';

/** Environment variables the construct sets; the handlers read them at the edge. */
export const FUNCTION_ENVIRONMENT = {
  tableName: 'TABLE_NAME',
  runLedgerTableName: 'RUN_LEDGER_TABLE_NAME',
  celebritiesFile: 'CELEBRITIES_FILE',
  credentialsSecretArn: 'SCRAPER_SECRET_ARN',
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  metricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
} as const;

/** Where a custom celebrity list lands inside each scraper's bundle (`/var/task` on Lambda). */
export const BUNDLED_CELEBRITIES_FILE = 'celebrities.json';

/** Props of {@link CelebrityPipeline}. */
export interface CelebrityPipelineProps {
  /** Observation table name. @default `celebrity-database` (core's DEFAULT_TABLE_NAME) */
  readonly tableName?: string;
  /** Run ledger table name. @default `celebrity-database-runs` (core's RUN_LEDGER_TABLE) */
  readonly runLedgerTableName?: string;
  /**
   * Whether the weekly rule fires. The spec creates it DISABLED until `verify --aws` passes.
   * @default false
   */
  readonly scheduleEnabled?: boolean;
  /**
   * Path (on the machine that synthesizes) of a `celebrities.json` to ship with every scraper instead of the
   * list bundled from `@celebrity-pipeline/celebrities`; relative paths resolve against the workspace root.
   * @default the bundled list (no `CELEBRITIES_FILE`)
   */
  readonly celebrityListFile?: string;
  /**
   * Secrets Manager secret holding each source's credentials (JSON). A scraper may read only its own; a
   * source without one runs keyless or is skipped by the scraper kit with a clear message.
   * @default none
   */
  readonly sourceSecrets?: Partial<Record<Source, ISecret>>;
  /** Topic every alarm notifies. @default a new topic `celebrity-pipeline-alarms` */
  readonly alarmTopic?: ITopic;
  /** E-mail address subscribed to the alarm topic (confirm the subscription mail). @default none */
  readonly alarmEmail?: string;
  /** Retention of every function's log group. @default one month */
  readonly logRetention?: RetentionDays;
  /** Workspace root that holds `pnpm-lock.yaml` and the packages. @default this repository */
  readonly projectRoot?: string;
  /** Entry module of a function, to deploy a fork. @default `packages/<name>/src/handler.ts` */
  readonly handlerEntries?: Partial<Record<PipelineFunctionKey, string>>;
}

/**
 * The weekly celebrity pipeline on AWS: the observation table (from core's definition) and the run ledger,
 * four scrapers fired by the weekly rule, the stream → post-processor mapping, failure queues, alarms to
 * one SNS topic and a dashboard.
 * @example new CelebrityPipeline(stack, 'Pipeline', { scheduleEnabled: true, alarmEmail: 'ops@example.com' });
 */
export class CelebrityPipeline extends Construct {
  readonly table: TableV2;
  readonly runLedgerTable: TableV2;
  readonly scrapers: Readonly<Record<Source, PipelineFunction>>;
  readonly postProcessor: PipelineFunction;
  readonly rule: Rule;
  readonly scheduleDeadLetterQueue: Queue;
  readonly scraperFailureQueue: Queue;
  readonly streamFailureQueue: Queue;
  readonly alarmTopic: ITopic;
  readonly monitoring: PipelineMonitoring;

  constructor(scope: Construct, id: string, props: CelebrityPipelineProps = {}) {
    super(scope, id);
    const projectRoot = props.projectRoot ?? REPOSITORY_ROOT;
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    this.table = createCelebrityTable(this, 'Table', props.tableName ?? DEFAULT_TABLE_NAME);
    this.runLedgerTable = createRunLedgerTable(
      this,
      'RunLedger',
      props.runLedgerTableName ?? RUN_LEDGER_TABLE.defaultName,
    );
    this.scheduleDeadLetterQueue = createFailureQueue(this, 'ScheduleDeadLetterQueue', QUEUE_NAMES.scheduleDeadLetter);
    this.scraperFailureQueue = createFailureQueue(this, 'ScraperFailureQueue', QUEUE_NAMES.scraperFailures);
    this.streamFailureQueue = createFailureQueue(this, 'StreamFailureQueue', QUEUE_NAMES.streamFailures);

    const entryOf = (key: PipelineFunctionKey, spec: FunctionSpec) =>
      resolve(projectRoot, props.handlerEntries?.[key] ?? handlerEntryPath(spec.packageDirectory));
    const celebrityList = props.celebrityListFile && absoluteFrom(projectRoot, props.celebrityListFile);
    const scrapers = {} as Record<Source, PipelineFunction>;
    for (const source of SOURCES) {
      const spec = SCRAPER_SPECS[source];
      const scraper = new PipelineFunction(this, scraperId(source), {
        spec,
        entry: entryOf(source, spec),
        projectRoot,
        logRetention,
        environment: {
          [FUNCTION_ENVIRONMENT.tableName]: this.table.tableName,
          [FUNCTION_ENVIRONMENT.runLedgerTableName]: this.runLedgerTable.tableName,
          ...powertoolsEnvironment(spec, PIPELINE_METRICS.scraperNamespace),
          ...(celebrityList ? { [FUNCTION_ENVIRONMENT.celebritiesFile]: `/var/task/${BUNDLED_CELEBRITIES_FILE}` } : {}),
        },
        afterBundling: celebrityList
          ? (outputDirectory) => [`cp "${celebrityList}" "${join(outputDirectory, BUNDLED_CELEBRITIES_FILE)}"`]
          : undefined,
        retryAttempts: SCRAPER_ASYNC_INVOKE_POLICY.retryAttempts,
        maxEventAge: Duration.seconds(SCRAPER_ASYNC_INVOKE_POLICY.maximumEventAgeSeconds),
        onFailure: new SqsDestination(this.scraperFailureQueue),
      });
      grantTableActions(scraper, this.table, TABLE_ACTIONS.scraperItems);
      grantTableActions(scraper, this.runLedgerTable, TABLE_ACTIONS.scraperLedger);
      const secret = props.sourceSecrets?.[source];
      if (secret) {
        secret.grantRead(scraper);
        scraper.addEnvironment(FUNCTION_ENVIRONMENT.credentialsSecretArn, secret.secretArn);
      }
      scrapers[source] = scraper;
    }
    this.scrapers = scrapers;

    this.postProcessor = new PipelineFunction(this, 'PostProcessor', {
      spec: POST_PROCESSOR_SPEC,
      entry: entryOf('postProcessor', POST_PROCESSOR_SPEC),
      projectRoot,
      logRetention,
      environment: {
        [FUNCTION_ENVIRONMENT.tableName]: this.table.tableName,
        ...powertoolsEnvironment(POST_PROCESSOR_SPEC, PIPELINE_METRICS.postProcessorNamespace),
      },
    });
    grantTableActions(this.postProcessor, this.table, TABLE_ACTIONS.postProcessorItems);
    connectStream(this.postProcessor, this.table, {
      settings: STREAM_MAPPING_SETTINGS,
      filterPatterns: STREAM_FILTER_PATTERNS,
      failureQueue: this.streamFailureQueue,
    });

    this.rule = createWeeklyRule(this, 'WeeklyScrape', {
      scrapers: SOURCES.map((source) => scrapers[source]),
      deadLetterQueue: this.scheduleDeadLetterQueue,
      isEnabled: props.scheduleEnabled ?? WEEKLY_SCHEDULE.enabledByDefault,
    });

    this.alarmTopic =
      props.alarmTopic ?? new Topic(this, 'AlarmTopic', { topicName: 'celebrity-pipeline-alarms', enforceSSL: true });
    if (props.alarmEmail !== undefined)
      this.alarmTopic.addSubscription(new EmailSubscription(checkedEmail(props.alarmEmail)));
    this.monitoring = new PipelineMonitoring(this, 'Monitoring', {
      scrapers: SOURCES.map((source) => ({ functionName: SCRAPER_SPECS[source].functionName, fn: scrapers[source] })),
      postProcessor: { functionName: POST_PROCESSOR_SPEC.functionName, fn: this.postProcessor },
      queues: [
        { queueName: QUEUE_NAMES.scheduleDeadLetter, queue: this.scheduleDeadLetterQueue },
        { queueName: QUEUE_NAMES.scraperFailures, queue: this.scraperFailureQueue },
        { queueName: QUEUE_NAMES.streamFailures, queue: this.streamFailureQueue },
      ],
      topic: this.alarmTopic,
      dashboardName: 'celebrity-pipeline',
    });
    acknowledgeNagFindings({
      failureQueues: [this.scheduleDeadLetterQueue, this.scraperFailureQueue, this.streamFailureQueue],
      functions: [...Object.values(this.scrapers), this.postProcessor],
    });
  }
}

function scraperId(source: Source): string {
  return `Scraper${source.charAt(0).toUpperCase()}${source.slice(1)}`;
}

/** Service name and metrics namespace as the function's owner defines them, so the dashboard finds its EMF. */
function powertoolsEnvironment(spec: FunctionSpec, metricsNamespace: string): Record<string, string> {
  return {
    [FUNCTION_ENVIRONMENT.serviceName]: spec.functionName,
    [FUNCTION_ENVIRONMENT.metricsNamespace]: metricsNamespace,
  };
}

function absoluteFrom(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

function checkedEmail(address: string): string {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
    throw new InvalidPipelineConfigError(`Expected \`alarmEmail\` to be an e-mail address, got "${address}"`);
  }
  return address;
}
