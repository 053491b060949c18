import type { Celebrity, NewsProvider } from '@celebrity-pipeline/core';
import { GDELT_QUERY_LIMITS } from './gdelt-query.js';
import { maxTitleRequests } from './title-batches.js';

/**
 * The request budget of one weekly news run over `celebrityCount` celebrities whose names fit 10 to a title
 * query: the fewest and the most requests it takes (without retries or unexpected splits). Pure.
 * - GDELT: one `timelinevolraw` count per celebrity, plus title pages shared by up to
 *   `GDELT_QUERY_LIMITS.maxCelebritiesPerQuery` names (none when no name has articles);
 * - NewsAPI: one `/v2/everything` request per celebrity.
 * @example newsRequestsFor(10_000) // { minimum: 10000, maximum: 11001 }: at GDELT's 6 s spacing, 16.7 h to 18.3 h
 */
export function newsRequestsFor(
  celebrityCount: number,
  provider: NewsProvider = 'gdelt',
): { minimum: number; maximum: number } {
  if (provider === 'newsapi') return { minimum: celebrityCount, maximum: celebrityCount };
  if (celebrityCount === 0) return { minimum: 0, maximum: 0 };
  // Busy and quiet names fill their pages apart, so one part-filled page more at most.
  const titlePages = Math.ceil(celebrityCount / GDELT_QUERY_LIMITS.maxCelebritiesPerQuery) + 1;
  return { minimum: celebrityCount, maximum: celebrityCount + titlePages };
}

/**
 * GDELT requests one weekly run of the news scraper sends at most for `celebrities`: one count each plus the
 * title batches they would need if every name had articles ({@link maxTitleRequests}). The collection plan
 * sizes the news shards and estimates the run time with it. Pure.
 * @example newsRequestCost(defaultCelebrityList().celebrities) // 100 counts + 12 title pages = 112
 */
export function newsRequestCost(celebrities: readonly Celebrity[]): number {
  return celebrities.length + maxTitleRequests(celebrities);
}
