import { SOURCES } from '@celebrity-pipeline/core';
import {
  createDocumentClient,
  createItemWriter,
  createRunLedger,
  createRunLedgerTableInput,
  createTableInput,
  listWeekItems,
} from '@celebrity-pipeline/core/dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeReportFigures, type ReportFigures } from '../../src/index.js';
import { celebrity, item, runSummary } from '../helpers/report-data.js';

// The report's input as the CLI reads it: items through the week index, summaries through the run ledger.
const week = '2026-W48';
const celebrities = [celebrity('ada-lovelace', 'Ada Lovelace'), celebrity('bo-diddley', 'Bo Diddley')];

describe('computeReportFigures on data read back from DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const documentClient = createDocumentClient({ client });
  const drops: (() => Promise<void>)[] = [];
  let figures: ReportFigures;

  beforeAll(async () => {
    const items = await createTestTable(client, createTableInput(), 'report-items');
    const ledgerTable = await createTestTable(client, createRunLedgerTableInput(), 'report-ledger');
    drops.push(items.drop, ledgerTable.drop);
    const writer = createItemWriter({ client: documentClient, tableName: items.tableName });
    const built = celebrities.flatMap((entry) =>
      SOURCES.filter((source) => !(entry.id === 'bo-diddley' && source === 'news')).map((source) =>
        item({ celebrity: entry, source, week, texts: ['A wonderful, brilliant show!'], enrichment: 'none' }),
      ),
    );
    await writer.putItems(built);
    for (const stored of built.filter((entry) => entry.source !== 'social')) {
      await writer.enrich(stored, {
        weight: 0.25,
        sentiment: 'POSITIVE',
        sentiment_score: 0.8,
        processed_at: '2026-11-29T02:10:00.000Z',
        processor_version: 'test',
      });
    }
    const ledger = createRunLedger({ client: documentClient, tableName: ledgerTable.tableName });
    for (const source of SOURCES) {
      const failed =
        source === 'news' ? [{ celebrityId: 'bo-diddley', reason: 'GDELT answered 429', retryable: true }] : [];
      await ledger.record(runSummary({ source, week, written: source === 'news' ? 1 : 2, failed }));
    }
    const read = await listWeekItems({ client: documentClient, tableName: items.tableName, week });
    const { runs } = await ledger.listRuns();
    figures = computeReportFigures({
      week,
      items: read.items,
      runs: runs.flatMap((run) => run.summaries),
      celebrities,
    });
  });

  afterAll(async () => {
    for (const drop of drops) await drop();
    client.destroy();
  });

  it('counts the stored items, the enriched ones and the failure', () => {
    expect(figures.header).toMatchObject({ items: 7, expectedItems: 8, enriched: 5, unEnriched: 2, failures: 1 });
    expect(figures.weight.overall).toEqual({ count: 5, min: 0.25, max: 0.25, avg: 0.25 });
    expect(figures.sentiment.perSource.find((mix) => mix.source === 'social')).toMatchObject({ notEnriched: 2 });
  });

  it('explains the gap with the reason the ledger holds', () => {
    const bo = figures.coverage.rows.find((row) => row.celebrityId === 'bo-diddley');
    expect(bo?.cells.map((cell) => cell.status)).toEqual(['written', 'written', 'failed', 'written']);
    expect(bo?.cells[2]?.detail).toBe('GDELT answered 429');
    expect(figures.history.weeks).toEqual([expect.objectContaining({ week, runs: 1, written: 7, failures: 1 })]);
  });
});
