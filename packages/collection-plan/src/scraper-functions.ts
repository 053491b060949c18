import type { Celebrity, Source } from '@celebrity-pipeline/core';
import type { Provider } from '@celebrity-pipeline/scraper-kit';
import { newsRequestCost } from '@celebrity-pipeline/scraper-news';

/** HTTP requests one scraper invocation sends for `celebrities`. */
export type RequestCost = (celebrities: readonly Celebrity[]) => number;

/** What the plan needs to know about one scraper function. */
export interface ScraperFunctionFacts {
  /** The provider it calls by default (the kit's defaults: GDELT for news, Bluesky for social). */
  readonly provider: Provider;
  /** Lambda timeout; infra sets it, the plan keeps each shard within half of it, `status` ages "started" by it. */
  readonly timeoutSeconds: number;
  /** Requests for a slice of the list (research/source-apis.md §0). */
  readonly requestCost: RequestCost;
}

const perCelebrity =
  (requests: number): RequestCost =>
  (celebrities) =>
    Math.ceil(celebrities.length * requests);

/*
 * Timeouts. A shard is sized to finish within half of its function's timeout at the source's pace, so the
 * other half is head-room for retries and Retry-After waits; all stay below the 900 s Lambda ceiling.
 */
export const SCRAPER_FUNCTIONS: Readonly<Record<Source, ScraperFunctionFacts>> = Object.freeze({
  // search + details of each person, plus the weekly trending pages: ~250 calls per 100 celebrities.
  tmdb: { provider: 'tmdb', timeoutSeconds: 180, requestCost: perCelebrity(2.5) },
  // summary + pageviews per celebrity; Wikimedia's per-minute limits and Retry-After can stretch a shard.
  wikipedia: { provider: 'wikimedia', timeoutSeconds: 300, requestCost: perCelebrity(2) },
  // GDELT's one request per 5 s dominates; a throttled query waits up to 2 min, so the longest timeout.
  news: { provider: 'gdelt', timeoutSeconds: 900, requestCost: newsRequestCost },
  // One Bluesky login per invocation, then ~2 searchPosts calls per celebrity.
  social: { provider: 'bluesky', timeoutSeconds: 300, requestCost: perCelebrity(2) },
});
