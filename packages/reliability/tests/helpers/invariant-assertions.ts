import type { RunSummary, Source } from '@celebrity-pipeline/core';
import { expect } from 'vitest';
import { checkWeekInvariant, type StoredObservation, type WeekInvariantResult } from '../../src/week-invariant.js';
import { WEEK } from './scraper-harness.js';

/** Input of {@link measureInvariant}: the run's summaries as read from the ledger (a missing one is `undefined`). */
export interface InvariantInput {
  celebrityIds: readonly string[];
  sources: readonly Source[];
  summaries: readonly (RunSummary | undefined)[];
  items: readonly StoredObservation[];
}

/** The invariant of one run of {@link WEEK}, measured without asserting anything (cells measure first). */
export function measureInvariant(input: InvariantInput): WeekInvariantResult & { summariesRecorded: number } {
  const summaries = input.summaries.filter((summary): summary is RunSummary => summary !== undefined);
  return { ...checkWeekInvariant({ ...input, summaries, week: WEEK }), summariesRecorded: summaries.length };
}

/** Fails the test on any missing, duplicated or unexplained pair, or a source that recorded no summary. */
export function expectInvariantHolds(result: ReturnType<typeof measureInvariant>, sourceCount: number): void {
  expect(result.summariesRecorded, 'every source recorded its run summary in the ledger').toBe(sourceCount);
  expect(result.missing, 'pairs in no state').toEqual([]);
  expect(result.duplicates, 'pairs in more than one state').toEqual([]);
  expect(result.failuresWithoutReason, 'failures without a reason').toEqual([]);
  expect(result.countMismatches, 'summary counts vs stored items').toEqual([]);
}
