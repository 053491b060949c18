import type { Celebrity } from '@celebrity-pipeline/core';

/** Requests per celebrity: Wikipedia summary and Wikimedia pageviews per celebrity (research/source-apis.md §0). */
const REQUESTS_PER_CELEBRITY = 2;

/**
 * Requests one wikipedia invocation sends for `celebrities`: the collection plan sizes the shards with it, and the
 * handler checks with it that a Scheduled Event's whole list fits one invocation.
 */
export function wikipediaRequestCost(celebrities: readonly Celebrity[]): number {
  return Math.ceil(celebrities.length * REQUESTS_PER_CELEBRITY);
}
