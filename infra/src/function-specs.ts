import { SCRAPER_FUNCTIONS, SUPPORT_FUNCTIONS } from '@celebrity-pipeline/collection-plan';
import {
  COLLECTION_PLANNER_FUNCTION_NAME,
  POST_PROCESSOR_FUNCTION_NAME,
  SCRAPER_FUNCTION_NAMES,
  type Source,
} from '@celebrity-pipeline/core';

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
 * cheaper per GB-second than x86. The scrapers' memory and timeouts are collection-plan facts (`SCRAPER_FUNCTIONS`): the
 * plan sizes each shard to half of them, and `status` ages a "started" shard by them.
 */
export const SCRAPER_SPECS: Readonly<Record<Source, FunctionSpec>> = {
  tmdb: {
    functionName: SCRAPER_FUNCTION_NAMES.tmdb,
    packageDirectory: 'packages/scraper-tmdb',
    memorySizeMb: SCRAPER_FUNCTIONS.tmdb.memoryMb,
    timeoutSeconds: SCRAPER_FUNCTIONS.tmdb.timeoutSeconds,
    description: 'Weekly TMDB popularity and biography of each celebrity',
  },
  wikipedia: {
    functionName: SCRAPER_FUNCTION_NAMES.wikipedia,
    packageDirectory: 'packages/scraper-wikipedia',
    memorySizeMb: SCRAPER_FUNCTIONS.wikipedia.memoryMb,
    timeoutSeconds: SCRAPER_FUNCTIONS.wikipedia.timeoutSeconds,
    description: 'Weekly Wikipedia pageviews and summary of each celebrity',
  },
  news: {
    functionName: SCRAPER_FUNCTION_NAMES.news,
    packageDirectory: 'packages/scraper-news',
    memorySizeMb: SCRAPER_FUNCTIONS.news.memoryMb,
    timeoutSeconds: SCRAPER_FUNCTIONS.news.timeoutSeconds,
    description: 'Weekly news coverage (GDELT DOC 2.0, or NewsAPI when keyed) of each celebrity',
  },
  social: {
    functionName: SCRAPER_FUNCTION_NAMES.social,
    packageDirectory: 'packages/scraper-social',
    memorySizeMb: SCRAPER_FUNCTIONS.social.memoryMb,
    timeoutSeconds: SCRAPER_FUNCTIONS.social.timeoutSeconds,
    description: 'Weekly social mentions and engagement (Bluesky, or Mastodon hashtags) of each celebrity',
  },
};

export const POST_PROCESSOR_SPEC: FunctionSpec = {
  functionName: POST_PROCESSOR_FUNCTION_NAME,
  packageDirectory: 'packages/post-processor',
  // VADER over <= 100 items' capped texts is CPU work (a few ms per item); 512 MB on arm64 gives about a
  // third of a vCPU, so a batch of 100 scores and writes in well under 10 s.
  memorySizeMb: SUPPORT_FUNCTIONS.postProcessor.memoryMb,
  // A batch of 100 conditional UpdateItems with SDK retries; 60 s is several times the expected run and
  // keeps a stuck batch from holding the shard long (the mapping bisects and retries it).
  timeoutSeconds: SUPPORT_FUNCTIONS.postProcessor.timeoutSeconds,
  description: 'Adds weight and VADER sentiment to every new or re-scraped item from the table stream',
};

export const PLANNER_SPEC: FunctionSpec = {
  functionName: COLLECTION_PLANNER_FUNCTION_NAME,
  packageDirectory: 'packages/collection-plan',
  // Reads the list (a file, S3 or SSM) and plans in memory: milliseconds of CPU. One S3 GetObject or SSM
  // GetParameter with SDK retries, then pure planning: 60 s is ample. Sizes are collection-plan's (the cost reads them).
  memorySizeMb: SUPPORT_FUNCTIONS.planner.memoryMb,
  timeoutSeconds: SUPPORT_FUNCTIONS.planner.timeoutSeconds,
  description:
    "PlanWeek of celebrity-weekly-collection: the week's shard events from the Scheduled Event and the celebrity list",
};
