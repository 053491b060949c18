import type { Celebrity } from '@celebrity-pipeline/core';
import { batchCelebrities } from './gdelt-query.js';

/**
 * GDELT requests one weekly run of the news scraper sends for `celebrities`: one ArtList query per OR-batch
 * ({@link batchCelebrities}). The collection plan sizes the news shards and estimates the run time with it.
 * @example newsRequestCost(defaultCelebrityList().celebrities) // 10
 */
export function newsRequestCost(celebrities: readonly Celebrity[]): number {
  return batchCelebrities(celebrities).length;
}
