import type { Celebrity } from '@celebrity-pipeline/core';
import { buildGdeltQuery, GDELT_QUERY_LIMITS, type GdeltQueryLimits, isQueriedAlone } from './gdelt-query.js';

/** A celebrity and its measured article count for the week (`null` = not measured). */
export interface CountedCelebrity {
  celebrity: Celebrity;
  articleCount: number | null;
}

/**
 * Packs the celebrities that have articles into ArtList batches whose counts add up to less than one page
 * (`maxRecords`), so a batch's page holds every article of every member: no name crowds another out. A
 * celebrity with a page or more of its own, or one that must be queried alone, gets its own batch. Batches also
 * respect `maxCelebritiesPerQuery` and `maxQueryLength`. Celebrities with 0 or unmeasured counts need no titles.
 * Pure; keeps the list order.
 */
export function planTitleBatches(
  counted: readonly CountedCelebrity[],
  limits: GdeltQueryLimits = GDELT_QUERY_LIMITS,
): Celebrity[][] {
  const batches: Celebrity[][] = [];
  let current: Celebrity[] = [];
  let currentCount = 0;
  const close = () => {
    if (current.length > 0) batches.push(current);
    current = [];
    currentCount = 0;
  };
  for (const { celebrity, articleCount } of counted) {
    if (articleCount === null || articleCount === 0) continue;
    if (articleCount >= limits.maxRecords || isQueriedAlone(celebrity, limits)) {
      batches.push([celebrity]);
      continue;
    }
    const candidate = [...current, celebrity];
    const fits =
      currentCount + articleCount < limits.maxRecords &&
      candidate.length <= limits.maxCelebritiesPerQuery &&
      buildGdeltQuery(candidate, limits).length <= limits.maxQueryLength;
    if (!fits) close();
    current.push(celebrity);
    currentCount += articleCount;
  }
  close();
  return batches;
}

/** Halves of a batch whose page came back full (the safety net when ArtList and the timeline disagree). */
export function splitBatch(batch: readonly Celebrity[]): [Celebrity[], Celebrity[]] {
  const middle = Math.ceil(batch.length / 2);
  return [batch.slice(0, middle), batch.slice(middle)];
}
