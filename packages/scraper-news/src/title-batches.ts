import type { Celebrity } from '@celebrity-pipeline/core';
import { buildGdeltQuery, GDELT_QUERY_LIMITS, type GdeltQueryLimits, isQueriedAlone } from './gdelt-query.js';

/** A celebrity and its measured article count for the week (`null` = not measured). */
export interface CountedCelebrity {
  celebrity: Celebrity;
  articleCount: number | null;
}

/**
 * A name with at least this many articles would fill its share of a page shared by `maxCelebritiesPerQuery`
 * names (250 / 10 = 25); below it, a full batch of such names still fits one page.
 */
export function pageShareOf(limits: GdeltQueryLimits = GDELT_QUERY_LIMITS): number {
  return Math.floor(limits.maxRecords / limits.maxCelebritiesPerQuery);
}

/** Greedy batches in order, within the name and query-length limits. */
function chunk(celebrities: readonly Celebrity[], limits: GdeltQueryLimits): Celebrity[][] {
  const batches: Celebrity[][] = [];
  let current: Celebrity[] = [];
  for (const celebrity of celebrities) {
    const candidate = [...current, celebrity];
    const fits =
      candidate.length <= limits.maxCelebritiesPerQuery &&
      buildGdeltQuery(candidate, limits).length <= limits.maxQueryLength;
    if (fits || current.length === 0) current = candidate;
    else {
      batches.push(current);
      current = [celebrity];
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The ArtList batches that fetch sentiment titles, planned from the week's counts (one request per batch):
 * - names with fewer articles than {@link pageShareOf} (25) share batches of up to 10: their articles together
 *   stay under one 250-article page, so every article of every member comes back and nobody is crowded out;
 * - busier names share batches of up to 10 with names of similar volume (sorted by count), so each gets a
 *   comparable share of the page's headlines (titles feed sentiment only; counts never come from this page);
 * - a name GDELT accepts only alone (SZA) gets a batch of its own; names with 0 or unmeasured counts get none.
 * Batches also respect `maxQueryLength`. Pure.
 */
export function planTitleBatches(
  counted: readonly CountedCelebrity[],
  limits: GdeltQueryLimits = GDELT_QUERY_LIMITS,
): Celebrity[][] {
  const share = pageShareOf(limits);
  const withArticles = counted.filter(
    (entry): entry is { celebrity: Celebrity; articleCount: number } =>
      entry.articleCount !== null && entry.articleCount > 0,
  );
  const alone = withArticles.filter((entry) => isQueriedAlone(entry.celebrity, limits));
  const shared = withArticles.filter((entry) => !isQueriedAlone(entry.celebrity, limits));
  const quiet = shared.filter((entry) => entry.articleCount < share).map((entry) => entry.celebrity);
  const busy = shared
    .filter((entry) => entry.articleCount >= share)
    .sort((left, right) => right.articleCount - left.articleCount)
    .map((entry) => entry.celebrity);
  return [...chunk(busy, limits), ...chunk(quiet, limits), ...alone.map((entry) => [entry.celebrity])];
}

/**
 * True when a batch's page came back full although its counts said it would not be (ArtList and the timeline
 * disagree): it is then split and asked again, so no name is crowded out.
 */
export function isUnexpectedlyFull(
  articlesReturned: number,
  batchArticleCount: number,
  limits: GdeltQueryLimits = GDELT_QUERY_LIMITS,
): boolean {
  return articlesReturned >= limits.maxRecords && batchArticleCount < limits.maxRecords;
}

/** Halves of a batch whose page came back unexpectedly full. */
export function splitBatch(batch: readonly Celebrity[]): [Celebrity[], Celebrity[]] {
  const middle = Math.ceil(batch.length / 2);
  return [batch.slice(0, middle), batch.slice(middle)];
}

/**
 * The most title requests a list can need in a week (every name with articles, before any unexpected split):
 * its batches if all names were quiet, plus one for the boundary between busy and quiet names. Pure.
 */
export function maxTitleRequests(celebrities: readonly Celebrity[], limits: GdeltQueryLimits = GDELT_QUERY_LIMITS) {
  if (celebrities.length === 0) return 0;
  const batches = planTitleBatches(
    celebrities.map((celebrity) => ({ celebrity, articleCount: 1 })),
    limits,
  );
  return batches.length + 1;
}
