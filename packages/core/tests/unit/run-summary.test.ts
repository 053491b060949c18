import { describe, expect, it } from 'vitest';
import { runLedgerKey } from '../../src/dynamodb/index.js';
import { effectiveRunStatus, type RunSummary, RunSummarySchema, rollUpBySource } from '../../src/index.js';

const base: RunSummary = {
  source: 'tmdb',
  runId: 'run-1',
  week: '2026-W48',
  status: 'succeeded',
  startedAt: '2026-11-29T02:00:00.000Z',
  finishedAt: '2026-11-29T02:01:00.000Z',
  durationMs: 60_000,
  attempted: 10,
  written: 10,
  unchanged: 0,
  failed: [],
  requestsRetried: 0,
};
const running: RunSummary = { ...base, status: 'running', deadlineAt: '2026-11-29T02:03:00.000Z' };

describe('effectiveRunStatus', () => {
  it('shows a running record as running until its deadline, then timed-out', () => {
    expect(effectiveRunStatus(running, new Date('2026-11-29T02:02:59Z'))).toBe('running');
    expect(effectiveRunStatus(running, new Date('2026-11-29T02:03:01Z'))).toBe('timed-out');
  });

  it('keeps a finished record as it is', () => {
    expect(effectiveRunStatus(base, new Date('2030-01-01T00:00:00Z'))).toBe('succeeded');
  });
});

describe('RunSummarySchema', () => {
  it('requires a deadline on a running record', () => {
    const { deadlineAt: _deadline, ...withoutDeadline } = running;
    expect(RunSummarySchema.safeParse(withoutDeadline).success).toBe(false);
    expect(RunSummarySchema.safeParse(running).success).toBe(true);
  });

  it('rejects a shard index outside its count', () => {
    expect(RunSummarySchema.safeParse({ ...base, shard: { index: 2, count: 2 } }).success).toBe(false);
  });
});

describe('runLedgerKey', () => {
  it('gives each shard its own key and keeps the unsharded key as before', () => {
    expect(runLedgerKey(base).sk).toBe('RUN#run-1#SOURCE#tmdb');
    expect(runLedgerKey({ ...base, shard: { index: 3, count: 16 } }).sk).toBe('RUN#run-1#SOURCE#tmdb#SHARD#00003');
  });
});

describe('rollUpBySource', () => {
  it('counts planned shards, recorded ones by effective status, and sums the counts per source', () => {
    const now = new Date('2026-11-29T03:00:00Z');
    const rollUps = rollUpBySource(
      [
        { ...base, shard: { index: 0, count: 3 } },
        { ...running, shard: { index: 1, count: 3 }, attempted: 5, written: 0 },
        { ...base, source: 'news', failed: [{ celebrityId: 'a', reason: 'x', retryable: true }] },
      ],
      now,
    );
    expect(rollUps).toEqual([
      {
        source: 'tmdb',
        shards: 3,
        byStatus: { running: 0, succeeded: 1, failed: 0, skipped: 0, 'timed-out': 1 },
        attempted: 15,
        written: 10,
        unchanged: 0,
        failed: 0,
      },
      {
        source: 'news',
        shards: 1,
        byStatus: { running: 0, succeeded: 1, failed: 0, skipped: 0, 'timed-out': 0 },
        attempted: 10,
        written: 10,
        unchanged: 0,
        failed: 1,
      },
    ]);
  });
});
