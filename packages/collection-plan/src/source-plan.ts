import type { Celebrity, Source } from '@celebrity-pipeline/core';
import {
  PUBLISHED_LIMITS,
  type PublishedLimit,
  SOURCE_LIMITS,
  type SourceLimit,
  spacingMs,
} from '@celebrity-pipeline/scraper-kit';
import { PlanError } from './errors.js';
import { SCRAPER_FUNCTIONS, type ScraperFunctionFacts } from './scraper-functions.js';
import { SHARD_BUDGET_SHARE } from './shard-policy.js';

/** One shard: a contiguous slice `[start, end)` of the list. */
export interface Shard {
  index: number;
  start: number;
  end: number;
  requests: number;
  /** Seconds its requests take at the source's pace. */
  pacedSeconds: number;
}

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
 * Invocations of one source that may run at once: each invocation's limiter starts at most
 * `1000 / spacingMs` requests a second and keeps `maxConcurrency` in flight, so their sum must stay within the
 * provider's published rate and concurrency. At least 1 (a provider slower than one invocation is paced by it).
 * @example maxConcurrencyOf(SOURCE_LIMITS.gdelt, PUBLISHED_LIMITS.gdelt) // 1
 */
export function maxConcurrencyOf(limit: SourceLimit, published: PublishedLimit): number {
  const perInvocationRate = 1_000 / spacingMs(limit);
  const byRate =
    published.requestsPerSecond === undefined
      ? Number.POSITIVE_INFINITY
      : published.requestsPerSecond / perInvocationRate;
  const byConcurrency =
    published.concurrentRequests === undefined
      ? Number.POSITIVE_INFINITY
      : published.concurrentRequests / limit.maxConcurrency;
  const allowed = Math.floor(Math.min(byRate, byConcurrency) + 1e-9);
  if (!Number.isFinite(allowed)) {
    throw new PlanError('A provider needs a published rate or concurrency limit to size its MaxConcurrency');
  }
  return Math.max(1, allowed);
}

function shardsOf(
  celebrities: readonly Celebrity[],
  size: number,
  facts: ScraperFunctionFacts,
  spacing: number,
): Shard[] {
  const shards: Shard[] = [];
  for (let start = 0; start < celebrities.length; start += size) {
    const end = Math.min(celebrities.length, start + size);
    const requests = facts.requestCost(celebrities.slice(start, end));
    shards.push({ index: shards.length, start, end, requests, pacedSeconds: (requests * spacing) / 1_000 });
  }
  return shards;
}

/**
 * The largest shard size whose every shard finishes within {@link SHARD_BUDGET_SHARE} of the timeout at the
 * source's pace; starts from the list's average cost and shrinks while a shard (news batches unevenly) is over.
 */
function fittingShards(celebrities: readonly Celebrity[], facts: ScraperFunctionFacts, spacing: number): Shard[] {
  const budgetSeconds = facts.timeoutSeconds * SHARD_BUDGET_SHARE;
  const secondsPerCelebrity = (facts.requestCost(celebrities) * spacing) / 1_000 / celebrities.length;
  let size = Math.max(1, Math.min(celebrities.length, Math.floor(budgetSeconds / secondsPerCelebrity)));
  for (;;) {
    const shards = shardsOf(celebrities, size, facts, spacing);
    const longest = Math.max(...shards.map((shard) => shard.pacedSeconds));
    if (longest <= budgetSeconds) return shards;
    if (size === 1) {
      throw new PlanError(
        `One celebrity takes ${longest.toFixed(1)} s at the ${facts.provider} pace, over half the ${facts.timeoutSeconds} s timeout`,
      );
    }
    size = Math.max(1, Math.min(size - 1, Math.floor((size * budgetSeconds) / longest)));
  }
}

/**
 * Plans one source over a list: shards within half the timeout, `MaxConcurrency` within the published limit,
 * and the estimated wall time. Pure.
 * @throws PlanError for an empty list, or a celebrity that alone does not fit a shard.
 */
export function planSource(source: Source, celebrities: readonly Celebrity[]): SourcePlan {
  if (celebrities.length === 0) throw new PlanError('Cannot plan an empty celebrity list');
  const facts = SCRAPER_FUNCTIONS[source];
  const limit = SOURCE_LIMITS[facts.provider];
  const spacing = spacingMs(limit);
  const shards = fittingShards(celebrities, facts, spacing);
  const maxConcurrency = maxConcurrencyOf(limit, PUBLISHED_LIMITS[facts.provider]);
  const totalSeconds = shards.reduce((total, shard) => total + shard.pacedSeconds, 0);
  const longestShardSeconds = Math.max(...shards.map((shard) => shard.pacedSeconds));
  return {
    source,
    provider: facts.provider,
    shardSize: (shards[0] as Shard).end - (shards[0] as Shard).start,
    shards,
    maxConcurrency,
    requests: shards.reduce((total, shard) => total + shard.requests, 0),
    estimatedSeconds: Math.max(longestShardSeconds, totalSeconds / Math.min(maxConcurrency, shards.length)),
    shardTimeoutSeconds: facts.timeoutSeconds,
    longestShardSeconds,
  };
}
