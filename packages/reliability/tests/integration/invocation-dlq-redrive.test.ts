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
import { tmdbScraperFromConfig } from '@celebrity-pipeline/scraper-tmdb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { captureOutput } from '../helpers/capture-output.js';
import { expectInvariant } from '../helpers/invariant-assertions.js';
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

describe('failure share and the DLQ', () => {
  it('2 of 4 celebrities failing (50%, not above FAILURE_THRESHOLD 0.5) keeps the invocation succeeded, no DLQ', async () => {
    const context = await setUp(4);
    harness.server.setFaults(
      context.ids
        .slice(0, 2)
        .map((celebrityId) => ({ route: 'tmdb.person' as const, celebrityId, fault: faults.status(503) })),
    );
    const { value: outcome } = await context.invoke('share-at-threshold');
    expect(outcome?.status).toBe('succeeded');
    expect(context.invocations()).toBe(1);
    expect(await context.deadLetters.list()).toEqual([]);
    const [run] = await context.recorded('share-at-threshold');
    const result = expectInvariant({
      celebrityIds: context.ids,
      sources: ['tmdb'],
      summaries: run?.summaries ?? [],
      items: await context.table.scan(),
    });
    expect(result.counts).toMatchObject({ written: 2, failed: 2 });
    matrix.record({
      area: 'invocation',
      subject: 'tmdb',
      fault: '2 of 4 celebrities failing (50 %)',
      expected: 'invocation succeeds, failures in the ledger, no DLQ',
      observed: `succeeded after ${context.invocations()} invocation(s); ${result.counts.failed} failed with reason; DLQ empty`,
      faultsInjected: harness.server.requestLog.filter((entry) => entry.fault !== undefined).length,
      pairs: context.ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    harness.server.setFaults([]);
    harness.server.clearLog();
    await context.table.drop();
    await context.state.drop();
  });

  it('3 of 4 failing fails the invocation after the async retries, lands in the DLQ, and a redrive completes the week', async () => {
    const context = await setUp(4);
    harness.server.setFaults(
      context.ids
        .slice(0, 3)
        .map((celebrityId) => ({ route: 'tmdb.person' as const, celebrityId, fault: faults.status(503) })),
    );
    const { value: outcome } = await context.invoke('share-above-threshold');
    expect(outcome?.status).toBe('failed');
    expect(context.invocations()).toBe(1 + POLICY.function.retryAttempts);
    const letters = await context.deadLetters.list();
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter).toMatchObject({
      queue: QUEUE_NAMES.scraperFailures,
      errorName: 'FailureThresholdError',
      condition: 'retries-exhausted',
      payload: { kind: 'scraper-invocation', stage: 'function', source: 'tmdb', week: WEEK },
    });
    expect(JSON.stringify(letter)).not.toContain(TOKEN);
    const failedRun = await context.recorded('share-above-threshold');
    expect(failedRun[0]?.summaries).toHaveLength(1); // the retries replaced the record, never added one
    expect(failedRun[0]?.summaries[0]?.status).toBe('failed');
    const faultsInjected = harness.server.requestLog.filter((entry) => entry.fault !== undefined).length;

    // The source recovers; the redrive replays the dead-lettered Scheduled Event (same run id, same week).
    harness.server.setFaults([]);
    if (letter?.payload.kind !== 'scraper-invocation') throw new Error('expected a scraper letter');
    const { value: redrive } = await context.invoke(letter.payload.event);
    expect(redrive?.status).toBe('succeeded');
    await context.deadLetters.remove(letter.id);
    expect(await context.deadLetters.list()).toEqual([]);
    const [run] = await context.recorded('share-above-threshold');
    expect(run?.summaries).toHaveLength(1);
    const items = await context.table.scan();
    const result = expectInvariant({
      celebrityIds: context.ids,
      sources: ['tmdb'],
      summaries: run?.summaries ?? [],
      items,
    });
    expect(result.counts.written + result.counts.unchanged).toBe(context.ids.length);
    expect(items).toHaveLength(context.ids.length);
    matrix.record({
      area: 'invocation',
      subject: 'tmdb',
      fault: '3 of 4 celebrities failing (75 %), then redrive',
      expected: 'invocation fails → async retries → DLQ; redrive completes the week',
      observed: `${1 + POLICY.function.retryAttempts} attempts → DLQ ${letter.queue} (${letter.errorName}); redrive: ${items.length}/${context.ids.length} stored, ledger 1 record for the run`,
      faultsInjected,
      pairs: context.ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length + Math.max(0, items.length - context.ids.length),
    });
    harness.server.clearLog();
    await context.table.drop();
    await context.state.drop();
  });
});
