import type { RunSummary, Source } from '@celebrity-pipeline/core';
import type { LedgerRun } from '@celebrity-pipeline/core/dynamodb';
import type { InvocationRecord } from '@celebrity-pipeline/local-runtime';
import { describe, expect, it } from 'vitest';
import { parallelStartCheck, verdictLine } from '../../src/verification.js';

const sources: Source[] = ['tmdb', 'wikipedia', 'news', 'social'];

function run(startsMs: number[]): LedgerRun {
  const summaries = sources.map(
    (source, index) =>
      ({ source, startedAt: new Date(Date.UTC(2026, 10, 29, 2) + (startsMs[index] ?? 0)).toISOString() }) as RunSummary,
  );
  return { runId: 'run-1', week: '2026-W48', startedAt: '', finishedAt: '', summaries };
}

const invocation = (source: Source, offsetMs: number): InvocationRecord => ({
  runId: 'run-1',
  source,
  invokedAt: new Date(Date.UTC(2026, 10, 29, 2) + offsetMs).toISOString(),
  finishedAt: new Date(Date.UTC(2026, 10, 29, 3)).toISOString(),
  status: 'succeeded',
  attempts: 1,
});

describe('parallelStartCheck', () => {
  it('uses the invocation times when all four are known, else the recorded starts', () => {
    const late = run([0, 0, 0, 1_500]);
    expect(parallelStartCheck(late).isPassed).toBe(false);
    const invoked = parallelStartCheck(
      late,
      sources.map((source) => invocation(source, 2)),
    );
    expect(invoked).toMatchObject({ isPassed: true, detail: 'run run-1: invocations spread over 0 ms' });
    expect(parallelStartCheck(run([0, 300, 999, 10])).isPassed).toBe(true);
  });

  it('fails without a run or with a source missing', () => {
    expect(parallelStartCheck(undefined).detail).toBe('no run in the run ledger');
    const partial = { ...run([0, 0, 0, 0]), summaries: run([0, 0, 0, 0]).summaries.slice(0, 3) };
    expect(parallelStartCheck(partial).detail).toBe('run run-1: no record for social');
  });
});

describe('verdictLine', () => {
  it('says the schedule is safe only when every check passes', () => {
    expect(verdictLine([{ name: 'a', isPassed: true, detail: '' }])).toBe(
      'All checks passed: safe to enable the schedule.',
    );
    expect(
      verdictLine([
        { name: 'a', isPassed: false, detail: '' },
        { name: 'b', isPassed: false, detail: '' },
      ]),
    ).toBe('NOT safe to enable the schedule; failing: a; b');
  });
});
