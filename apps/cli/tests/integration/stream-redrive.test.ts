import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildItem, isEnriched } from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter } from '@celebrity-pipeline/core/dynamodb';
import {
  createCheckpointStore,
  createDeadLetterQueue,
  createStreamPoller,
  ensureLocalTables,
  localClients,
  localStreamMappingPolicy,
  localTableNames,
} from '@celebrity-pipeline/local-runtime';
import { STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { describe, expect, inject, it } from 'vitest';
import { cli, isolatedDatabase, storedWeek } from '../helpers/cli.js';

describe('dlq redrive of a stream batch', () => {
  it('hands the dead-lettered records to the real post-processor, which enriches them', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const database = isolatedDatabase(endpoint);
    const clients = localClients(endpoint);
    const names = localTableNames(database.table);
    const { streamArn } = await ensureLocalTables(clients.dynamodb, names);
    const documentClient = createDocumentClient({ client: clients.dynamodb });
    const celebrity = defaultCelebrityList().celebrities[0];
    if (!celebrity) throw new Error('the bundled list is empty');
    const item = buildItem(
      celebrity,
      { source: 'tmdb', signals: { popularity: 42 }, texts: [{ text: 'A wonderful, award-winning performance' }] },
      { week: '2026-W48', runId: 'run-1', collectedAt: new Date('2026-11-29T02:00:00Z') },
    );
    await createItemWriter({ client: documentClient, tableName: names.items }).putItems([item]);
    const deadLetters = createDeadLetterQueue({ documentClient, tableName: names.state });
    const failingPoller = createStreamPoller({
      streams: clients.streams,
      streamArn,
      handler: async () => {
        throw new Error('post-processor down');
      },
      matches: (record) => record.eventName === 'INSERT',
      policy: { ...localStreamMappingPolicy(STREAM_MAPPING_SETTINGS), retryAttempts: 0, batchingWindowMs: 0 },
      checkpoints: createCheckpointStore({ documentClient, tableName: names.state, streamArn }),
      deadLetters,
    });
    await failingPoller.pollOnce();
    const [letter] = await deadLetters.list();
    expect(letter).toMatchObject({ queue: 'celebrity-post-processor-dlq', errorMessage: 'post-processor down' });

    const redrive = await cli(['dlq', 'redrive', letter?.id ?? '', ...database.flags]);
    expect(redrive.stdout).toContain(`OK      ${letter?.id}: 1 stream record(s) enriched`);
    expect(redrive.code).toBe(0);
    const [stored] = await storedWeek(endpoint, database.table, '2026-W48');
    expect(stored && isEnriched(stored)).toBe(true);
    expect(await deadLetters.list()).toEqual([]);
    clients.dynamodb.destroy();
    clients.streams.destroy();
  });
});
