import type { NewsProvider } from '@celebrity-pipeline/core';

/** Requests one celebrity costs per weekly run, by news provider (throttle and `{}` retries not included). */
export const NEWS_REQUESTS_PER_CELEBRITY: Readonly<Record<NewsProvider, { minimum: number; maximum: number }>> = {
  /**
   * One `timelinevolraw` count each; titles cost 0 (no articles) to 1 (a page or more of its own, or a name
   * that must be queried alone). Names with fewer articles share title batches (up to 10 per request).
   */
  gdelt: { minimum: 1, maximum: 2 },
  /** One `/v2/everything` request each. */
  newsapi: { minimum: 1, maximum: 1 },
};

/**
 * The request budget of one weekly news run over `celebrityCount` celebrities: the fewest and the most requests
 * it can take (without retries). Planning uses `maximum`. Pure.
 * @example newsRequestsFor(10_000) // { minimum: 10000, maximum: 20000 }: at GDELT's 6 s spacing, 16.7 h to 33.3 h
 */
export function newsRequestsFor(
  celebrityCount: number,
  provider: NewsProvider = 'gdelt',
): { minimum: number; maximum: number } {
  const perCelebrity = NEWS_REQUESTS_PER_CELEBRITY[provider];
  return { minimum: celebrityCount * perCelebrity.minimum, maximum: celebrityCount * perCelebrity.maximum };
}
