import { planWeek } from '@celebrity-pipeline/collection-plan';
import { buildItem, type Celebrity, isEnriched, type Source } from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter, listWeekItems } from '@celebrity-pipeline/core/dynamodb';
import type { ShardEvent } from '@celebrity-pipeline/scraper-kit';
import { uniqueTableName } from '@celebrity-pipeline/testing';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCheckpointStore } from '../../src/checkpoint-store.js';
import type { ScraperTarget } from '../../src/collection-run.js';
import { createDeadLetterQueue } from '../../src/dead-letter-queue.js';
import { createInvocationLog } from '../../src/invocation-log.js';
import { type LocalClients, localClients } from '../../src/local-database.js';
import { ensureLocalTables, localTableNames } from '../../src/local-tables.js';
import { createStreamPoller } from '../../src/stream-poller.js';
import { runWeeklyCycle } from '../../src/weekly-cycle.js';
import { testPolicy } from '../helpers/factories.js';

let clients: LocalClients;
beforeAll(() => {
  clients = localClients(inject('dynamodbEndpoint'));
});
afterAll(() => {
  clients.dynamodb.destroy();
  clients.streams.destroy();
});

const celebrities: Celebrity[] = Array.from({ length: 30 }, (_, index) => ({
  id: `person-${index}`,
  name: `Person ${index}`,
  aliases: [],
  wikipediaTitle: `Person_${index}`,
  hashtags: [],
}));

async function setUp() {
  const names = localTableNames(uniqueTableName('cycle'));
  const { streamArn } = await ensureLocalTables(clients.dynamodb, names);
  const documentClient = createDocumentClient({ client: clients.dynamodb });
  const writer = createItemWriter({ client: documentClient, tableName: names.items });
  const deadLetters = createDeadLetterQueue({ documentClient, tableName: names.state });
  /**
   * A scraper whose first `failures.remaining` invocations throw an error named `failures.name` (a Lambda error or
   * its own), after `failures.delayMs`.
   */
  const scraper =
    (
      source: Source,
      failures: { remaining: number; name: string; delayMs?: number },
    ): ScraperTarget<unknown>['loadHandler'] =>
    async () =>
    async (event: ShardEvent) => {
      if (failures.remaining > 0) {
        await new Promise((resolve) => setTimeout(resolve, failures.delayMs ?? 0));
        failures.remaining -= 1;
        throw Object.assign(new Error(`${source} upstream down`), { name: failures.name });
      }
      const items = celebrities
        .slice(event.shard.start, event.shard.end)
        .map((celebrity) =>
          buildItem(
            celebrity,
            { source: 'tmdb', signals: { popularity: 10 }, texts: [{ text: 'A great film' }] },
            { week: event.week, runId: event.runId, collectedAt: new Date(event.scheduledAt) },
          ),
        );
      const written = (await writer.putItems(items)).written.length;
      return { status: 'succeeded', attempted: items.length, written };
    };
  const enrich = async (event: DynamoDBStreamEvent) => {
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      await writer.enrich(
        { pk: image?.pk?.S ?? '', sk: image?.sk?.S ?? '', content_hash: image?.content_hash?.S ?? '' },
        {
          weight: 0.5,
          sentiment: 'POSITIVE',
          sentiment_score: 0.6,
          processed_at: new Date().toISOString(),
          processor_version: 'test',
        },
      );
    }
    return { batchItemFailures: [] };
  };
  const poller = createStreamPoller({
    streams: clients.streams,
    streamArn,
    handler: enrich,
    matches: (record) => record.eventName === 'INSERT' || record.dynamodb?.NewImage?.weight === undefined,
    policy: testPolicy({ batchSize: 100, batchingWindowMs: 50 }),
    checkpoints: createCheckpointStore({ documentClient, tableName: names.state, streamArn }),
    deadLetters,
    pollIntervalMs: 50,
  });
  const reads = { count: 0 };
  const readWeek = async () => {
    reads.count += 1;
    return (await listWeekItems({ client: documentClient, tableName: names.items, week: '2026-W48' })).items;
  };
  const invocationLog = createInvocationLog({ documentClient, tableName: names.state });
  return { scraper, poller, deadLetters, readWeek, reads, invocationLog };
}

const list = { version: 1, celebrities };

describe('runWeeklyCycle', () => {
  it('executes the collection definition, waits for the enrichment of what the run wrote, reads the week once', async () => {
    const { scraper, poller, deadLetters, readWeek, reads, invocationLog } = await setUp();
    const cycle = await runWeeklyCycle({
      week: '2026-W48',
      runId: 'run-1',
      planWeek: (event) => planWeek(event, list),
      targets: [
        { source: 'tmdb', loadHandler: scraper('tmdb', { remaining: 1, name: 'Lambda.TooManyRequestsException' }) },
        // A failing one-shard source: its branch catches the failure, the execution and tmdb go on.
        {
          source: 'news',
          loadHandler: scraper('news', { remaining: 99, name: 'FailureThresholdError', delayMs: 300 }),
        },
      ],
      poller,
      deadLetters,
      invocationLog,
      timeScale: 1 / 600,
      readWeek,
      checkIntervalMs: 50,
    });
    expect(reads.count).toBe(1);
    expect(
      cycle.sources.map(({ source, status, shards }) => [source, status, shards.map((shard) => shard.status)]),
    ).toEqual([
      ['tmdb', 'succeeded', ['succeeded']],
      ['news', 'failed', ['failed']],
    ]);
    expect(cycle.executionError).toBeUndefined();
    expect(cycle.pending).toEqual([]);
    expect(cycle.items).toHaveLength(30);
    expect(cycle.items.every(isEnriched)).toBe(true);
    const letters = await deadLetters.list();
    expect(letters.map((letter) => letter.payload)).toEqual([
      expect.objectContaining({
        kind: 'scraper-invocation',
        source: 'news',
        week: '2026-W48',
        event: cycle.event,
        shard: cycle.plan?.shards.news[0],
      }),
    ]);
    const invocations = await invocationLog.listRun('run-1');
    expect(invocations.map((record) => [record.source, record.status, record.attempts]).sort()).toEqual([
      ['news', 'failed', 1],
      ['tmdb', 'succeeded', 2],
    ]);
    const invokedAt = invocations.map((record) => Date.parse(record.invokedAt));
    expect(Math.max(...invokedAt) - Math.min(...invokedAt)).toBeLessThan(100);
    expect(cycle.event).toMatchObject({ id: 'run-1', time: '2026-11-29T02:00:00Z', 'detail-type': 'Scheduled Event' });
  });
});
