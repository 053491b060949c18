import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { countSuccessfulCalls, createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient, createItemWriter, createTableInput } from '../../src/dynamodb/index.js';
import { buildItem, type CelebrityItem, type Enrichment, ValidationError } from '../../src/index.js';
import { celebrity, collectionContext } from '../helpers/factories.js';
import { observationOf } from '../helpers/items.js';

const enrichment: Enrichment = {
  weight: 0.42,
  sentiment: 'NEGATIVE',
  sentiment_score: -0.31,
  processed_at: '2026-11-22T02:05:00.000Z',
  processor_version: 'weight-1+vader-3.3.2',
};

describe('createItemWriter().enrich on DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const documentClient = createDocumentClient({ client });
  let tableName = '';
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ tableName, drop } = await createTestTable(client, createTableInput(), 'enrich'));
  });
  afterAll(async () => {
    await drop();
    client.destroy();
  });

  async function storedItem(id: string, level = 10): Promise<CelebrityItem> {
    const item = buildItem(celebrity({ id }), observationOf('news', level), collectionContext());
    await createItemWriter({ client: documentClient, tableName }).putItems([item]);
    return item;
  }

  async function read(item: Pick<CelebrityItem, 'pk' | 'sk'>) {
    const output = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }),
    );
    return output.Item;
  }

  it('writes weight, sentiment, sentiment_score, processed_at, processor_version and enriched_hash', async () => {
    const item = await storedItem('enrich-updated');
    const writer = createItemWriter({ client: documentClient, tableName });
    expect(await writer.enrich(item, enrichment)).toBe('updated');
    expect(await read(item)).toMatchObject({ ...enrichment, enriched_hash: item.content_hash, signals: item.signals });
  });

  it('answers already-enriched without writing when the same hash and version come again', async () => {
    const item = await storedItem('enrich-twice');
    const counting = createDocumentClient({ client: localDynamoDbClient(inject('dynamodbEndpoint')) });
    const calls = countSuccessfulCalls(counting);
    const writer = createItemWriter({ client: counting, tableName });
    expect(await writer.enrich(item, enrichment)).toBe('updated');
    const redelivered = { ...enrichment, weight: 0.9, processed_at: '2026-11-22T03:00:00.000Z' };
    expect(await writer.enrich(item, redelivered)).toBe('already-enriched');
    expect(calls.counts.get('UpdateItemCommand')).toBe(1);
    expect(await read(item)).toMatchObject({ weight: 0.42, processed_at: enrichment.processed_at });
  });

  it('enriches again under a new processor_version', async () => {
    const item = await storedItem('enrich-new-version');
    const writer = createItemWriter({ client: documentClient, tableName });
    await writer.enrich(item, enrichment);
    expect(await writer.enrich(item, { ...enrichment, weight: 0.5, processor_version: 'weight-2+vader-3.3.2' })).toBe(
      'updated',
    );
    expect(await read(item)).toMatchObject({ weight: 0.5, processor_version: 'weight-2+vader-3.3.2' });
  });

  it('answers stale and leaves the item alone when its content changed meanwhile', async () => {
    const old = await storedItem('enrich-stale', 10);
    const current = await storedItem('enrich-stale', 11);
    expect(current.content_hash).not.toBe(old.content_hash);
    const writer = createItemWriter({ client: documentClient, tableName });
    expect(await writer.enrich(old, enrichment)).toBe('stale');
    const stored = await read(current);
    expect(stored).toMatchObject({ content_hash: current.content_hash });
    expect(stored).not.toHaveProperty('weight');
  });

  it('answers missing and creates nothing when the item is gone', async () => {
    const item = buildItem(celebrity({ id: 'enrich-missing' }), observationOf('tmdb', 3), collectionContext());
    const writer = createItemWriter({ client: documentClient, tableName });
    expect(await writer.enrich(item, enrichment)).toBe('missing');
    expect(await read(item)).toBeUndefined();
  });

  it('refuses an enrichment out of range, naming the attribute', async () => {
    const item = await storedItem('enrich-invalid');
    const writer = createItemWriter({ client: documentClient, tableName });
    await expect(writer.enrich(item, { ...enrichment, weight: 1.5 })).rejects.toThrow(ValidationError);
    await expect(writer.enrich(item, { ...enrichment, weight: 1.5 })).rejects.toThrow(/weight/);
    expect(await read(item)).not.toHaveProperty('weight');
  });
});
