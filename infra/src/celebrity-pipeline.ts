import { isAbsolute, join, resolve } from 'node:path';
import {
  COLLECTION_STATE_MACHINE_NAME,
  DEFAULT_TABLE_NAME,
  QUEUE_NAMES,
  RUN_LEDGER_TABLE,
  SCRAPER_ASYNC_INVOKE_POLICY,
  SOURCES,
  type Source,
  WEEKLY_SCHEDULE,
} from '@celebrity-pipeline/core';
import { STREAM_FILTER_PATTERNS, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { CELEBRITY_LIST_VARIABLES, type NewsProvider, type SocialProvider } from '@celebrity-pipeline/scraper-kit';
import { Annotations, Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Rule } from 'aws-cdk-lib/aws-events';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { createCollectionStateMachine } from './collection-state-machine.js';
import { InvalidPipelineConfigError } from './errors.js';
import { type FunctionSpec, PLANNER_SPEC, POST_PROCESSOR_SPEC, SCRAPER_SPECS } from './function-specs.js';
import { acknowledgeNagFindings } from './nag-acknowledgements.js';
import { PipelineFunction } from './pipeline-function.js';
import { PIPELINE_METRICS, PipelineMonitoring } from './pipeline-monitoring.js';
import { createFailureQueue } from './pipeline-queues.js';
import {
  type CelebrityListSource,
  checkedCelebrityList,
  checkedContact,
  checkedNewsProvider,
  checkedRetainWeeks,
  checkedSecretSpec,
  checkedSocialProvider,
  providerOf,
  reservedConcurrencyOf,
  type SourceSecretSpec,
} from './pipeline-settings.js';
import { createCelebrityTable, createRunLedgerTable } from './pipeline-tables.js';
import { handlerEntryPath, REPOSITORY_ROOT } from './repository-layout.js';
import { connectStream } from './stream-consumer.js';
import { grantTableActions, TABLE_ACTIONS } from './table-access.js';
import { createWeeklyRule } from './weekly-schedule.js';

/** The six functions, keyed as the props name them. */
export type PipelineFunctionKey = Source | 'planner' | 'postProcessor';

/** Environment variables the construct sets; the handlers read them at the edge. */
export const FUNCTION_ENVIRONMENT = {
  tableName: 'TABLE_NAME',
  runLedgerTableName: 'RUN_LEDGER_TABLE_NAME',
  celebritiesFile: CELEBRITY_LIST_VARIABLES.file,
  celebritiesS3Uri: CELEBRITY_LIST_VARIABLES.s3Uri,
  celebritiesSsmParameter: CELEBRITY_LIST_VARIABLES.ssmParameter,
  contact: 'SCRAPER_CONTACT',
  newsProvider: 'NEWS_PROVIDER',
  socialProvider: 'SOCIAL_PROVIDER',
  retainWeeks: 'RETAIN_WEEKS',
  credentialsSecretArn: 'SCRAPER_SECRET_ARN',
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  metricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
} as const;

/** Where a custom celebrity list lands inside each scraper's (and the planner's) bundle (`/var/task` on Lambda). */
export const BUNDLED_CELEBRITIES_FILE = 'celebrities.json';

/** Props of {@link CelebrityPipeline}. */
export interface CelebrityPipelineProps {
  /** Observation table name. @default `celebrity-database` (core's DEFAULT_TABLE_NAME) */
  readonly tableName?: string;
  /** Run ledger table name. @default `celebrity-database-runs` (core's RUN_LEDGER_TABLE) */
  readonly runLedgerTableName?: string;
  /**
   * The contact (e-mail or URL) every scraper puts in its User-Agent. Required: the deployed scrapers call the
   * live APIs, and Wikimedia's User-Agent policy asks for a real contact; synthesis fails without it.
   */
  readonly contact: string;
  /** News API of the news scraper. @default `newsapi` when the news secret is given, else `gdelt` */
  readonly newsProvider?: NewsProvider;
  /** Social API of the social scraper. @default `bluesky` (needs the social secret; `mastodon` is keyless) */
  readonly socialProvider?: SocialProvider;
  /**
   * Where the celebrity list comes from. An S3 object or SSM parameter is read at the start of every run, so a
   * changed list takes effect next week without a deploy; `file` (relative paths resolve against the workspace
   * root) is copied into each scraper bundle at synth time.
   * @default the list bundled with `@celebrity-pipeline/celebrities`
   */
  readonly celebrityList?: CelebrityListSource;
  /**
   * Secrets Manager secret holding each source's credentials (JSON with the scraper kit's keys): an existing
   * one, an existing ARN, or a name the stack creates (holding `{}` until you put the values). A scraper may
   * read only its own; a source without one runs keyless or is skipped with a clear message.
   * @default none
   */
  readonly sourceSecrets?: Partial<Record<Source, ISecret | SourceSecretSpec>>;
  /**
   * Items older than this many weeks expire (DynamoDB TTL on core's `expires_at`: end of the week + N weeks).
   * @default none (items are kept)
   */
  readonly retainWeeks?: number;
  /**
   * Reserve each scraper's concurrency at its provider's `MaxConcurrency` (collection plan), so overlapping runs
   * are throttled instead of multiplying a source's request rate. Accounts whose Lambda concurrency quota is
   * still the new-account 10 cannot reserve any: raise the quota, or set false there.
   * @default true
   */
  readonly reserveConcurrency?: boolean;
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
 * the weekly rule starting the `celebrity-weekly-collection` state machine (the planner, then the four
 * scrapers' shards), the stream → post-processor mapping, failure queues, alarms to one SNS topic and a
 * dashboard.
 * @example new CelebrityPipeline(stack, 'Pipeline', { contact: 'ops@example.com', alarmEmail: 'ops@example.com' });
 */
export class CelebrityPipeline extends Construct {
  readonly table: TableV2;
  readonly runLedgerTable: TableV2;
  readonly scrapers: Readonly<Record<Source, PipelineFunction>>;
  /** `PlanWeek` of the state machine: reads the list where the scrapers do. */
  readonly planner: PipelineFunction;
  /** `celebrity-weekly-collection`, the weekly rule's only target. */
  readonly stateMachine: StateMachine;
  readonly postProcessor: PipelineFunction;
  readonly rule: Rule;
  readonly scheduleDeadLetterQueue: Queue;
  readonly scraperFailureQueue: Queue;
  readonly streamFailureQueue: Queue;
  readonly alarmTopic: ITopic;
  readonly monitoring: PipelineMonitoring;

  readonly sourceSecrets: Readonly<Partial<Record<Source, ISecret>>>;

  constructor(scope: Construct, id: string, props: CelebrityPipelineProps) {
    super(scope, id);
    const projectRoot = props.projectRoot ?? REPOSITORY_ROOT;
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const contact = checkedContact(props.contact);
    const newsProvider = checkedNewsProvider(props.newsProvider);
    const socialProvider = checkedSocialProvider(props.socialProvider);
    const retainWeeks = checkedRetainWeeks(props.retainWeeks);
    const listSource = props.celebrityList && checkedCelebrityList(props.celebrityList);
    this.sourceSecrets = this.resolveSecrets(props.sourceSecrets ?? {});
    checkProviderSecrets(this, this.sourceSecrets, { newsProvider, socialProvider });
    this.table = createCelebrityTable(this, 'Table', props.tableName ?? DEFAULT_TABLE_NAME, {
      timeToLive: retainWeeks !== undefined,
    });
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
    const listFile = listSource && 'file' in listSource ? absoluteFrom(projectRoot, listSource.file) : undefined;
    const copyListFile = listFile
      ? (outputDirectory: string) => [`cp "${listFile}" "${join(outputDirectory, BUNDLED_CELEBRITIES_FILE)}"`]
      : undefined;
    const scrapers = {} as Record<Source, PipelineFunction>;
    for (const source of SOURCES) {
      const spec = SCRAPER_SPECS[source];
      const provider = providerOf(source, {
        newsProvider,
        socialProvider,
        hasNewsSecret: this.sourceSecrets.news !== undefined,
      });
      const scraper = new PipelineFunction(this, scraperId(source), {
        spec,
        entry: entryOf(source, spec),
        projectRoot,
        logRetention,
        environment: {
          [FUNCTION_ENVIRONMENT.tableName]: this.table.tableName,
          [FUNCTION_ENVIRONMENT.runLedgerTableName]: this.runLedgerTable.tableName,
          ...powertoolsEnvironment(spec, PIPELINE_METRICS.scraperNamespace),
          [FUNCTION_ENVIRONMENT.contact]: contact,
          ...(source === 'news' && newsProvider ? { [FUNCTION_ENVIRONMENT.newsProvider]: newsProvider } : {}),
          ...(source === 'social' && socialProvider ? { [FUNCTION_ENVIRONMENT.socialProvider]: socialProvider } : {}),
          ...(retainWeeks === undefined ? {} : { [FUNCTION_ENVIRONMENT.retainWeeks]: String(retainWeeks) }),
          ...celebrityListEnvironment(listSource),
        },
        afterBundling: copyListFile,
        reservedConcurrentExecutions: (props.reserveConcurrency ?? true) ? reservedConcurrencyOf(provider) : undefined,
        retryAttempts: SCRAPER_ASYNC_INVOKE_POLICY.retryAttempts,
        maxEventAge: Duration.seconds(SCRAPER_ASYNC_INVOKE_POLICY.maximumEventAgeSeconds),
        onFailure: new SqsDestination(this.scraperFailureQueue),
      });
      grantTableActions(scraper, this.table, TABLE_ACTIONS.scraperItems);
      grantTableActions(scraper, this.runLedgerTable, TABLE_ACTIONS.scraperLedger);
      if (listSource) this.grantListRead(scraper, listSource);
      const secret = this.sourceSecrets[source];
      if (secret) {
        secret.grantRead(scraper);
        scraper.addEnvironment(FUNCTION_ENVIRONMENT.credentialsSecretArn, secret.secretArn);
      }
      scrapers[source] = scraper;
    }
    this.scrapers = scrapers;

    // The planner reads the same list as the scrapers (same variables, same grants, same bundled file).
    this.planner = new PipelineFunction(this, 'Planner', {
      spec: PLANNER_SPEC,
      entry: entryOf('planner', PLANNER_SPEC),
      projectRoot,
      logRetention,
      environment: celebrityListEnvironment(listSource),
      afterBundling: copyListFile,
    });
    if (listSource) this.grantListRead(this.planner, listSource);
    this.stateMachine = createCollectionStateMachine(this, 'CollectionStateMachine', {
      planner: this.planner,
      scrapers,
      logRetention,
    });

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

    // Always DISABLED: `celebrity-pipeline enable --aws` enables it once `verify --aws` passes. Enabling it
    // any other way (console, `aws events enable-rule`) bypasses that gate.
    this.rule = createWeeklyRule(this, 'WeeklyScrape', {
      stateMachine: this.stateMachine,
      deadLetterQueue: this.scheduleDeadLetterQueue,
      isEnabled: WEEKLY_SCHEDULE.enabledByDefault,
    });

    this.alarmTopic =
      props.alarmTopic ?? new Topic(this, 'AlarmTopic', { topicName: 'celebrity-pipeline-alarms', enforceSSL: true });
    if (props.alarmEmail !== undefined)
      this.alarmTopic.addSubscription(new EmailSubscription(checkedEmail(props.alarmEmail)));
    this.monitoring = new PipelineMonitoring(this, 'Monitoring', {
      scrapers: SOURCES.map((source) => ({
        functionName: SCRAPER_SPECS[source].functionName,
        fn: scrapers[source],
        source,
        logGroup: scrapers[source].logGroup,
      })),
      planner: { functionName: PLANNER_SPEC.functionName, fn: this.planner },
      postProcessor: { functionName: POST_PROCESSOR_SPEC.functionName, fn: this.postProcessor },
      stateMachine: { stateMachineName: COLLECTION_STATE_MACHINE_NAME, stateMachine: this.stateMachine },
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
      functions: [...Object.values(this.scrapers), this.planner, this.postProcessor],
      createdSecrets: this.createdSecrets,
    });
  }

  private readonly createdSecrets: Secret[] = [];

  /** Imports the given ARNs and creates the named secrets (holding `{}` until the operator puts the values). */
  private resolveSecrets(specs: Partial<Record<Source, ISecret | SourceSecretSpec>>): Partial<Record<Source, ISecret>> {
    const secrets: Partial<Record<Source, ISecret>> = {};
    for (const source of SOURCES) {
      const spec = specs[source];
      if (spec === undefined) continue;
      if (!('existingArn' in spec) && !('createName' in spec)) {
        secrets[source] = spec;
        continue;
      }
      const checked = checkedSecretSpec(source, spec);
      const id = `${scraperId(source)}Credentials`;
      if ('existingArn' in checked) {
        secrets[source] = Secret.fromSecretCompleteArn(this, id, checked.existingArn);
      } else {
        const created = new Secret(this, id, {
          secretName: checked.createName,
          description: `Credentials of the ${source} scraper (JSON with the scraper kit's keys); put them with aws secretsmanager put-secret-value`,
          secretObjectValue: {},
        });
        this.createdSecrets.push(created);
        secrets[source] = created;
      }
    }
    return secrets;
  }

  private grantListRead(scraper: PipelineFunction, source: CelebrityListSource): void {
    if ('s3' in source) {
      const bucket = Bucket.fromBucketName(this, `${scraper.node.id}ListBucket`, source.s3.bucketName);
      bucket.grantRead(scraper, source.s3.key);
    } else if ('ssmParameterName' in source) {
      StringParameter.fromStringParameterName(
        this,
        `${scraper.node.id}ListParameter`,
        source.ssmParameterName,
      ).grantRead(scraper);
    }
  }
}

/** Warns about sources the scraper kit will skip, and refuses a provider chosen without its secret. */
function checkProviderSecrets(
  scope: Construct,
  secrets: Partial<Record<Source, ISecret>>,
  providers: { newsProvider?: NewsProvider; socialProvider?: SocialProvider },
): void {
  if (providers.newsProvider === 'newsapi' && !secrets.news) {
    throw new InvalidPipelineConfigError(
      '`newsProvider: newsapi` needs the news secret (NEWSAPI_KEY) in `sourceSecrets.news`; without a key use gdelt',
    );
  }
  if (providers.socialProvider === 'bluesky' && !secrets.social) {
    throw new InvalidPipelineConfigError(
      '`socialProvider: bluesky` needs the social secret (BLUESKY_IDENTIFIER, BLUESKY_APP_PASSWORD) in `sourceSecrets.social`; without one use mastodon',
    );
  }
  const skipped = [
    ...(secrets.tmdb ? [] : ['tmdb (no TMDB_API_TOKEN secret)']),
    ...(secrets.social || providers.socialProvider === 'mastodon' ? [] : ['social (no Bluesky secret)']),
  ];
  if (skipped.length > 0) {
    Annotations.of(scope).addWarningV2(
      'celebrity-pipeline:skipped-sources',
      `These sources will be skipped every week until their secret is given: ${skipped.join(', ')}`,
    );
  }
}

function celebrityListEnvironment(source: CelebrityListSource | undefined): Record<string, string> {
  if (source === undefined) return {};
  if ('s3' in source)
    return { [FUNCTION_ENVIRONMENT.celebritiesS3Uri]: `s3://${source.s3.bucketName}/${source.s3.key}` };
  if ('ssmParameterName' in source) return { [FUNCTION_ENVIRONMENT.celebritiesSsmParameter]: source.ssmParameterName };
  return { [FUNCTION_ENVIRONMENT.celebritiesFile]: `/var/task/${BUNDLED_CELEBRITIES_FILE}` };
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
