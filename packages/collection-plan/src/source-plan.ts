import type { Celebrity, Source } from '@celebrity-pipeline/core';
import { type Shard, sizeShards, sourceMaxConcurrency } from '@celebrity-pipeline/scraper-kit';
import { PlanError } from './errors.js';
import { SCRAPER_FUNCTIONS, type ScraperFunctionFacts } from './scraper-functions.js';

/** One source's part of the weekly plan. */
export interface SourcePlan {
  source: Source;
  provider: ScraperFunctionFacts['provider'];
  /** Celebrities per shard (the last shard may hold fewer). */
  shardSize: number;
  shards: Shard[];
  /** Shards that may run at once without exceeding the provider's published limit. */
  maxConcurrency: number;
  requests: number;
  /** Wall time at the live limits: the shards' paced time spread over `maxConcurrency`, at least the longest shard. */
  estimatedSeconds: number;
  /** The scraper's Lambda timeout. */
  shardTimeoutSeconds: number;
  /** The longest shard's paced seconds (at most half the timeout). */
  longestShardSeconds: number;
}

/**
 * Plans one source over a list: shards within half the timeout (scraper-kit `sizeShards`), `MaxConcurrency`
 * within the provider's published limit, and the estimated wall time. Pure.
 * @throws PlanError for an empty list, or a celebrity that alone does not fit a shard.
 */
export function planSource(source: Source, celebrities: readonly Celebrity[]): SourcePlan {
  const facts = SCRAPER_FUNCTIONS[source];
  let shards: Shard[];
  try {
    shards = sizeShards(celebrities, { source, requestCost: facts.requestCost });
  } catch (error) {
    throw new PlanError(`Cannot plan ${source}: ${(error as Error).message}`, { cause: error });
  }
  const maxConcurrency = sourceMaxConcurrency(source);
  const totalSeconds = shards.reduce((total, shard) => total + shard.pacedSeconds, 0);
  const longestShardSeconds = Math.max(...shards.map((shard) => shard.pacedSeconds));
  const first = shards[0] as Shard;
  return {
    source,
    provider: facts.provider,
    shardSize: first.end - first.start,
    shards,
    maxConcurrency,
    requests: shards.reduce((total, shard) => total + shard.requests, 0),
    estimatedSeconds: Math.max(longestShardSeconds, totalSeconds / Math.min(maxConcurrency, shards.length)),
    shardTimeoutSeconds: facts.timeoutSeconds,
    longestShardSeconds,
  };
}
