import type { RunSummary, Source } from '@celebrity-pipeline/core';
import type { LedgerRun } from '@celebrity-pipeline/core/dynamodb';
import type { InvocationRecord } from '@celebrity-pipeline/local-runtime';
import { describe, expect, it } from 'vitest';
import {
  AWS_VERIFY_CHECK_IDS,
  dataQualityChecks,
  emptyDeadLetterCheck,
  LOCAL_VERIFY_CHECK_IDS,
  localFilterCheck,
  parallelStartCheck,
  tableCheck,
  verificationOutcome,
} from '../../src/verification.js';

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

describe('verificationOutcome', () => {
  const passing = (id: string) => ({ id, name: id, isPassed: true, detail: '' });

  it('says the schedule is safe only when every required check is present and passes', () => {
    expect(verificationOutcome([passing('a')], ['a'])).toEqual({
      isPassed: true,
      missing: [],
      verdict: 'All checks passed: safe to enable the schedule.',
    });
    expect(
      verificationOutcome(
        [
          { ...passing('a'), isPassed: false },
          { ...passing('b'), isPassed: false },
        ],
        ['a', 'b'],
      ).verdict,
    ).toBe('NOT safe to enable the schedule; failing: a; b');
  });

  it('fails when a required check is missing, even if every check present passes', () => {
    const outcome = verificationOutcome([passing('a')], ['a', 'dlq-empty']);
    expect(outcome.isPassed).toBe(false);
    expect(outcome.missing).toEqual(['dlq-empty']);
    expect(outcome.verdict).toBe('NOT safe to enable the schedule; failing: check `dlq-empty` missing');
  });
});

describe('the checks verify builds', () => {
  it('cover every id verify requires on the local database, with core’s Phase 4C checks among them', () => {
    const checks = [
      tableCheck(undefined, 'celebrity-database'),
      parallelStartCheck(undefined),
      localFilterCheck(),
      ...dataQualityChecks(undefined, [], 400),
      emptyDeadLetterCheck(0, 'the local DLQ'),
    ];
    expect(checks.map((check) => check.id)).toEqual([...LOCAL_VERIFY_CHECK_IDS]);
    expect(AWS_VERIFY_CHECK_IDS).toEqual(
      expect.arrayContaining(['items-written', 'items-enriched', 'weights-in-range']),
    );
  });

  it('fails every Phase 4C check when there is no run to check', () => {
    const checks = dataQualityChecks(undefined, [], 400);
    expect(checks.map((check) => [check.id, check.isPassed, check.detail])).toEqual([
      ['items-written', false, 'no run to check'],
      ['items-enriched', false, 'no run to check'],
      ['weights-in-range', false, 'no run to check'],
    ]);
  });
});
