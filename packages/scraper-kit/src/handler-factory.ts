import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import type { RunSummary, Source } from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter, createRunLedger } from '@celebrity-pipeline/core/dynamodb';
import { type RunDependencies, runScraper } from './run-scraper.js';
import { parseScheduledEvent } from './scheduled-event.js';
import type { CreateScraper } from './scraper.js';
import { type LoadScraperConfigOptions, loadScraperConfig } from './scraper-config.js';
import { createScraperLogger, createScraperMetrics } from './telemetry.js';

/** What a handler runs with; built once per cold start. */
export type HandlerDependencies = RunDependencies;

/** Options of {@link createScraperHandler}. */
export interface ScraperHandlerOptions<S extends Source> {
  source: S;
  createScraper: CreateScraper<S>;
  /** Builds the dependencies (once, on the first invocation). Default: {@link defaultHandlerDependencies}. */
  dependencies?: () => Promise<HandlerDependencies>;
}

/** A scraper Lambda handler: takes the Scheduled Event, returns the run summary. */
export type ScraperHandler = (event: unknown) => Promise<RunSummary>;

/** Credentials DynamoDB Local accepts when the environment has none (only with `DYNAMODB_ENDPOINT`). */
const LOCAL_DYNAMODB_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/**
 * Builds the dependencies from the environment: validated config, the celebrity list (`CELEBRITIES_FILE` or
 * the bundled one), core's item writer on `TABLE_NAME` (DynamoDB Local when `DYNAMODB_ENDPOINT` is set), core's
 * run ledger on `RUN_LEDGER_TABLE_NAME` when it is set, Powertools Logger (level `POWERTOOLS_LOG_LEVEL` of `env`)
 * and Metrics.
 * @throws ScraperConfigError / ValidationError naming the invalid variable or list entry.
 */
export async function defaultHandlerDependencies(
  source: Source,
  env: Readonly<Record<string, string | undefined>> = process.env,
  options: LoadScraperConfigOptions = {},
): Promise<HandlerDependencies> {
  const config = await loadScraperConfig(env, options);
  const celebrities = await loadCelebrities(config.celebritiesFile);
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
 * The handler factory every scraper uses: validates the EventBridge Scheduled Event (`runId` = event id,
 * week = core's `collectedWeekOf`: the week the event names, else the last ISO week fully ended at its
 * time), then {@link runScraper}. Dependencies are built once per cold start.
 * @example export const handler = createScraperHandler({ source: 'tmdb', createScraper: tmdbScraperFromConfig });
 */
export function createScraperHandler<S extends Source>(options: ScraperHandlerOptions<S>): ScraperHandler {
  let dependencies: Promise<HandlerDependencies> | undefined;
  return async (input: unknown) => {
    const event = parseScheduledEvent(input);
    dependencies ??= (options.dependencies ?? (() => defaultHandlerDependencies(options.source)))();
    const resolved = await dependencies.catch((error: unknown) => {
      dependencies = undefined;
      throw error;
    });
    return runScraper({ ...resolved, source: options.source, createScraper: options.createScraper, event });
  };
}
