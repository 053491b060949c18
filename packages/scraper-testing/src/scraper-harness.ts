import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { type CelebrityList, type RunSummary, type Source, scheduledEvent } from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter, createTableInput } from '@celebrity-pipeline/core/dynamodb';
import { type ReplayServer, startReplayServer } from '@celebrity-pipeline/fixtures';
import {
  type CreateScraper,
  createScraperHandler,
  createScraperLogger,
  createScraperMetrics,
  loadScraperConfig,
} from '@celebrity-pipeline/scraper-kit';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { inject } from 'vitest';
import { captureOutput } from './capture-output.js';

/** The contact live mode requires (`SCRAPER_CONTACT`); the handlers run in live mode against the replay server. */
export const HARNESS_CONTACT = 'scraper-tests@example.org';

/** Fast retries for tests (the Retry-After test still waits what the server asks). */
export const FAST_RETRY_JSON = '{"retries":2,"minTimeoutMs":5,"maxTimeoutMs":20}';

/** A replay server and a fresh item table on the run's DynamoDB Local. */
export async function startHarness(prefix: string) {
  const server: ReplayServer = await startReplayServer();
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const table = await createTestTable(client, createTableInput(), prefix);
  const documentClient = createDocumentClient({ client });
  const writer = createItemWriter({
    client: documentClient,
    tableName: table.tableName,
    retry: { minTimeout: 5, maxTimeout: 20 },
  });
  return {
    server,
    writer,
    scan: async () => {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documentClient.send(
          new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    close: async () => {
      await server.close();
      await table.drop();
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The outcome of one handler invocation with stdout/stderr captured. */
export interface HandlerRun {
  summary?: RunSummary;
  error?: unknown;
  /** Everything the logger and metrics printed. */
  output: string;
}

let runNumber = 0;

/** When the harness fires the handler: the Sunday 02:00 UTC run that collects `2026-W47` (core's `collectedWeekAt`). */
export const HARNESS_EVENT_TIME = new Date('2026-11-29T02:00:00Z');

/** Invokes the source's handler in-process against the harness, with `env` on top of the replay base URLs. */
export async function runHandler<S extends Source>(
  harness: Harness,
  source: S,
  createScraper: CreateScraper<S>,
  env: Record<string, string> = {},
  celebrities: CelebrityList = defaultCelebrityList(),
): Promise<HandlerRun> {
  const config = await loadScraperConfig({
    ...harness.server.baseUrls,
    HTTP_RETRY_JSON: FAST_RETRY_JSON,
    SCRAPER_CONTACT: HARNESS_CONTACT,
    ...env,
  });
  const handler = createScraperHandler({
    source,
    createScraper,
    dependencies: async () => ({
      config,
      celebrities,
      writer: harness.writer,
      logger: createScraperLogger(source),
      metrics: createScraperMetrics(source),
    }),
  });
  runNumber += 1;
  const event = scheduledEvent({ id: `run-${source}-${runNumber}`, time: HARNESS_EVENT_TIME });
  const { value: summary, error, output } = await captureOutput(() => handler(event));
  return error === undefined ? { summary, output } : { error, output };
}

/**
 * A list of the first `count` bundled celebrities (fault tests need only a few), plus any other bundled ones by
 * index (e.g. one whose Wikipedia title the fixtures answer with a redirect).
 */
export function firstCelebrities(count: number, extraIndexes: readonly number[] = []): CelebrityList {
  const all = defaultCelebrityList().celebrities;
  const picked = [...all.slice(0, count), ...extraIndexes.map((index) => all[index])];
  return { version: 1, celebrities: picked.filter((celebrity) => celebrity !== undefined) };
}
