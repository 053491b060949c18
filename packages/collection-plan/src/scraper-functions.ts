import type { Source } from '@celebrity-pipeline/core';
import {
  DEFAULT_PROVIDERS,
  type Provider,
  type RequestCost,
  SCRAPER_TIMEOUT_SECONDS,
} from '@celebrity-pipeline/scraper-kit';
import { newsRequestCost } from '@celebrity-pipeline/scraper-news';
import { socialRequestCost } from '@celebrity-pipeline/scraper-social';
import { tmdbRequestCost } from '@celebrity-pipeline/scraper-tmdb';
import { wikipediaRequestCost } from '@celebrity-pipeline/scraper-wikipedia';

/** What the plan needs to know about one scraper function. */
export interface ScraperFunctionFacts {
  /** The provider it calls by default (GDELT for news, Bluesky for social). */
  readonly provider: Provider;
  /** Lambda timeout (scraper-kit `SCRAPER_TIMEOUT_SECONDS`; infra sets it, a shard takes at most half). */
  readonly timeoutSeconds: number;
  /** Requests for a slice of the list: each scraper package's own cost, the one its handler checks with. */
  readonly requestCost: RequestCost;
  /**
   * Lambda memory. Every scraper is I/O bound (paced HTTP, then DynamoDB), so this is the smallest size that keeps
   * the bundle's cold start (~1 MB of minified JS) short. Infra deploys it; the run cost prices it.
   */
  readonly memoryMb: number;
}

const SCRAPER_MEMORY_MB = 256;

const REQUEST_COSTS: Readonly<Record<Source, RequestCost>> = {
  tmdb: tmdbRequestCost,
  wikipedia: wikipediaRequestCost,
  news: newsRequestCost,
  social: socialRequestCost,
};

/** Per source: provider, timeout and request cost, gathered from scraper-kit and the four scraper packages. */
export const SCRAPER_FUNCTIONS: Readonly<Record<Source, ScraperFunctionFacts>> = Object.freeze(
  Object.fromEntries(
    (Object.keys(REQUEST_COSTS) as Source[]).map((source) => [
      source,
      {
        provider: DEFAULT_PROVIDERS[source],
        timeoutSeconds: SCRAPER_TIMEOUT_SECONDS[source],
        requestCost: REQUEST_COSTS[source],
        memoryMb: SCRAPER_MEMORY_MB,
      },
    ]),
  ) as Record<Source, ScraperFunctionFacts>,
);
