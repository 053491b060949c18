import type { Celebrity } from '@celebrity-pipeline/core';

/** Requests per celebrity: TMDB person search (when the list has no tmdbId) and details per celebrity, plus the weekly trending pages: ~250 requests per 100 celebrities (research/source-apis.md §0). */
const REQUESTS_PER_CELEBRITY = 2.5;

/**
 * Requests one tmdb invocation sends for `celebrities`: the collection plan sizes the shards with it, and the
 * handler checks with it that a Scheduled Event's whole list fits one invocation.
 */
export function tmdbRequestCost(celebrities: readonly Celebrity[]): number {
  return Math.ceil(celebrities.length * REQUESTS_PER_CELEBRITY);
}
