import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  countSuccessfulCalls,
  createTestTable,
  fakeUnprocessedItems,
  fakeUnprocessedKeys,
  localDynamoDbClient,
  rejectItem,
  throttle,
} from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createDocumentClient,
  createItemWriter,
  createTableInput,
  type RetryPolicy,
} from '../../src/dynamodb/index.js';
import { buildItem, type CelebrityItem, formatItemKey, ValidationError, WriteError } from '../../src/index.js';
import { celebrity, collectionContext } from '../helpers/factories.js';
import { observationOf, weekItems } from '../helpers/items.js';

const FAST_RETRY = { minTimeout: 1, maxTimeout: 5 };

describe('createItemWriter().putItems on DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  let tableName = '';
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ tableName, drop } = await createTestTable(client, createTableInput(), 'writer'));
  });
  afterAll(async () => {
    await drop();
    client.destroy();
  });

  /** A fresh document client per test, so middlewares never leak between tests. */
  function writerWith(retry: Partial<RetryPolicy> = FAST_RETRY) {
    const documentClient = createDocumentClient({ client: localDynamoDbClient(inject('dynamodbEndpoint')) });
    return { documentClient, writer: createItemWriter({ client: documentClient, tableName, retry }) };
  }

  async function storedCount(week: string): Promise<number> {
    const documentClient = createDocumentClient({ client });
    let count = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await documentClient.send(
        new ScanCommand({
          TableName: tableName,
          Select: 'COUNT',
          FilterExpression: '#week = :week',
          ExpressionAttributeNames: { '#week': 'week' },
          ExpressionAttributeValues: { ':week': week },
          ExclusiveStartKey: startKey,
        }),
      );
      count += page.Count ?? 0;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return count;
  }

  it('writes 400 items in BatchWriteItem calls of 25 and skips all of them on a re-run', async () => {
    const items = weekItems(400, { week: '2026-W40' });
    const { documentClient, writer } = writerWith();
    const calls = countSuccessfulCalls(documentClient);

    const first = await writer.putItems(items);
    expect(first.written).toHaveLength(400);
    expect(first.unchanged).toHaveLength(0);
    expect(first.failed).toEqual([]);
    expect(calls.counts.get('BatchWriteItemCommand')).toBe(16);
    expect(calls.counts.get('BatchGetItemCommand')).toBe(4);
    expect(await storedCount('2026-W40')).toBe(400);

    const second = await writer.putItems(items);
    expect(second.written).toHaveLength(0);
    expect(second.unchanged).toHaveLength(400);
    expect(calls.counts.get('BatchWriteItemCommand')).toBe(16);
  });

  it('replaces a changed item and drops its enrichment, but keeps the enrichment of an unchanged one', async () => {
    const context = collectionContext({ week: '2026-W41' });
    const original = buildItem(celebrity({ id: 'changing' }), observationOf('tmdb', 10), context);
    const steady = buildItem(celebrity({ id: 'steady' }), observationOf('tmdb', 20), context);
    const { documentClient, writer } = writerWith();
    await writer.putItems([original, steady]);
    const enrichment = {
      weight: 0.5,
      sentiment: 'POSITIVE' as const,
      sentiment_score: 0.6,
      processed_at: '2026-11-22T02:05:00.000Z',
      processor_version: 'test-1',
    };
    expect(await writer.enrich(original, enrichment)).toBe('updated');
    expect(await writer.enrich(steady, enrichment)).toBe('updated');

    const changed = buildItem(celebrity({ id: 'changing' }), observationOf('tmdb', 11), {
      ...context,
      runId: 'run-2',
    });
    const rerun = await writer.putItems([changed, steady]);
    expect(rerun.written.map(formatItemKey)).toEqual([formatItemKey(changed)]);
    expect(rerun.unchanged.map(formatItemKey)).toEqual([formatItemKey(steady)]);

    const replaced = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: changed.pk, sk: changed.sk } }),
    );
    expect(replaced.Item).toMatchObject({
      content_hash: changed.content_hash,
      run_id: 'run-2',
      signals: { popularity: 11 },
    });
    for (const attribute of [
      'weight',
      'sentiment',
      'sentiment_score',
      'processed_at',
      'processor_version',
      'enriched_hash',
    ]) {
      expect(replaced.Item).not.toHaveProperty(attribute);
    }
    const kept = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: steady.pk, sk: steady.sk } }),
    );
    expect(kept.Item).toMatchObject({ weight: 0.5, sentiment: 'POSITIVE', enriched_hash: steady.content_hash });
  });

  it('never writes enrichment attributes handed in with an item', async () => {
    const [item] = weekItems(1, { week: '2026-W42' }) as [CelebrityItem];
    const { documentClient, writer } = writerWith();
    await writer.putItems([{ ...item, weight: 1, sentiment: 'NEGATIVE', enriched_hash: item.content_hash }]);
    const stored = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }),
    );
    expect(stored.Item).toMatchObject({ content_hash: item.content_hash });
    expect(stored.Item).not.toHaveProperty('weight');
    expect(stored.Item).not.toHaveProperty('enriched_hash');
  });

  it('retries UnprocessedItems until every item is stored', async () => {
    const items = weekItems(100, { week: '2026-W43' });
    const { documentClient, writer } = writerWith();
    fakeUnprocessedItems(documentClient, { calls: 3, dropCount: 10 });
    const result = await writer.putItems(items);
    expect(result.written).toHaveLength(100);
    expect(result.requestsRetried).toBe(3);
    expect(await storedCount('2026-W43')).toBe(100);
  });

  it('retries UnprocessedKeys of the content-hash read, so unchanged items are still recognised', async () => {
    const items = weekItems(120, { week: '2026-W44' });
    await writerWith().writer.putItems(items);
    const { documentClient, writer } = writerWith();
    fakeUnprocessedKeys(documentClient, { calls: 2, dropCount: 30 });
    const calls = countSuccessfulCalls(documentClient);
    const result = await writer.putItems(items);
    expect(result.unchanged).toHaveLength(120);
    expect(result.written).toHaveLength(0);
    expect(result.requestsRetried).toBe(2);
    expect(calls.counts.get('BatchWriteItemCommand')).toBeUndefined();
  });

  it('retries throttling that reaches the writer (ThrottlingException past the SDK) with the policy', async () => {
    const items = weekItems(60, { week: '2026-W45' });
    const { documentClient, writer } = writerWith();
    const throttled = throttle(documentClient, { commandName: 'BatchWriteItemCommand', calls: 2 });
    const result = await writer.putItems(items);
    expect(throttled.thrown()).toBe(2);
    expect(result.written).toHaveLength(60);
    expect(result.requestsRetried).toBe(2);
    expect(await storedCount('2026-W45')).toBe(60);
  });

  it('lets the SDK absorb short throttling inside its own retries', async () => {
    const items = weekItems(25, { week: '2026-W46' });
    const { documentClient, writer } = writerWith();
    const throttled = throttle(documentClient, { commandName: 'BatchWriteItemCommand', calls: 1, step: 'deserialize' });
    const result = await writer.putItems(items);
    expect(throttled.thrown()).toBe(1);
    expect(result.written).toHaveLength(25);
    expect(result.requestsRetried).toBe(0);
    expect(await storedCount('2026-W46')).toBe(25);
  });

  it('throws a WriteError naming how many items and which keys are left when the retries run out', async () => {
    const items = weekItems(30, { week: '2026-W48' });
    const { documentClient, writer } = writerWith({ ...FAST_RETRY, retries: 2 });
    fakeUnprocessedItems(documentClient, { calls: Number.POSITIVE_INFINITY, dropCount: 3 });
    const error = await writer.putItems(items).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WriteError);
    const writeError = error as WriteError;
    // Two batches (25 + 5); each keeps failing to write its last 3 requests.
    const expectedLeft = [...items.slice(22, 25), ...items.slice(27, 30)].map(formatItemKey).sort();
    expect(writeError.keys.map(formatItemKey).sort()).toEqual(expectedLeft);
    expect(writeError.message).toMatch(
      /^6 of 30 item\(s\) were not written to table `writer-[^`]+` after 2 retries \(24 written/,
    );
    for (const key of expectedLeft) expect(writeError.message).toContain(key);
    expect(await storedCount('2026-W48')).toBe(24);
  });

  it('isolates an item DynamoDB rejects and writes the rest of its batch', async () => {
    const items = weekItems(25, { week: '2026-W49' });
    const poison = items[6] as CelebrityItem;
    const { documentClient, writer } = writerWith();
    rejectItem(documentClient, poison);
    const result = await writer.putItems(items);
    expect(result.failed).toEqual([
      { key: { pk: poison.pk, sk: poison.sk }, reason: expect.stringMatching(/^ValidationException: Item size/) },
    ]);
    expect(result.written).toHaveLength(24);
    expect(await storedCount('2026-W49')).toBe(24);
  });

  it('reports an invalid item as failed with the schema issue and writes the others', async () => {
    const [good, bad] = weekItems(2, { week: '2026-W50' }) as [CelebrityItem, CelebrityItem];
    const broken = { ...bad, content_hash: 'not-a-hash' };
    const result = await writerWith().writer.putItems([good, broken]);
    expect(result.written.map(formatItemKey)).toEqual([formatItemKey(good)]);
    expect(result.failed).toEqual([
      { key: { pk: bad.pk, sk: bad.sk }, reason: expect.stringContaining('invalid item: content_hash') },
    ]);
  });

  it('leaves undefined optional attributes out instead of failing to marshal them', async () => {
    const [item] = weekItems(1, { week: '2026-W52' }) as [CelebrityItem];
    const { documentClient, writer } = writerWith();
    const result = await writer.putItems([{ ...item, source_ref: undefined }]);
    expect(result.written).toHaveLength(1);
    const stored = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }),
    );
    expect(stored.Item).not.toHaveProperty('source_ref');
  });

  it('does nothing for an empty list', async () => {
    const { documentClient, writer } = writerWith();
    const calls = countSuccessfulCalls(documentClient);
    expect(await writer.putItems([])).toEqual({ written: [], unchanged: [], failed: [], requestsRetried: 0 });
    expect(calls.counts.size).toBe(0);
  });

  it('refuses two items with the same key in one call', async () => {
    const [item] = weekItems(1, { week: '2026-W51' }) as [CelebrityItem];
    const attempt = writerWith().writer.putItems([item, { ...item, run_id: 'run-2' }]);
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(writerWith().writer.putItems([item, item])).rejects.toThrow(formatItemKey(item));
  });
});
