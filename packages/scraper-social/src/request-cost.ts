import type { Celebrity } from '@celebrity-pipeline/core';

/** Requests per celebrity: Bluesky searchPosts per celebrity, with head-room for a session refresh and a retried search (research/source-apis.md §0: ~200 per 100 celebrities). */
const REQUESTS_PER_CELEBRITY = 2;

/**
 * Requests one social invocation sends for `celebrities`: the collection plan sizes the shards with it, and the
 * handler checks with it that a Scheduled Event's whole list fits one invocation.
 */
export function socialRequestCost(celebrities: readonly Celebrity[]): number {
  return Math.ceil(celebrities.length * REQUESTS_PER_CELEBRITY);
}
