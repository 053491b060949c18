import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildItem, type CelebrityItem, isEnriched } from '@celebrity-pipeline/core';
import { createItemWriter } from '@celebrity-pipeline/core/dynamodb';
import {
  createCheckpointStore,
  createDeadLetterQueue,
  createMemoryCheckpointStore,
  createStreamPoller,
  ensureLocalTables,
  type LocalClients,
  localClients,
  localStreamMappingPolicy,
  localTableNames,
  type StreamPoller,
} from '@celebrity-pipeline/local-runtime';
import { createPostProcessor, matchesStreamFilters, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { captureOutput } from '@celebrity-pipeline/scraper-testing';
import { uniqueTableName } from '@celebrity-pipeline/testing';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { inject } from 'vitest';
import { EVENT_TIME, WEEK } from './scraper-harness.js';

/** The deployed mapping settings (batch 100, bisect, 5 retries) with fast local timings. */
export const STREAM_POLICY = localStreamMappingPolicy(STREAM_MAPPING_SETTINGS, {
  timeScale: 1 / 600,
  firstRetryDelayMs: 5,
});

/** `count` valid tmdb items of the week for the first bundled celebrities. */
export function tmdbItems(count: number, runId = 'stream-run'): CelebrityItem[] {
  return defaultCelebrityList()
    .celebrities.slice(0, count)
    .map((celebrity, index) =>
      buildItem(
        celebrity,
        { source: 'tmdb', signals: { popularity: 10 + index }, texts: [{ text: `${celebrity.name} was wonderful` }] },
        { week: WEEK as CelebrityItem['week'], runId, collectedAt: EVENT_TIME },
      ),
    );
}

/**
 * Local tables with a stream (local-runtime's `ensureLocalTables`), core's writer, the real post-processor behind
 * local-runtime's poller (post-processor's filters and mapping settings), and a count of handler invocations.
 */
export async function startStreamHarness() {
  const clients: LocalClients = localClients(inject('dynamodbEndpoint'));
  const names = localTableNames(uniqueTableName('stream'));
  const { streamArn } = await ensureLocalTables(clients.dynamodb, names);
  const documentClient = DynamoDBDocumentClient.from(clients.dynamodb);
  const writer = createItemWriter({
    client: documentClient,
    tableName: names.items,
    retry: { minTimeout: 5, maxTimeout: 20 },
  });
  const deadLetters = createDeadLetterQueue({ documentClient, tableName: names.state });
  const postProcessor = createPostProcessor({ documentClient, tableName: names.items });
  const events: DynamoDBStreamEvent[] = [];
  const handler = async (event: DynamoDBStreamEvent) => {
    events.push(event);
    return postProcessor.handle(event);
  };
  /** A poller with the durable checkpoint store, or (`isFromTrimHorizon`) one that lost it and re-reads everything. */
  const newPoller = (options: { isFromTrimHorizon?: boolean } = {}): StreamPoller =>
    createStreamPoller({
      streams: clients.streams,
      streamArn,
      handler,
      matches: matchesStreamFilters,
      policy: STREAM_POLICY,
      checkpoints: options.isFromTrimHorizon
        ? createMemoryCheckpointStore()
        : createCheckpointStore({ documentClient, tableName: names.state, streamArn }),
      deadLetters,
    });
  /** Polls until the poller has caught up with the stream; returns the poller's stats and the captured output. */
  const drain = async (poller: StreamPoller) =>
    captureOutput(async () => {
      for (let round = 0; round < 50; round += 1) {
        const result = await poller.pollOnce();
        if (result.isCaughtUp) return poller.stats;
      }
      throw new Error('the poller did not catch up within 50 rounds');
    });
  const scan = async () => {
    const page = await documentClient.send(new ScanCommand({ TableName: names.items, ConsistentRead: true }));
    return (page.Items ?? []) as CelebrityItem[];
  };
  let poisonRecordsWritten = 0;
  /** An item core's schema refuses (no signals, no hash) that still passes the stream filter: an injected fault. */
  const putPoison = async (celebrityId: string) => {
    poisonRecordsWritten += 1;
    await clients.dynamodb.send(
      new PutItemCommand({
        TableName: names.items,
        Item: {
          pk: { S: `CELEBRITY#${celebrityId}` },
          sk: { S: `WEEK#${WEEK}#SOURCE#tmdb` },
          entity: { S: 'observation' },
          week: { S: WEEK },
          source: { S: 'tmdb' },
          celebrity_id: { S: celebrityId },
        },
      }),
    );
  };
  return {
    clients,
    documentClient,
    names,
    streamArn,
    handler,
    writer,
    deadLetters,
    postProcessor,
    events,
    newPoller,
    drain,
    scan,
    putPoison,
    poisonRecordsWritten: () => poisonRecordsWritten,
    enrichedCount: async () => (await scan()).filter((item) => isEnriched(item)).length,
    close: () => {
      clients.dynamodb.destroy();
      clients.streams.destroy();
    },
  };
}

/** Stored items beyond the first of each celebrity × source × week (the `stored-items` duplicates measure). */
export function duplicateStoredItems(items: readonly CelebrityItem[]): number {
  return items.length - new Set(items.map((item) => `${item.celebrity_id}|${item.source}|${item.week}`)).size;
}
