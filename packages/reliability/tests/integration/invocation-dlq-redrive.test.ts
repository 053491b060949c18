import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RunSummary, Source } from '@celebrity-pipeline/core';
import { QUEUE_NAMES, type ScheduledEvent, scheduledEvent } from '@celebrity-pipeline/core';
import { faults } from '@celebrity-pipeline/fixtures';
import {
  createDeadLetterQueue,
  createStateTableInput,
  invokeScheduled,
  localInvokePolicy,
  type ScheduleTarget,
} from '@celebrity-pipeline/local-runtime';
import {
  type CreateScraper,
  createScraperHandler,
  createScraperLogger,
  createScraperMetrics,
  loadScraperConfig,
} from '@celebrity-pipeline/scraper-kit';
import { captureOutput } from '@celebrity-pipeline/scraper-testing';
import { tmdbScraperFromConfig } from '@celebrity-pipeline/scraper-tmdb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectInvariantHolds, measureInvariant } from '../helpers/invariant-assertions.js';
import { createMatrixLog } from '../helpers/matrix-log.js';
import {
  celebrityList,
  EVENT_TIME,
  FAST_RETRY_JSON,
  type ScraperHarness,
  startScraperHarness,
  WEEK,
} from '../helpers/scraper-harness.js';

const matrix = createMatrixLog(import.meta.url);
const TOKEN = 'tmdb-secret-token-77e0b2';
/** Lambda's async retries (1 min, 2 min) scaled to 100 ms, 200 ms. */
const POLICY = localInvokePolicy(1 / 600);
let harness: ScraperHarness;

beforeAll(async () => {
  harness = await startScraperHarness('invoke');
});
afterAll(async () => {
  await harness.close();
});

async function setUp(celebrityCount: number) {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const { TableName: _ignored, ...stateInput } = createStateTableInput('state');
  const state = await createTestTable(client, stateInput, 'invoke-state');
  const deadLetters = createDeadLetterQueue({
    documentClient: DynamoDBDocumentClient.from(client),
    tableName: state.tableName,
  });
  const table = await harness.newItemTable();
  const celebrities = celebrityList(celebrityCount);
  const config = await loadScraperConfig({
    ...harness.server.baseUrls,
    SCRAPER_MODE: 'replay',
    TMDB_API_TOKEN: TOKEN,
    HTTP_RETRY_JSON: FAST_RETRY_JSON,
  });
  let invocations = 0;
  // The real tmdb handler, built the way the CLI's schedule targets build it (ledger attached).
  const target: ScheduleTarget<RunSummary> = {
    source: 'tmdb' as Source,
    loadHandler: async () => {
      const handler = createScraperHandler({
        source: 'tmdb',
        createScraper: tmdbScraperFromConfig as CreateScraper<'tmdb'>,
        dependencies: async () => ({
          config,
          celebrities,
          writer: table.writer,
          ledger: harness.ledger,
          logger: createScraperLogger('tmdb'),
          metrics: createScraperMetrics('tmdb'),
        }),
      });
      return async (event) => {
        invocations += 1;
        return handler(event);
      };
    },
  };
  const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
  /** Invokes the target under the async policy with a new Scheduled Event (run id) or a dead-lettered one. */
  const invoke = (run: string | ScheduledEvent) =>
    captureOutput(() =>
      invokeScheduled(target, {
        event: typeof run === 'string' ? scheduledEvent({ id: run, time: EVENT_TIME }) : run,
        week: WEEK,
        policy: POLICY,
        deadLetters,
      }),
    );
  const recorded = async (runId: string) => {
    const { runs } = await harness.ledger.listRuns({ week: WEEK });
    return runs.filter((run) => run.runId === runId);
  };
  return { ids, table, deadLetters, invoke, recorded, invocations: () => invocations, state };
}

const injectedFaults = () => harness.server.requestLog.filter((entry) => entry.fault !== undefined).length;

