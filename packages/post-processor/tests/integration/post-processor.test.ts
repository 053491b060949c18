import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type CelebrityItem,
  computeWeight,
  type Enrichment,
  scoreSentiment,
  WriteError,
} from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter, createTableInput } from '@celebrity-pipeline/core/dynamodb';
import { countUpdateItemCalls, createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostProcessor, EnrichmentWriteError, PROCESSOR_VERSION } from '../../src/index.js';
import { weekItems } from '../helpers/items.js';
import { capturedTelemetry } from '../helpers/log-capture.js';
import {
  dynamodbStreamEvent,
  dynamodbStreamRecord,
  enrichmentModifyRecord,
  insertRecord,
} from '../helpers/stream-records.js';

const FIRST_PASS = new Date('2026-11-22T02:05:00.000Z');
const SECOND_PASS = new Date('2026-11-22T03:30:00.000Z');

describe('createPostProcessor().handle on DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const documentClient = createDocumentClient({ client });
  const updates = countUpdateItemCalls(client);
  let tableName = '';
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ tableName, drop } = await createTestTable(client, createTableInput(), 'post-processor'));
  });
  afterAll(async () => {
    await drop();
    client.destroy();
  });

  /** Stores `count` fresh items of run `runId` as the scrapers would, and returns them. */
  async function storeItems(count: number, runId: string): Promise<CelebrityItem[]> {
    const items = weekItems(count, { runId, week: '2026-W47' }).map((item) => ({
      ...item,
      celebrity_id: `${runId}-${item.celebrity_id}`,
      pk: `CELEBRITY#${runId}-${item.celebrity_id}`,
    }));
    await createItemWriter({ client: documentClient, tableName }).putItems(items);
    return items;
  }

  async function stored(item: Pick<CelebrityItem, 'pk' | 'sk'>): Promise<Record<string, unknown> | undefined> {
    const output = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }),
    );
    return output.Item;
  }

  function postProcessor(now: Date, telemetry = capturedTelemetry()) {
    return createPostProcessor({ documentClient, tableName, now: () => now, ...telemetry });
  }

  it('writes the weight and sentiment computed by core onto every item of the batch', async () => {
    const items = await storeItems(12, 'written');
    const response = await postProcessor(FIRST_PASS).handle(dynamodbStreamEvent(items.map(insertRecord)));
    expect(response).toEqual({ batchItemFailures: [] });
    for (const item of items) {
      const sentiment = scoreSentiment(item.texts);
      expect(await stored(item)).toMatchObject({
        weight: computeWeight(item),
        sentiment: sentiment.label,
        sentiment_score: sentiment.compound,
        processed_at: FIRST_PASS.toISOString(),
        processor_version: PROCESSOR_VERSION,
        enriched_hash: item.content_hash,
        content_hash: item.content_hash,
        signals: item.signals,
      });
    }
  });

  it('reports only the poison record in batchItemFailures and enriches the others, logging why it failed', async () => {
    const items = await storeItems(5, 'poison');
    const records = items.map(insertRecord);
    const poison = dynamodbStreamRecord({ ...items[2], content_hash: 'not-a-sha256' });
    records.splice(2, 1, poison);
    const telemetry = capturedTelemetry();

    const response = await postProcessor(FIRST_PASS, telemetry).handle(dynamodbStreamEvent(records));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: poison.dynamodb?.SequenceNumber }] });
    for (const [index, item] of items.entries()) {
      expect((await stored(item))?.weight === undefined).toBe(index === 2);
    }
    const failure = telemetry.lines.find((line) => line.message === 'Record failed');
    expect(failure).toMatchObject({
      level: 'ERROR',
      pk: items[2]?.pk,
      sk: items[2]?.sk,
      runId: 'poison',
      sequenceNumber: poison.dynamodb?.SequenceNumber,
    });
    expect(String(failure?.reason)).toMatch(/not a valid celebrity item:\n {2}- content_hash/);
  });

  it('performs no write when the same batch is handled twice (at-least-once delivery)', async () => {
    const items = await storeItems(10, 'twice');
    const event = dynamodbStreamEvent(items.map(insertRecord));
    updates.reset();
    await postProcessor(FIRST_PASS).handle(event);
    expect({ sent: updates.sent, written: updates.written }).toEqual({ sent: 10, written: 10 });

    updates.reset();
    const telemetry = capturedTelemetry();
    expect(await postProcessor(SECOND_PASS, telemetry).handle(event)).toEqual({ batchItemFailures: [] });
    expect({ sent: updates.sent, written: updates.written, refused: updates.refused }).toEqual({
      sent: 10,
      written: 0,
      refused: 10,
    });
    for (const item of items) expect((await stored(item))?.processed_at).toBe(FIRST_PASS.toISOString());
    const skipped = telemetry.lines.filter((line) => line.message === 'Item skipped: already-enriched');
    expect(skipped).toHaveLength(10);
  });

  it('skips its own MODIFY records without touching DynamoDB if they ever reach it unfiltered', async () => {
    const items = await storeItems(3, 'own-modify');
    const processor = postProcessor(FIRST_PASS);
    await processor.handle(dynamodbStreamEvent(items.map(insertRecord)));
    updates.reset();
    const ownModifies = items.map((item) =>
      enrichmentModifyRecord(item, {
        weight: computeWeight(item),
        sentiment: 'NEUTRAL',
        sentiment_score: 0,
        processed_at: FIRST_PASS.toISOString(),
        processor_version: PROCESSOR_VERSION,
      }),
    );
    expect(await processor.handle(dynamodbStreamEvent(ownModifies))).toEqual({ batchItemFailures: [] });
    expect(updates.sent).toBe(0);
    expect(await processor.processRecord(ownModifies[0] ?? insertRecord(items[0] as CelebrityItem))).toBe('filtered');
  });

  it('answers stale for an image that was replaced meanwhile, and missing for a deleted item, without writing', async () => {
    const [item] = await storeItems(1, 'stale');
    if (item === undefined) throw new Error('no item');
    const older = { ...item, content_hash: 'a'.repeat(64) };
    const processor = postProcessor(FIRST_PASS);
    expect(await processor.processRecord(dynamodbStreamRecord(older))).toBe('stale');
    const ghost = { ...item, pk: 'CELEBRITY#nobody' };
    expect(await processor.processRecord(dynamodbStreamRecord(ghost))).toBe('missing');
    expect(await stored(item)).not.toHaveProperty('weight');
  });

  it('publishes RecordsProcessed/Skipped/Failed and the sentiment mix per source as EMF', async () => {
    const items = await storeItems(8, 'metrics');
    const telemetry = capturedTelemetry();
    const records = [...items.map(insertRecord), dynamodbStreamRecord({ ...items[0], texts: 'not a list' })];
    await postProcessor(FIRST_PASS, telemetry).handle(dynamodbStreamEvent(records));
    const emf = telemetry.lines.filter((line) => '_aws' in line);
    expect(emf[0]).toMatchObject({ RecordsProcessed: 8, RecordsSkipped: 0, RecordsFailed: 1 });
    const bySource = Object.fromEntries(emf.slice(1).map((line) => [line.source, line]));
    for (const source of ['tmdb', 'wikipedia', 'news', 'social']) {
      const expected = { POSITIVE: 0, NEGATIVE: 0, NEUTRAL: 0 };
      for (const item of items.filter((candidate) => candidate.source === source)) {
        expected[scoreSentiment(item.texts).label] += 1;
      }
      expect(bySource[source]).toMatchObject({
        SentimentPositive: expected.POSITIVE,
        SentimentNegative: expected.NEGATIVE,
        SentimentNeutral: expected.NEUTRAL,
      });
      expect(JSON.stringify(bySource[source]?._aws)).toContain('"source"');
    }
  });

  it('fails only the record whose write failed, naming the item, and keeps the cause', async () => {
    const items = await storeItems(3, 'write-failure');
    const real = createItemWriter({ client: documentClient, tableName });
    const broken = items[1];
    const writer = {
      enrich: (item: Pick<CelebrityItem, 'pk' | 'sk' | 'content_hash'>, enrichment: Enrichment) =>
        item.pk === broken?.pk && item.sk === broken?.sk
          ? Promise.reject(new WriteError('DynamoDB is unreachable'))
          : real.enrich(item, enrichment),
    };
    const records = items.map(insertRecord);
    const postProcessor = createPostProcessor({ writer, now: () => FIRST_PASS, ...capturedTelemetry() });
    expect(await postProcessor.handle(dynamodbStreamEvent(records))).toEqual({
      batchItemFailures: [{ itemIdentifier: records[1]?.dynamodb?.SequenceNumber }],
    });
    const failure = await postProcessor.processRecord(records[1] as DynamoDBRecord).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EnrichmentWriteError);
    expect((failure as EnrichmentWriteError).message).toBe(
      `Could not write the enrichment of ${broken?.pk}|${broken?.sk}: DynamoDB is unreachable`,
    );
    expect((failure as EnrichmentWriteError).cause).toBeInstanceOf(WriteError);
    expect(await stored(items[0] as CelebrityItem)).toHaveProperty('weight');
    expect(await stored(broken as CelebrityItem)).not.toHaveProperty('weight');
  });

  it('throws FullBatchFailureError when every record failed, so Lambda retries or bisects the batch', async () => {
    const [item] = weekItems(1);
    const event = dynamodbStreamEvent([dynamodbStreamRecord({ ...item, schema_version: 99 })]);
    await expect(postProcessor(FIRST_PASS).handle(event)).rejects.toBeInstanceOf(FullBatchFailureError);
    const lenient = createPostProcessor({
      documentClient,
      tableName,
      throwOnFullBatchFailure: false,
      ...capturedTelemetry(),
    });
    expect(await lenient.handle(event)).toEqual({
      batchItemFailures: [{ itemIdentifier: event.Records[0]?.dynamodb?.SequenceNumber }],
    });
  });
});
