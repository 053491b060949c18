import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { uniqueTableName } from '@celebrity-pipeline/testing';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCheckpointStore } from '../../src/checkpoint-store.js';
import { createDeadLetterQueue } from '../../src/dead-letter-queue.js';
import { type LocalClients, localClients } from '../../src/local-database.js';
import { ensureLocalTables, localTableNames } from '../../src/local-tables.js';
import { createStreamPoller } from '../../src/stream-poller.js';
import { testPolicy } from '../helpers/factories.js';

let clients: LocalClients;

beforeAll(() => {
  clients = localClients(inject('dynamodbEndpoint'));
});
afterAll(() => {
  clients.dynamodb.destroy();
  clients.streams.destroy();
});

async function writeObservations(
  client: DynamoDBClient,
  tableName: string,
  ids: number[],
  revision = 1,
): Promise<void> {
  for (let start = 0; start < ids.length; start += 25) {
    const requests = ids.slice(start, start + 25).map((id) => ({
      PutRequest: {
        Item: {
          pk: { S: `CELEBRITY#c${id}` },
          sk: { S: 'WEEK#2026-W48#SOURCE#tmdb' },
          week: { S: '2026-W48' },
          entity: { S: 'observation' },
          revision: { N: String(revision) },
        },
      },
    }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
  }
}

const isInsert = (record: DynamoDBRecord) => record.eventName === 'INSERT';
const idOf = (record: DynamoDBRecord) => record.dynamodb?.Keys?.pk?.S ?? '';

async function setUp(
  handler: (event: DynamoDBStreamEvent) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>,
) {
  const names = localTableNames(uniqueTableName('poller'));
  const { streamArn } = await ensureLocalTables(clients.dynamodb, names);
  const documentClient = DynamoDBDocumentClient.from(clients.dynamodb);
  const deadLetters = createDeadLetterQueue({ documentClient, tableName: names.state });
  const newPoller = () =>
    createStreamPoller({
      streams: clients.streams,
      streamArn,
      handler,
      matches: isInsert,
      policy: testPolicy({ batchSize: 40 }),
      checkpoints: createCheckpointStore({ documentClient, tableName: names.state, streamArn }),
      deadLetters,
    });
  return { names, deadLetters, newPoller };
}

describe('createStreamPoller on DynamoDB Local', () => {
  it('delivers every insert once in batches, skips filtered records and resumes from its checkpoint', async () => {
    const delivered: string[] = [];
    const batchSizes: number[] = [];
    const { names, newPoller } = await setUp(async (event) => {
      batchSizes.push(event.Records.length);
      delivered.push(...event.Records.map(idOf));
      return { batchItemFailures: [] };
    });
    const ids = Array.from({ length: 90 }, (_, index) => index);
    await writeObservations(clients.dynamodb, names.items, ids);
    await writeObservations(clients.dynamodb, names.items, [0, 1, 2], 2); // MODIFY records: filtered out
    const first = newPoller();
    await first.pollOnce();
    expect(delivered).toHaveLength(90);
    expect(new Set(delivered).size).toBe(90);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(40);
    expect(first.stats.recordsFiltered).toBe(3);

    const restarted = newPoller();
    expect((await restarted.pollOnce()).recordsRead).toBe(0);
    await writeObservations(clients.dynamodb, names.items, [100, 101]);
    await restarted.pollOnce();
    expect(delivered.slice(90)).toEqual(['CELEBRITY#c100', 'CELEBRITY#c101']);
  });

  it('sends a record that keeps failing to the DLQ with its error and delivers the rest', async () => {
    const delivered: string[] = [];
    const { names, newPoller, deadLetters } = await setUp(async (event) => {
      const poison = event.Records.find((record) => idOf(record) === 'CELEBRITY#c3');
      const done = poison ? event.Records.slice(0, event.Records.indexOf(poison)) : event.Records;
      delivered.push(...done.map(idOf));
      return { batchItemFailures: poison ? [{ itemIdentifier: poison.dynamodb?.SequenceNumber ?? '' }] : [] };
    });
    await writeObservations(clients.dynamodb, names.items, [1, 2, 3, 4, 5]);
    await newPoller().pollOnce();
    const letters = await deadLetters.list();
    expect(letters).toHaveLength(1);
    const payload = letters[0]?.payload;
    expect(payload?.kind === 'stream-batch' && payload.records.map(idOf)).toEqual([
      'CELEBRITY#c3',
      'CELEBRITY#c4',
      'CELEBRITY#c5',
    ]);
    expect(letters[0]?.errorMessage).toMatch(/batchItemFailures/);
    expect(letters[0]?.queue).toBe('celebrity-post-processor-dlq');
    expect(delivered).toEqual(['CELEBRITY#c1', 'CELEBRITY#c2']);
  });
});