describe('failure share and the DLQ', () => {
  it('2 of 4 celebrities failing (50%, not above FAILURE_THRESHOLD 0.5) keeps the invocation succeeded, no DLQ', async () => {
    const cell = matrix.open({
      area: 'invocation',
      subject: 'tmdb',
      fault: '2 of 4 celebrities failing (50 %)',
      expected: 'invocation succeeds, failures in the ledger, no DLQ',
      duplicatesMeasure: 'stored-items',
    });
    const context = await setUp(4);
    harness.server.setFaults(
      context.ids
        .slice(0, 2)
        .map((celebrityId) => ({ route: 'tmdb.person' as const, celebrityId, fault: faults.status(503) })),
    );
    const { value: outcome } = await context.invoke('share-at-threshold');
    const letters = await context.deadLetters.list();
    const [run] = await context.recorded('share-at-threshold');
    const items = await context.table.scan();
    const faultsInjected = injectedFaults();
    harness.server.setFaults([]);
    harness.server.clearLog();
    await context.table.drop();
    await context.state.drop();
    const result = measureInvariant({
      celebrityIds: context.ids,
      sources: ['tmdb'],
      summaries: run?.summaries ?? [],
      items,
    });
    cell.measure({
      observed: `${outcome?.status ?? 'no outcome'} after ${context.invocations()} invocation(s); ${result.counts.failed} failed with reason; ${letters.length} DLQ letter(s)`,
      faultsInjected,
      pairs: context.ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    expect(outcome?.status).toBe('succeeded');
    expect(context.invocations()).toBe(1);
    expect(letters).toEqual([]);
    expectInvariantHolds(result, 1);
    expect(result.counts).toMatchObject({ written: 2, failed: 2 });
  });

  it('3 of 4 failing fails the invocation after the async retries, lands in the DLQ, and a redrive completes the week', async () => {
    const cell = matrix.open({
      area: 'invocation',
      subject: 'tmdb',
      fault: '3 of 4 celebrities failing (75 %), then redrive',
      expected: 'invocation fails → async retries → DLQ; redrive completes the week',
      duplicatesMeasure: 'stored-items',
    });
    const context = await setUp(4);
    harness.server.setFaults(
      context.ids
        .slice(0, 3)
        .map((celebrityId) => ({ route: 'tmdb.person' as const, celebrityId, fault: faults.status(503) })),
    );
    const { value: outcome } = await context.invoke('share-above-threshold');
    const attempts = context.invocations();
    const letters = await context.deadLetters.list();
    const [letter] = letters;
    const failedRun = await context.recorded('share-above-threshold');
    const faultsInjected = injectedFaults();

    // The source recovers; the redrive replays the dead-lettered Scheduled Event (same run id, same week).
    harness.server.setFaults([]);
    const redrive =
      letter?.payload.kind === 'scraper-invocation' ? (await context.invoke(letter.payload.event)).value : undefined;
    if (letter) await context.deadLetters.remove(letter.id);
    const lettersAfter = await context.deadLetters.list();
    const runs = await context.recorded('share-above-threshold');
    const items = await context.table.scan();
    harness.server.clearLog();
    await context.table.drop();
    await context.state.drop();
    const result = measureInvariant({
      celebrityIds: context.ids,
      sources: ['tmdb'],
      summaries: runs[0]?.summaries ?? [],
      items,
    });
    cell.measure({
      observed: `${outcome?.status ?? 'no outcome'} after ${attempts} attempts → ${letters.length} letter(s) in ${letter?.queue ?? 'no queue'} (${letter?.errorName ?? 'no error'}); redrive ${redrive?.status ?? 'not run'}: ${items.length}/${context.ids.length} stored, ledger ${runs[0]?.summaries.length ?? 0} record(s) for the run`,
      faultsInjected,
      pairs: context.ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    expect(outcome?.status).toBe('failed');
    expect(attempts).toBe(1 + POLICY.function.retryAttempts);
    expect(letters).toHaveLength(1);
    expect(letter).toMatchObject({
      queue: QUEUE_NAMES.scraperFailures,
      errorName: 'FailureThresholdError',
      condition: 'retries-exhausted',
      payload: { kind: 'scraper-invocation', stage: 'function', source: 'tmdb', week: WEEK },
    });
    expect(JSON.stringify(letter)).not.toContain(TOKEN);
    expect(failedRun[0]?.summaries).toHaveLength(1); // the retries replaced the record, never added one
    expect(failedRun[0]?.summaries[0]?.status).toBe('failed');
    expect(redrive?.status).toBe('succeeded');
    expect(lettersAfter).toEqual([]);
    expect(runs[0]?.summaries).toHaveLength(1);
    expectInvariantHolds(result, 1);
    expect(result.counts.written + result.counts.unchanged).toBe(context.ids.length);
    expect(items).toHaveLength(context.ids.length);
  });
});
