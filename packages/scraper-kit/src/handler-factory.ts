import type { CelebrityList, RunSummary, Source } from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter, createRunLedger } from '@celebrity-pipeline/core/dynamodb';
import { type CelebrityListClients, isRemoteCelebrityList, loadCelebrityList } from './celebrity-list-location.js';
import { type RunDependencies, runScraper } from './run-scraper.js';
import { parseScheduledEvent } from './scheduled-event.js';
import type { CreateScraper } from './scraper.js';
import { type LoadScraperConfigOptions, loadScraperConfig } from './scraper-config.js';
import { isShardEventLike, parseShardEvent } from './shard-event.js';
import type { RequestCost } from './shard-sizing.js';
import { createScraperLogger, createScraperMetrics } from './telemetry.js';

/**
 * What a handler runs with; built once per cold start. `celebrities` is the list itself, or how to read it at
 * the start of every run (an S3 object or SSM parameter that may change between runs without a deploy).
 */
export interface HandlerDependencies extends Omit<RunDependencies, 'celebrities'> {
  celebrities: CelebrityList | (() => Promise<CelebrityList>);
}

/** Options of {@link createScraperHandler}. */
export interface ScraperHandlerOptions<S extends Source> {
  source: S;
  createScraper: CreateScraper<S>;
  /**
   * The source's request cost (its package's `<source>RequestCost`): a Scheduled Event whose list needs more than
   * one invocation then fails with a message to start the state machine.
   */
  requestCost?: RequestCost;
  /** Builds the dependencies (once, on the first invocation). Default: {@link defaultHandlerDependencies}. */
  dependencies?: () => Promise<HandlerDependencies>;
}

/** A scraper Lambda handler: takes the Scheduled Event or a shard event, returns the run summary. */
export type ScraperHandler = (event: unknown) => Promise<RunSummary>;

/** Credentials DynamoDB Local accepts when the environment has none (only with `DYNAMODB_ENDPOINT`). */
const LOCAL_DYNAMODB_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/**
 * Builds the dependencies from the environment: validated config, the celebrity list (`CELEBRITIES_FILE` or
 * the bundled one, read once; `CELEBRITIES_S3_URI` / `CELEBRITIES_SSM_PARAMETER`, read at every run), core's item writer on `TABLE_NAME` (DynamoDB Local when `DYNAMODB_ENDPOINT` is set), core's
 * run ledger on `RUN_LEDGER_TABLE_NAME` when it is set, Powertools Logger (level `POWERTOOLS_LOG_LEVEL` of `env`)
 * and Metrics.
 * @throws ScraperConfigError / ValidationError naming the invalid variable or list entry.
 */
export async function defaultHandlerDependencies(
  source: Source,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: LoadScraperConfigOptions & Omit<CelebrityListClients, 'region'> = {},
): Promise<HandlerDependencies> {
  const config = await loadScraperConfig(env, options);
  const listClients = { s3: options.s3, ssm: options.ssm, region: config.region };
  const celebrities = isRemoteCelebrityList(config.celebrityList)
    ? () => loadCelebrityList(config.celebrityList, listClients)
    : await loadCelebrityList(config.celebrityList);
  const isLocal = config.dynamodbEndpoint !== undefined;
  const documentClient = createDocumentClient({
    config: {
      ...(config.region ? { region: config.region } : isLocal ? { region: 'us-east-1' } : {}),
      ...(isLocal ? { endpoint: config.dynamodbEndpoint } : {}),
      ...(isLocal && !env.AWS_ACCESS_KEY_ID ? { credentials: LOCAL_DYNAMODB_CREDENTIALS } : {}),
    },
  });
  return {
    config,
    celebrities,
    writer: createItemWriter({ client: documentClient, tableName: config.tableName }),
    ...(config.runLedgerTableName
      ? { ledger: createRunLedger({ client: documentClient, tableName: config.runLedgerTableName }) }
      : {}),
    logger: createScraperLogger(source, env.POWERTOOLS_LOG_LEVEL),
    metrics: createScraperMetrics(source),
  };
}

/**
 * The handler factory every scraper uses: validates its input, a shard event of the state machine (its slice of
 * the list) or the EventBridge Scheduled Event (`runId` = event id, week = core's `collectedWeekOf`: the week the
 * event names, else the last ISO week fully ended at its time; the whole list when it fits one invocation), then
 * {@link runScraper}. Dependencies are built once per cold start.
 * @example export const handler = createScraperHandler({ source: 'tmdb', createScraper: tmdbScraperFromConfig });
 */
export function createScraperHandler<S extends Source>(options: ScraperHandlerOptions<S>): ScraperHandler {
  let dependencies: Promise<HandlerDependencies> | undefined;
  return async (input: unknown) => {
    const event = isShardEventLike(input) ? parseShardEvent(input) : parseScheduledEvent(input);
    dependencies ??= (options.dependencies ?? (() => defaultHandlerDependencies(options.source)))();
    const resolved = await dependencies.catch((error: unknown) => {
      dependencies = undefined;
      throw error;
    });
    // A remote list is read again for every run; a malformed one throws here, before anything is written.
    const celebrities =
      typeof resolved.celebrities === 'function' ? await resolved.celebrities() : resolved.celebrities;
    return runScraper({
      ...resolved,
      celebrities,
      source: options.source,
      createScraper: options.createScraper,
      event,
      ...(options.requestCost ? { requestCost: options.requestCost } : {}),
    });
  };
}
