import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { parseItem, SENTIMENT_LABELS } from '@celebrity-pipeline/core';
import {
  createDocumentClient,
  createItemWriter,
  createTableInput,
  listWeekItems,
  listWeekRanking,
  rollUpWeek,
} from '@celebrity-pipeline/core/dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  createPostProcessor,
  enrichmentFor,
  matchesStreamFilters,
  needsRescore,
  PROCESSOR_VERSION,
  rescoreEvent,
  STREAM_MAPPING_SETTINGS,
} from '../../src/index.js';
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

  it('lets a processor_version change through once and never loops on its own re-enrichment', async () => {
    const table = await streamTable();
    const items = weekItems(8);
    await table.writer.putItems(items);
    await table.newStreamRecords();
    // Enriched by an older release: the MODIFY this leaves on the stream carries the old version.
    const oldVersion = 'post-processor@0.0.1+weight@0';
    for (const item of items) await table.writer.enrich(item, enrichmentFor(item, new Date(), oldVersion));
    const oldEnrichments = await table.newStreamRecords();
    expect(oldEnrichments).toHaveLength(8);
    expect(oldEnrichments.filter(matchesStreamFilters)).toHaveLength(8);
    expect(await deliver(table.tableName, oldEnrichments)).toEqual([]);

    const reEnrichments = await table.newStreamRecords();
    expect(reEnrichments).toHaveLength(8);
    expect(reEnrichments.filter(matchesStreamFilters)).toEqual([]);
    const stored = (await table.scanAll()).map((entry) => parseItem(entry));
    expect(stored.every((item) => item.processor_version === PROCESSOR_VERSION)).toBe(true);
    expect(await table.newStreamRecords()).toEqual([]);
  });

  it('re-scores stored items handed over as rescoreEvent once; a second pass finds nothing to do', async () => {
    const table = await streamTable();
    const items = weekItems(8);
    await table.writer.putItems(items);
    for (const item of items)
      await table.writer.enrich(item, enrichmentFor(item, new Date(), 'post-processor@0.0.1+weight@0'));
    await table.newStreamRecords();
    const { items: storedBefore } = await listWeekItems({
      client: documentClient,
      tableName: table.tableName,
      week: '2026-W47',
    });
    const outdated = storedBefore.filter((item) => needsRescore(item));
    expect(outdated).toHaveLength(8);
    const postProcessor = createPostProcessor({ documentClient, tableName: table.tableName, ...capturedTelemetry() });
    expect((await postProcessor.handle(rescoreEvent(outdated))).batchItemFailures).toEqual([]);
    const { items: storedAfter } = await listWeekItems({
      client: documentClient,
      tableName: table.tableName,
      week: '2026-W47',
    });
    expect(storedAfter.filter((item) => needsRescore(item))).toEqual([]);
    expect((await table.newStreamRecords()).filter(matchesStreamFilters)).toEqual([]);
  });

  it('never hands celebrity-week summaries to the post-processor', async () => {
    const table = await streamTable();
    await table.writer.putItems(weekItems(8));
    expect(await deliver(table.tableName, await table.newStreamRecords())).toEqual([]);
    await table.newStreamRecords();
    const rollUp = await rollUpWeek({ client: documentClient, tableName: table.tableName, week: '2026-W47' });
    expect(rollUp.written).toBe(2);
    const summaryRecords = await table.newStreamRecords();
    expect(summaryRecords.map((record) => record.eventName)).toEqual(['INSERT', 'INSERT']);
    expect(summaryRecords.filter(matchesStreamFilters)).toEqual([]);
    const { summaries } = await listWeekRanking({
      client: documentClient,
      tableName: table.tableName,
      week: '2026-W47',
    });
    expect(summaries.map((summary) => summary.rank)).toEqual([1, 2]);
  });
});
