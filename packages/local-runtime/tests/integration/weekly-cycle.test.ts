import { buildItem, type Celebrity, isEnriched, type ScheduledEvent, type Source } from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter, listWeekItems } from '@celebrity-pipeline/core/dynamodb';
import { uniqueTableName } from '@celebrity-pipeline/testing';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ScheduleTarget } from '../../src/async-invoker.js';
import { createCheckpointStore } from '../../src/checkpoint-store.js';
import { createDeadLetterQueue } from '../../src/dead-letter-queue.js';
import { createInvocationLog } from '../../src/invocation-log.js';
import { localInvokePolicy } from '../../src/invoke-policy.js';
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
  const scraper =
    (source: Source, failures: { remaining: number }): ScheduleTarget<number>['loadHandler'] =>
    async () =>
    async (event: ScheduledEvent) => {
      if (failures.remaining > 0) {
        failures.remaining -= 1;
        throw new Error(`${source} upstream down`);
      }
      const items = celebrities.map((celebrity) =>
        buildItem(
          celebrity,
          { source: 'tmdb', signals: { popularity: 10 }, texts: [{ text: 'A great film' }] },
          { week: '2026-W48', runId: event.id, collectedAt: new Date(event.time) },
        ),
      );
      return (await writer.putItems(items)).written.length;
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
  const readWeek = async () =>
    (await listWeekItems({ client: documentClient, tableName: names.items, week: '2026-W48' })).items;
  const invocationLog = createInvocationLog({ documentClient, tableName: names.state });
  return { scraper, poller, deadLetters, readWeek, invocationLog };
}

describe('runWeeklyCycle', () => {
  it('ends when every written item is enriched; a scraper that keeps failing ends in the DLQ', async () => {
    const { scraper, poller, deadLetters, readWeek, invocationLog } = await setUp();
    const cycle = await runWeeklyCycle({
      week: '2026-W48',
      runId: 'run-1',
      targets: [
        { source: 'tmdb', loadHandler: scraper('tmdb', { remaining: 1 }) },
        { source: 'news', loadHandler: scraper('news', { remaining: 99 }) },
      ],
      poller,
      deadLetters,
      invocationLog,
      invokePolicy: localInvokePolicy(1 / 600),
      readWeek,
      checkIntervalMs: 50,
    });
    expect(cycle.invocations.map(({ source, outcome }) => [source, outcome.status, outcome.attempts])).toEqual([
      ['tmdb', 'succeeded', 2],
      ['news', 'failed', 3],
    ]);
    expect(cycle.pending).toEqual([]);
    const items = await readWeek();
    expect(items).toHaveLength(30);
    expect(items.every(isEnriched)).toBe(true);
    const letters = await deadLetters.list();
    expect(letters.map((letter) => letter.payload)).toEqual([
      expect.objectContaining({ kind: 'scraper-invocation', source: 'news', week: '2026-W48', event: cycle.event }),
    ]);
    const invocations = await invocationLog.listRun('run-1');
    expect(invocations.map((record) => [record.source, record.status, record.attempts]).sort()).toEqual([
      ['news', 'failed', 3],
      ['tmdb', 'succeeded', 2],
    ]);
    const invokedAt = invocations.map((record) => Date.parse(record.invokedAt));
    expect(Math.max(...invokedAt) - Math.min(...invokedAt)).toBeLessThan(100);
    expect(cycle.event).toMatchObject({ id: 'run-1', time: '2026-11-29T02:00:00Z', 'detail-type': 'Scheduled Event' });
  });
});
