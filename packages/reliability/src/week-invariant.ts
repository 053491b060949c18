import type { RunSummary, Source } from '@celebrity-pipeline/core';

/** The states a (celebrity, source) of the week may end in after a run. */
export const PAIR_STATES = ['written', 'unchanged', 'skipped', 'failed'] as const;
export type PairState = (typeof PAIR_STATES)[number];

/** The fields of a stored item the invariant reads. */
export interface StoredObservation {
  celebrity_id: string;
  source: string;
  week: string;
  run_id: string;
}

/** Inputs of {@link checkWeekInvariant}: the expected pairs, the run summaries of the run checked, the stored items. */
export interface WeekInvariantInput {
  celebrityIds: readonly string[];
  sources: readonly Source[];
  week: string;
  /** The summary each source's run recorded (ledger), at most one per source. */
  summaries: readonly RunSummary[];
  items: readonly StoredObservation[];
}

/** What {@link checkWeekInvariant} found. */
export interface WeekInvariantResult {
  /** `celebrityId|source` → state, for every pair in exactly one state. */
  states: ReadonlyMap<string, PairState>;
  counts: Record<PairState, number>;
  /** Pairs in no state: neither stored, nor failed with a reason, nor skipped. */
  missing: string[];
  /** Pairs in more than one state, stored more than once or failed more than once. */
  duplicates: string[];
  /** Failures recorded without a reason. */
  failuresWithoutReason: string[];
  /** Where a summary's counts disagree with the stored pairs it accounts for. */
  countMismatches: string[];
}

const pairKey = (celebrityId: string, source: string) => `${celebrityId}|${source}`;

function statesOfPair(summary: RunSummary | undefined, failures: number, stored: StoredObservation[]): PairState[] {
  const states: PairState[] = [];
  if (summary?.status === 'skipped') states.push('skipped');
  for (let index = 0; index < failures; index += 1) states.push('failed');
  for (const item of stored) states.push(item.run_id === summary?.runId ? 'written' : 'unchanged');
  // A failed pair may still hold an earlier run's item of the same week: that item is not a second state.
  return failures > 0 ? states.filter((state) => state !== 'unchanged') : states;
}

/**
 * A summary's counts against the stored items: written + unchanged must equal the stored pairs, and every item the
 * run wrote carries its run id (a retried or redriven invocation reuses the run id, so an item an earlier attempt
 * wrote counts as unchanged in the summary while carrying the same id).
 */
function countMismatches(summaries: readonly RunSummary[], counts: Map<Source, Record<PairState, number>>): string[] {
  const mismatches: string[] = [];
  for (const summary of summaries) {
    if (summary.status === 'skipped') continue;
    const counted = counts.get(summary.source) ?? emptyCounts();
    const stored = counted.written + counted.unchanged;
    if (summary.written + summary.unchanged !== stored) {
      mismatches.push(
        `${summary.source}: summary written + unchanged ${summary.written + summary.unchanged}, stored ${stored}`,
      );
    }
    if (summary.written > counted.written) {
      mismatches.push(`${summary.source}: summary written ${summary.written}, stored with run id ${counted.written}`);
    }
  }
  return mismatches;
}

const emptyCounts = (): Record<PairState, number> => ({ written: 0, unchanged: 0, skipped: 0, failed: 0 });

/**
 * Checks the reliability invariant for one run of a week: every (celebrity, source) is in exactly one state —
 * written by this run, unchanged (stored by an earlier run and not rewritten), skipped (source without
 * credentials) or failed with a reason in the summary — none missing, none duplicated.
 * @example checkWeekInvariant({ celebrityIds: ['a'], sources: ['tmdb'], week: '2026-W47', summaries, items })
 */
export function checkWeekInvariant(input: WeekInvariantInput): WeekInvariantResult {
  const summaryOf = new Map(input.summaries.map((summary) => [summary.source, summary]));
  const itemsOf = new Map<string, StoredObservation[]>();
  for (const item of input.items.filter((candidate) => candidate.week === input.week)) {
    const key = pairKey(item.celebrity_id, item.source);
    itemsOf.set(key, [...(itemsOf.get(key) ?? []), item]);
  }
  const states = new Map<string, PairState>();
  const perSource = new Map<Source, Record<PairState, number>>();
  const result: WeekInvariantResult = {
    states,
    counts: emptyCounts(),
    missing: [],
    duplicates: [],
    failuresWithoutReason: [],
    countMismatches: [],
  };
  for (const source of input.sources) {
    const summary = summaryOf.get(source);
    const sourceCounts = emptyCounts();
    perSource.set(source, sourceCounts);
    for (const celebrityId of input.celebrityIds) {
      const key = pairKey(celebrityId, source);
      const failures = summary?.failed.filter((failure) => failure.celebrityId === celebrityId) ?? [];
      result.failuresWithoutReason.push(...failures.filter((failure) => failure.reason.trim() === '').map(() => key));
      const pairStates = statesOfPair(summary, failures.length, itemsOf.get(key) ?? []);
      if (pairStates.length === 0) result.missing.push(key);
      else if (pairStates.length > 1) result.duplicates.push(key);
      else {
        const state = pairStates[0] as PairState;
        states.set(key, state);
        result.counts[state] += 1;
        sourceCounts[state] += 1;
      }
    }
  }
  result.countMismatches = countMismatches(input.summaries, perSource);
  return result;
}
