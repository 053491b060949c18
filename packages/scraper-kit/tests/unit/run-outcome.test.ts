import { describe, expect, it } from 'vitest';
import {
  boundedReason,
  exceedsFailureThreshold,
  mapIsolated,
  parseScheduledEvent,
  summarizeRun,
} from '../../src/index.js';

const failures = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ celebrityId: `c-${index}`, reason: 'boom', retryable: false }));

describe('exceedsFailureThreshold', () => {
  it('is true only above the threshold', () => {
    expect(exceedsFailureThreshold({ attempted: 100, failed: failures(50) }, 0.5)).toBe(false);
    expect(exceedsFailureThreshold({ attempted: 100, failed: failures(51) }, 0.5)).toBe(true);
    expect(exceedsFailureThreshold({ attempted: 0, failed: [] }, 0)).toBe(false);
  });
});

describe('summarizeRun', () => {
  const base = {
    source: 'tmdb' as const,
    runId: 'run-1',
    week: '2026-W47' as const,
    startedAt: new Date('2026-11-22T02:00:00Z'),
    finishedAt: new Date('2026-11-22T02:01:00Z'),
    attempted: 4,
    written: 2,
    unchanged: 0,
    requestsRetried: 1,
    failureThreshold: 0.5,
  };

  it('marks a run failed above the threshold and succeeded at or below it', () => {
    expect(summarizeRun({ ...base, failed: failures(2) }).status).toBe('succeeded');
    expect(summarizeRun({ ...base, failed: failures(3) }).status).toBe('failed');
  });

  it('marks a skipped run with its reason and measures the duration', () => {
    const summary = summarizeRun({ ...base, failed: [], skippedReason: 'no token' });
    expect(summary).toMatchObject({ status: 'skipped', skippedReason: 'no token', durationMs: 60_000 });
  });
});

describe('boundedReason', () => {
  it('caps reasons at 1000 characters', () => {
    expect(boundedReason('x'.repeat(5_000))).toHaveLength(1_000);
    expect(boundedReason('  ')).toBe('unknown error');
  });
});

describe('mapIsolated', () => {
  it('keeps going after a failure and keeps the input order', async () => {
    const results = await mapIsolated([1, 2, 3, 4], 2, async (value) => {
      if (value === 2) throw new Error('two');
      return value * 10;
    });
    expect(results.map((result) => (result.ok ? result.value : 'error'))).toEqual([10, 'error', 30, 40]);
  });
});

describe('parseScheduledEvent', () => {
  it('rejects what is not a Scheduled Event, naming the field', () => {
    expect(() => parseScheduledEvent({ id: 'x' })).toThrow(/detail-type/);
  });
});
