import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createDocumentClient,
  createRunLedger,
  createRunLedgerTableInput,
  runLedgerKey,
} from '../../src/dynamodb/index.js';
import { type RunSummary, ValidationError } from '../../src/index.js';

function summary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    source: 'tmdb',
    runId: 'run-a',
    week: '2026-W47',
    status: 'succeeded',
    startedAt: '2026-11-22T02:00:00.000Z',
    finishedAt: '2026-11-22T02:01:00.000Z',
    durationMs: 60_000,
    attempted: 100,
    written: 98,
    unchanged: 0,
    failed: [{ celebrityId: 'jane-example', reason: 'TMDB answered 404', retryable: false }],
    requestsRetried: 2,
    ...overrides,
  };
}

describe('createRunLedger on DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const documentClient = createDocumentClient({ client });
  let tableName = '';
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ tableName, drop } = await createTestTable(client, createRunLedgerTableInput(), 'ledger'));
  });
  afterAll(async () => {
    await drop();
    client.destroy();
  });

  it('keys a record by week, run and source', () => {
    expect(runLedgerKey(summary({ source: 'news' }))).toEqual({ pk: 'WEEK#2026-W47', sk: 'RUN#run-a#SOURCE#news' });
  });

  it('round-trips summaries grouped by run, newest run first, sources in order, re-records replacing', async () => {
    const ledger = createRunLedger({ client: documentClient, tableName });
    const older = [
      summary({ source: 'social', startedAt: '2026-11-22T02:00:05.000Z', finishedAt: '2026-11-22T02:03:00.000Z' }),
      summary({ source: 'tmdb' }),
      summary({
        source: 'news',
        status: 'skipped',
        skippedReason: 'GDELT_API_KEY is not set',
        attempted: 0,
        written: 0,
      }),
    ];
    const newer = summary({
      runId: 'run-b',
      startedAt: '2026-11-23T10:00:00.000Z',
      finishedAt: '2026-11-23T10:00:30.000Z',
      written: 0,
      unchanged: 100,
      failed: [],
    });
    for (const entry of [...older, newer]) await ledger.record(entry);
    await ledger.record(summary({ source: 'tmdb', written: 99, failed: [] })); // a retried invocation

    const { runs, invalid } = await ledger.listRuns({ week: '2026-W47' });
    expect(invalid).toEqual([]);
    expect(runs.map((run) => run.runId)).toEqual(['run-b', 'run-a']);
    expect(runs[0]?.summaries).toEqual([newer]);
    const runA = runs[1];
    expect(runA?.summaries.map((entry) => entry.source)).toEqual(['tmdb', 'news', 'social']);
    expect(runA?.summaries[0]).toMatchObject({ written: 99, failed: [] });
    expect(runA?.summaries[1]).toEqual(older[2]);
    expect(runA).toMatchObject({ startedAt: '2026-11-22T02:00:00.000Z', finishedAt: '2026-11-22T02:03:00.000Z' });
  });

  it('lists every week when no week is given, honours the limit, and reports invalid records', async () => {
    const ledger = createRunLedger({ client: documentClient, tableName });
    await ledger.record(
      summary({
        runId: 'run-c',
        week: '2026-W48',
        startedAt: '2026-11-29T02:00:00.000Z',
        finishedAt: '2026-11-29T02:01:00.000Z',
      }),
    );
    await documentClient.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: 'WEEK#2026-W48', sk: 'RUN#broken#SOURCE#tmdb', runId: 'broken' },
      }),
    );
    const all = await ledger.listRuns();
    expect(all.runs.map((run) => run.runId)).toEqual(['run-c', 'run-b', 'run-a']);
    expect(all.invalid).toEqual([
      {
        pk: 'WEEK#2026-W48',
        sk: 'RUN#broken#SOURCE#tmdb',
        issues: expect.arrayContaining([expect.stringMatching(/^source: /)]),
      },
    ]);
    const latest = await ledger.listRuns({ limit: 1 });
    expect(latest.runs.map((run) => run.runId)).toEqual(['run-c']);
  });

  it('refuses an invalid summary, naming the field', async () => {
    const ledger = createRunLedger({ client: documentClient, tableName });
    const attempt = ledger.record({ ...summary(), durationMs: -1 });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(ledger.record({ ...summary(), durationMs: -1 })).rejects.toThrow(/durationMs/);
  });
});
