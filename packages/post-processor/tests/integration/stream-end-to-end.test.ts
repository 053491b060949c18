import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { parseItem, SENTIMENT_LABELS } from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter, createTableInput } from '@celebrity-pipeline/core/dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createPostProcessor, matchesStreamFilters, STREAM_MAPPING_SETTINGS } from '../../src/index.js';
import { localStreamsClient, readWholeStream } from '../helpers/dynamodb-streams.js';
import { weekItems } from '../helpers/items.js';
import { capturedTelemetry } from '../helpers/log-capture.js';
import { dynamodbStreamEvent, lambdaRecordFromStreamsApi } from '../helpers/stream-records.js';

const WEEKLY_ITEMS = 400;
// Writing and enriching 400 items took 15–58 s here on a 2-core box shared by several test runs (load 9–16).
const WEEKLY_RUN_TIMEOUT_MS = 180_000;

describe('post-processor on the real DynamoDB Local stream', () => {
  const endpoint = inject('dynamodbEndpoint');
  const client = localDynamoDbClient(endpoint);
  const streams = localStreamsClient(endpoint);
  const documentClient = createDocumentClient({ client });
  const drops: (() => Promise<void>)[] = [];

  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop()));
    client.destroy();
    streams.destroy();
  });

  /** A fresh table with its stream, and functions to read the records not read before and to scan it. */
  async function streamTable() {
    const { tableName, drop } = await createTestTable(client, createTableInput(), 'stream');
    drops.push(drop);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const streamArn = Table?.LatestStreamArn ?? '';
    expect(streamArn).toMatch(/\/stream\//);
    const seenEventIds = new Set<string>();
    const newStreamRecords = async (): Promise<DynamoDBRecord[]> => {
      const records = (await readWholeStream(streams, streamArn)).filter(
        (record) => !seenEventIds.has(record.eventID ?? ''),
      );
      for (const record of records) seenEventIds.add(record.eventID ?? '');
      return records.map((record) => lambdaRecordFromStreamsApi(record, streamArn));
    };
    const scanAll = async (): Promise<Record<string, unknown>[]> => {
      const items: Record<string, unknown>[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await documentClient.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey !== undefined);
      return items;
    };
    return { tableName, writer: createItemWriter({ client: documentClient, tableName }), newStreamRecords, scanAll };
  }

  /** Hands the records the filters accept to the handler in batches of STREAM_MAPPING_SETTINGS.batchSize. */
  async function deliver(tableName: string, records: DynamoDBRecord[]): Promise<string[]> {
    const postProcessor = createPostProcessor({ documentClient, tableName, ...capturedTelemetry() });
    const accepted = records.filter(matchesStreamFilters);
    const failures: string[] = [];
    for (let start = 0; start < accepted.length; start += STREAM_MAPPING_SETTINGS.batchSize) {
      const batch = accepted.slice(start, start + STREAM_MAPPING_SETTINGS.batchSize);
      const response = await postProcessor.handle(dynamodbStreamEvent(batch));
      failures.push(...response.batchItemFailures.map((failure) => failure.itemIdentifier));
    }
    return failures;
  }

  it(
    'enriches the 400 items of a weekly run from their INSERT records, and its own MODIFYs are filtered out',
    async () => {
      const table = await streamTable();
      expect((await table.writer.putItems(weekItems(WEEKLY_ITEMS))).written).toHaveLength(WEEKLY_ITEMS);

      const inserts = await table.newStreamRecords();
      expect(inserts).toHaveLength(WEEKLY_ITEMS);
      expect(inserts.every((record) => record.eventName === 'INSERT' && matchesStreamFilters(record))).toBe(true);
      expect(await deliver(table.tableName, inserts)).toEqual([]);

      const items = await table.scanAll();
      expect(items).toHaveLength(WEEKLY_ITEMS);
      for (const stored of items) {
        const item = parseItem(stored);
        expect(item.weight).toBeGreaterThanOrEqual(0);
        expect(item.weight).toBeLessThanOrEqual(1);
        expect(SENTIMENT_LABELS).toContain(item.sentiment);
        expect(item.enriched_hash).toBe(item.content_hash);
      }
      expect(new Set(items.map((item) => item.sentiment))).toEqual(new Set(SENTIMENT_LABELS));

      const afterwards = await table.newStreamRecords();
      expect(afterwards).toHaveLength(WEEKLY_ITEMS);
      expect(afterwards.every((record) => record.eventName === 'MODIFY')).toBe(true);
      expect(afterwards.filter(matchesStreamFilters)).toEqual([]);
    },
    WEEKLY_RUN_TIMEOUT_MS,
  );

  it('re-enriches the items a re-scrape replaced (their MODIFY has no weight), and nothing else', async () => {
    const table = await streamTable();
    await table.writer.putItems(weekItems(8));
    expect(await deliver(table.tableName, await table.newStreamRecords())).toEqual([]);
    expect((await table.newStreamRecords()).filter(matchesStreamFilters)).toEqual([]);

    const rescraped = weekItems(8, { level: 5_000 }).slice(0, 4);
    expect((await table.writer.putItems(rescraped)).written).toHaveLength(4);
    const modifies = await table.newStreamRecords();
    expect(modifies.map((record) => record.eventName)).toEqual(['MODIFY', 'MODIFY', 'MODIFY', 'MODIFY']);
    expect(modifies.filter(matchesStreamFilters)).toHaveLength(4);
    expect(await deliver(table.tableName, modifies)).toEqual([]);

    const own = await table.newStreamRecords();
    expect(own).toHaveLength(4);
    expect(own.filter(matchesStreamFilters)).toEqual([]);
    const byKey = new Map((await table.scanAll()).map((item) => [`${item.pk}|${item.sk}`, item]));
    for (const item of rescraped) {
      expect(byKey.get(`${item.pk}|${item.sk}`)).toMatchObject({
        content_hash: item.content_hash,
        enriched_hash: item.content_hash,
      });
    }
  });
});
