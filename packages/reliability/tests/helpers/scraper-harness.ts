import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { type CelebrityList, type RunSummary, type Source, scheduledEvent } from '@celebrity-pipeline/core';
import {
  createDocumentClient,
  createItemWriter,
  createRunLedger,
  createRunLedgerTableInput,
  createTableInput,
} from '@celebrity-pipeline/core/dynamodb';
import { type ReplayServer, startReplayServer } from '@celebrity-pipeline/fixtures';
import {
  type CreateScraper,
  createScraperHandler,
  createScraperLogger,
  createScraperMetrics,
  loadScraperConfig,
} from '@celebrity-pipeline/scraper-kit';
import { captureOutput } from '@celebrity-pipeline/scraper-testing';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { inject } from 'vitest';
import type { StoredObservation } from '../../src/week-invariant.js';

/** Fast HTTP retries for the loopback server (2 retries, 5–20 ms backoff); Retry-After is still honoured. */
export const FAST_RETRY_JSON = '{"retries":2,"minTimeoutMs":5,"maxTimeoutMs":20}';
/** The week {@link EVENT_TIME} collects (core's `collectedWeekAt`: the last ISO week fully ended). */
export const WEEK = '2026-W47';
export const EVENT_TIME = new Date('2026-11-29T02:00:00Z');

/** The first `count` bundled celebrities, plus any extra bundled ones by index (e.g. a built-in redirect). */
export function celebrityList(count: number, extraIndexes: number[] = []): CelebrityList {
  const all = defaultCelebrityList().celebrities;
  const picked = [...all.slice(0, count), ...extraIndexes.map((index) => all[index])].filter(
    (celebrity) => celebrity !== undefined,
  );
  return { version: 1, celebrities: picked };
}

/** A replay server, the run's DynamoDB Local and one run ledger table shared by a test file. */
export async function startScraperHarness(prefix: string) {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const documentClient = createDocumentClient({ client });
  const server: ReplayServer = await startReplayServer();
  const ledgerTable = await createTestTable(client, createRunLedgerTableInput(), `${prefix}-runs`);
  const ledger = createRunLedger({ client: documentClient, tableName: ledgerTable.tableName });
  let runNumber = 0;

  /** A fresh item table (one per test) with core's writer on it (fast retries). */
  const newItemTable = async () => {
    const table = await createTestTable(client, createTableInput(), prefix);
    const writer = createItemWriter({
      client: documentClient,
      tableName: table.tableName,
      retry: { minTimeout: 5, maxTimeout: 20 },
    });
    const scan = async (): Promise<Array<StoredObservation & Record<string, unknown>>> => {
      const items: Array<StoredObservation & Record<string, unknown>> = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documentClient.send(
          new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
        );
        items.push(...((page.Items ?? []) as Array<StoredObservation & Record<string, unknown>>));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    };
    return { tableName: table.tableName, writer, scan, drop: table.drop };
  };
  type ItemTable = Awaited<ReturnType<typeof newItemTable>>;

  /**
   * Invokes the source's real handler (scraper-kit's factory over the package's `<source>ScraperFromConfig`)
   * in-process with the replay base URLs and `env`, recording into the ledger; output captured.
   */
  const invoke = async <S extends Source>(options: {
    source: S;
    createScraper: CreateScraper<S>;
    table: ItemTable;
    celebrities: CelebrityList;
    env?: Record<string, string>;
    runId?: string;
  }) => {
    const config = await loadScraperConfig({
      ...server.baseUrls,
      SCRAPER_MODE: 'replay',
      // A live-mode invocation (options.env) needs a contact: Wikimedia's User-Agent policy.
      SCRAPER_CONTACT: 'reliability-tests@example.org',
      HTTP_RETRY_JSON: FAST_RETRY_JSON,
      ...options.env,
    });
    const handler = createScraperHandler({
      source: options.source,
      createScraper: options.createScraper,
      dependencies: async () => ({
        config,
        celebrities: options.celebrities,
        writer: options.table.writer,
        ledger,
        logger: createScraperLogger(options.source),
        metrics: createScraperMetrics(options.source),
      }),
    });
    runNumber += 1;
    const runId = options.runId ?? `${prefix}-${options.source}-${runNumber}`;
    const captured = await captureOutput(() => handler(scheduledEvent({ id: runId, time: EVENT_TIME })));
    const { runs } = await ledger.listRuns({ week: WEEK });
    const recorded: RunSummary | undefined = runs
      .find((run) => run.runId === runId)
      ?.summaries.find((summary) => summary.source === options.source);
    return { runId, summary: captured.value, error: captured.error, output: captured.output, recorded };
  };

  return {
    server,
    ledger,
    newItemTable,
    invoke,
    close: async () => {
      await server.close();
      await ledgerTable.drop();
      client.destroy();
    },
  };
}
export type ScraperHarness = Awaited<ReturnType<typeof startScraperHarness>>;
