import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createDocumentClient,
  createItemWriter,
  createTableInput,
  listCelebrityHistory,
  listStoredWeeks,
  listWeekItems,
  listWeekRanking,
  rollUpWeek,
} from '../../src/dynamodb/index.js';
import { CELEBRITY_TABLE, formatItemKey } from '../../src/index.js';
import { enriched } from '../helpers/enriched-items.js';
import { weekItems } from '../helpers/items.js';

describe('rollUpWeek, listWeekRanking and listCelebrityHistory on DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const documentClient = createDocumentClient({ client });
  let tableName = '';
  let drop: () => Promise<void> = async () => {};

  /** 10 celebrities; in W46 celebrity-N has weight (N + 1) / 20, in W47 the order is reversed. */
  const week46 = weekItems(40, { week: '2026-W46' }).map((item) =>
    enriched(item, (indexOf(item.celebrity_id) + 1) / 20),
  );
  const week47 = weekItems(40, { week: '2026-W47' }).map((item) =>
    enriched(item, (10 - indexOf(item.celebrity_id)) / 20),
  );

  beforeAll(async () => {
    ({ tableName, drop } = await createTestTable(client, createTableInput(), 'summaries'));
    // The writer strips enrichment on put, so the enriched items are stored with plain Puts.
    const writer = createItemWriter({ client: documentClient, tableName });
    await writer.putItems([...week46, ...week47]);
    for (const item of [...week46, ...week47]) {
      await writer.enrich(item, {
        weight: item.weight ?? 0,
        sentiment: item.sentiment ?? 'NEUTRAL',
        sentiment_score: item.sentiment_score ?? 0,
        processed_at: item.processed_at ?? '',
        processor_version: item.processor_version ?? '',
      });
    }
  });
  afterAll(async () => {
    await drop();
    client.destroy();
  });

  it('writes one summary per celebrity, ranks the week and compares with the previous one', async () => {
    expect(await rollUpWeek({ client: documentClient, tableName, week: '2026-W46' })).toMatchObject({
      summaries: 10,
      written: 10,
      unchanged: 0,
      removed: 0,
    });
    await rollUpWeek({ client: documentClient, tableName, week: '2026-W47' });
    const { summaries, invalid } = await listWeekRanking({ client: documentClient, tableName, week: '2026-W47' });
    expect(invalid).toEqual([]);
    expect(summaries.map((summary) => summary.celebrity_id)).toEqual(
      Array.from({ length: 10 }, (_, index) => `celebrity-${index}`),
    );
    expect(summaries[0]).toMatchObject({ rank: 1, previous_rank: 10, rank_change: 9 });
    expect(summaries[9]).toMatchObject({ rank: 10, previous_rank: 1, rank_change: -9 });
    expect(summaries[0]?.score_change).toBeGreaterThan(0);
  });

  it('is idempotent: rolling up again writes nothing and leaves the summaries equal', async () => {
    const before = await listWeekRanking({ client: documentClient, tableName, week: '2026-W47' });
    const again = await rollUpWeek({ client: documentClient, tableName, week: '2026-W47' });
    expect(again).toMatchObject({ summaries: 10, written: 0, unchanged: 10, removed: 0 });
    expect(await listWeekRanking({ client: documentClient, tableName, week: '2026-W47' })).toEqual(before);
  });

  it('reads the top N with a Query on the ranking index, highest score first', async () => {
    const top = await listWeekRanking({ client: documentClient, tableName, week: '2026-W47', limit: 3 });
    expect(top.summaries.map((summary) => summary.rank)).toEqual([1, 2, 3]);
    const raw = await documentClient.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: CELEBRITY_TABLE.rankingIndex.name,
        KeyConditionExpression: 'summary_week = :week',
        ExpressionAttributeValues: { ':week': '2026-W47' },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    expect(raw.Items?.[0]?.celebrity_id).toBe('celebrity-0');
  });

  it('keeps summaries out of the week index, so week readers see observations only', async () => {
    const { items, invalid } = await listWeekItems({ client: documentClient, tableName, week: '2026-W47' });
    expect(invalid).toEqual([]);
    expect(items.map(formatItemKey).sort()).toEqual(week47.map(formatItemKey).sort());
  });

  it('lists the weeks that hold observations, oldest first, and ignores summaries', async () => {
    expect(await listStoredWeeks({ client: documentClient, tableName })).toEqual(['2026-W46', '2026-W47']);
  });

  it('returns one celebrity history over a range of weeks, oldest first', async () => {
    const history = await listCelebrityHistory({
      client: documentClient,
      tableName,
      celebrityId: 'celebrity-3',
      fromWeek: '2026-W40',
      toWeek: '2026-W47',
    });
    expect(history.summaries.map((summary) => [summary.summary_week, summary.rank])).toEqual([
      ['2026-W46', 7],
      ['2026-W47', 4],
    ]);
    expect(history.summaries[1]?.sources.wikipedia?.weight).toBe(0.35);
  });

  it('removes the summary of a celebrity whose items are gone from the week and re-ranks the rest', async () => {
    for (const item of week47.filter((entry) => entry.celebrity_id === 'celebrity-9')) {
      await documentClient.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }));
    }
    expect(await rollUpWeek({ client: documentClient, tableName, week: '2026-W47' })).toMatchObject({
      summaries: 9,
      removed: 1,
      written: 9, // ranked_count went from 10 to 9 on every remaining summary
    });
    const { summaries } = await listWeekRanking({ client: documentClient, tableName, week: '2026-W47' });
    expect(summaries.map((summary) => summary.celebrity_id)).not.toContain('celebrity-9');
    expect(summaries.every((summary) => summary.ranked_count === 9)).toBe(true);
  });
});

function indexOf(celebrityId: string): number {
  return Number(celebrityId.split('-')[1]);
}
