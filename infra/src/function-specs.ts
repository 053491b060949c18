import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { POST_PROCESSOR_FUNCTION_NAME, SCRAPER_FUNCTION_NAMES, type Source } from '@celebrity-pipeline/core';
import { type Provider, SOURCE_LIMITS, spacingMs } from '@celebrity-pipeline/scraper-kit';
import { batchCelebrities } from '@celebrity-pipeline/scraper-news';

/** What the construct needs to know about one Lambda function besides its code. */
export interface FunctionSpec {
  /** Lambda function name (from core, as the spec names it). */
  readonly functionName: string;
  /** Package folder relative to the workspace root; its `src/handler.ts` exports `handler`. */
  readonly packageDirectory: string;
  readonly memorySizeMb: number;
  readonly timeoutSeconds: number;
  readonly description: string;
}

/*
 * Sizing. Every function is I/O bound (HTTP or DynamoDB), so memory is the smallest size that keeps the
 * bundle's cold start (~1 MB of minified JS: SDK, zod, Powertools, VADER's lexicon) short; arm64 is ~20 %
 * cheaper per GB-second than x86. Timeouts are the expected run time of 100 celebrities under each source's
 * rate limit (research/source-apis.md §0) with head-room for retries and Retry-After waits, and below the
 * 900 s Lambda ceiling.
 */
export const SCRAPER_SPECS: Readonly<Record<Source, FunctionSpec>> = {
  tmdb: {
    functionName: SCRAPER_FUNCTION_NAMES.tmdb,
    packageDirectory: 'packages/scraper-tmdb',
    memorySizeMb: 256,
    // ~200–250 calls throttled to <= 20 req/s take ~15 s; 3 min leaves room for 429 back-off.
    timeoutSeconds: 180,
    description: 'Weekly TMDB popularity and biography of each celebrity',
  },
  wikipedia: {
    functionName: SCRAPER_FUNCTION_NAMES.wikipedia,
    packageDirectory: 'packages/scraper-wikipedia',
    memorySizeMb: 256,
    // ~200 calls (summary + pageviews) at <= 3 concurrent requests, ~0.3 s each: ~30 s; Wikimedia's
    // per-minute limits and Retry-After can stretch that to minutes, so 5 min.
    timeoutSeconds: 300,
    description: 'Weekly Wikipedia pageviews and summary of each celebrity',
  },
  news: {
    functionName: SCRAPER_FUNCTION_NAMES.news,
    packageDirectory: 'packages/scraper-news',
    memorySizeMb: 256,
    // GDELT asks for >= 5 s between requests and the kit spaces them 6.3 s, single flight: the 10 OR-batched
    // queries of 100 celebrities are ~65 s of pure waiting. A throttled query is retried up to 4 times, each
    // retry again >= 6 s after the previous start plus 1–16 s backoff (up to 120 s on Retry-After), so a bad
    // GDELT day is ~1–2 min per query: 10–15 min for the run. 15 min is the Lambda maximum.
    timeoutSeconds: 900,
    description: 'Weekly news coverage (GDELT DOC 2.0, or NewsAPI when keyed) of each celebrity',
  },
  social: {
    functionName: SCRAPER_FUNCTION_NAMES.social,
    packageDirectory: 'packages/scraper-social',
    memorySizeMb: 256,
    // One Bluesky login, then ~100–200 searchPosts calls paced under Bluesky's rate limit: 1–3 min; 5 min
    // covers a Retry-After or a session refresh.
    timeoutSeconds: 300,
    description: 'Weekly social mentions and engagement (Bluesky, or Mastodon hashtags) of each celebrity',
  },
};

export const POST_PROCESSOR_SPEC: FunctionSpec = {
  functionName: POST_PROCESSOR_FUNCTION_NAME,
  packageDirectory: 'packages/post-processor',
  // VADER over <= 100 items' capped texts is CPU work (a few ms per item); 512 MB on arm64 gives about a
  // third of a vCPU, so a batch of 100 scores and writes in well under 10 s.
  memorySizeMb: 512,
  // A batch of 100 conditional UpdateItems with SDK retries; 60 s is several times the expected run and
  // keeps a stuck batch from holding the shard long (the mapping bisects and retries it).
  timeoutSeconds: 60,
  description: 'Adds weight and VADER sentiment to every new or re-scraped item from the table stream',
};

/**
 * One weekly run's HTTP work per scraper: the provider it calls by default (the kit's defaults) and its request
 * volume for the bundled celebrity list (research/source-apis.md §0). News sends one GDELT query per OR-batch,
 * batched by scraper-news itself.
 */
export const SCRAPER_WORKLOAD: Readonly<Record<Source, { provider: Provider; requestsPerRun: number }>> = {
  tmdb: { provider: 'tmdb', requestsPerRun: 250 },
  wikipedia: { provider: 'wikimedia', requestsPerRun: 200 },
  news: { provider: 'gdelt', requestsPerRun: batchCelebrities(defaultCelebrityList().celebrities).length },
  social: { provider: 'bluesky', requestsPerRun: 200 },
};

/** Head-room a timeout keeps over the paced run time, for retries and Retry-After waits. */
export const TIMEOUT_HEADROOM = 1.4;

/**
 * Seconds one run spends just waiting for its rate limiter: requests × the kit's spacing between request
 * starts (scraper-kit SOURCE_LIMITS). A lower bound of the run time, and most of it for GDELT.
 */
export function pacedRunSeconds(source: Source): number {
  const { provider, requestsPerRun } = SCRAPER_WORKLOAD[source];
  return (requestsPerRun * spacingMs(SOURCE_LIMITS[provider])) / 1_000;
}
