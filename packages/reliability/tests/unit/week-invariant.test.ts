import type { RunSummary } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { checkWeekInvariant, type StoredObservation } from '../../src/week-invariant.js';

const WEEK = '2026-W47';

function summary(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    source: 'tmdb',
    runId: 'run-2',
    week: WEEK,
    status: 'succeeded',
    startedAt: '2026-11-22T02:00:00.000Z',
    finishedAt: '2026-11-22T02:01:00.000Z',
    durationMs: 60_000,
    attempted: 3,
    written: 1,
    unchanged: 1,
    failed: [{ celebrityId: 'c', reason: 'HTTP 500', retryable: true }],
    requestsRetried: 0,
    ...overrides,
  } as RunSummary;
}

const item = (celebrityId: string, runId: string): StoredObservation => ({
  celebrity_id: celebrityId,
  source: 'tmdb',
  week: WEEK,
  run_id: runId,
});

describe('checkWeekInvariant', () => {
  it('puts each pair in exactly one state: written, unchanged, failed', () => {
    const result = checkWeekInvariant({
      celebrityIds: ['a', 'b', 'c'],
      sources: ['tmdb'],
      week: WEEK,
      summaries: [summary()],
      items: [item('a', 'run-2'), item('b', 'run-1')],
    });
    expect(Object.fromEntries(result.states)).toEqual({
      'a|tmdb': 'written',
      'b|tmdb': 'unchanged',
      'c|tmdb': 'failed',
    });
    expect(result).toMatchObject({ missing: [], duplicates: [], countMismatches: [], failuresWithoutReason: [] });
  });

  it('reports a pair that is neither stored nor failed as missing, and a summary that over-counts', () => {
    const result = checkWeekInvariant({
      celebrityIds: ['a', 'b', 'c'],
      sources: ['tmdb'],
      week: WEEK,
      summaries: [summary()],
      items: [item('a', 'run-2')],
    });
    expect(result.missing).toEqual(['b|tmdb']);
    expect(result.countMismatches).toEqual(['tmdb: summary written + unchanged 2, stored 1']);
  });

  it('reports a pair written by the run and also failed, or failed twice, as a duplicate', () => {
    const result = checkWeekInvariant({
      celebrityIds: ['a', 'c'],
      sources: ['tmdb'],
      week: WEEK,
      summaries: [
        summary({
          written: 1,
          unchanged: 0,
          failed: [
            { celebrityId: 'a', reason: 'HTTP 500', retryable: true },
            { celebrityId: 'c', reason: 'HTTP 500', retryable: true },
            { celebrityId: 'c', reason: 'HTTP 404', retryable: false },
          ],
        }),
      ],
      items: [item('a', 'run-2')],
    });
    expect(result.duplicates).toEqual(['a|tmdb', 'c|tmdb']);
  });

  it('counts every pair of a skipped source as skipped and ignores other weeks', () => {
    const result = checkWeekInvariant({
      celebrityIds: ['a', 'b'],
      sources: ['tmdb'],
      week: WEEK,
      summaries: [
        summary({ status: 'skipped', skippedReason: 'TMDB_API_TOKEN', written: 0, unchanged: 0, failed: [] }),
      ],
      items: [{ ...item('a', 'run-0'), week: '2026-W46' }],
    });
    expect(result.counts).toEqual({ written: 0, unchanged: 0, skipped: 2, failed: 0 });
  });

  it('flags a failure recorded without a reason', () => {
    const result = checkWeekInvariant({
      celebrityIds: ['c'],
      sources: ['tmdb'],
      week: WEEK,
      summaries: [summary({ written: 0, unchanged: 0, failed: [{ celebrityId: 'c', reason: ' ', retryable: true }] })],
      items: [],
    });
    expect(result.failuresWithoutReason).toEqual(['c|tmdb']);
  });
});
