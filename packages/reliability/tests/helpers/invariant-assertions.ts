import type { RunSummary, Source } from '@celebrity-pipeline/core';
import { expect } from 'vitest';
import { checkWeekInvariant, type StoredObservation, type WeekInvariantResult } from '../../src/week-invariant.js';
import { WEEK } from './scraper-harness.js';

/** Checks the invariant for one run and fails the test on any missing, duplicated or unexplained pair. */
export function expectInvariant(input: {
  celebrityIds: readonly string[];
  sources: readonly Source[];
  summaries: readonly (RunSummary | undefined)[];
  items: readonly StoredObservation[];
}): WeekInvariantResult {
  const summaries = input.summaries.filter((summary): summary is RunSummary => summary !== undefined);
  expect(summaries, 'every source recorded its run summary in the ledger').toHaveLength(input.sources.length);
  const result = checkWeekInvariant({ ...input, summaries, week: WEEK });
  expect(result.missing, 'pairs in no state').toEqual([]);
  expect(result.duplicates, 'pairs in more than one state').toEqual([]);
  expect(result.failuresWithoutReason, 'failures without a reason').toEqual([]);
  expect(result.countMismatches, 'summary counts vs stored items').toEqual([]);
  return result;
}
