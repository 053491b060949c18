import type { Celebrity, Source } from '@celebrity-pipeline/core';
import {
  type Provider,
  PUBLISHED_LIMITS,
  type PublishedLimit,
  SOURCE_LIMITS,
  type SourceLimit,
  spacingMs,
} from './source-limits.js';

/** HTTP requests one scraper invocation sends for a slice of the list (each scraper package exports its own). */
export type RequestCost = (celebrities: readonly Celebrity[]) => number;

/** Share of a scraper's timeout one shard may take at the source's pace; the rest is retry head-room. */
export const SHARD_BUDGET_SHARE = 0.5;

/**
 * Each scraper's Lambda timeout in seconds. Infra sets the functions' timeouts from it, the collection plan sizes
 * a shard to {@link SHARD_BUDGET_SHARE} of it, and the run ledger ages a "running" shard by it. All stay below
 * the 900 s Lambda ceiling; news is the longest because a throttled GDELT query can wait up to 2 min.
 */
export const SCRAPER_TIMEOUT_SECONDS: Readonly<Record<Source, number>> = Object.freeze({
  tmdb: 180,
  wikipedia: 300,
  news: 900,
  social: 300,
});

/** The provider each source calls by default (GDELT for news, Bluesky for social). */
export const DEFAULT_PROVIDERS: Readonly<Record<Source, Provider>> = Object.freeze({
  tmdb: 'tmdb',
  wikipedia: 'wikimedia',
  news: 'gdelt',
  social: 'bluesky',
});

/** One shard: a contiguous slice `[start, end)` of the list. */
export interface Shard {
  index: number;
  start: number;
  end: number;
  requests: number;
  /** Seconds its requests take at the provider's pace (requests × the limiter's spacing). */
  pacedSeconds: number;
}

/** What sizing a source's shards needs. */
export interface ShardSizingInput {
  source: Source;
  requestCost: RequestCost;
  /** Default: {@link DEFAULT_PROVIDERS}. */
  provider?: Provider;
}

/**
 * Invocations of one provider that may run at once: each invocation's limiter starts at most `1000 / spacingMs`
 * requests a second and keeps `maxConcurrency` in flight, and their sum must stay within the provider's published
 * rate and concurrency. At least 1 (a provider slower than one invocation is paced by it).
 * @example maxConcurrencyOf(SOURCE_LIMITS.gdelt, PUBLISHED_LIMITS.gdelt) // 1
 */
export function maxConcurrencyOf(limit: SourceLimit, published: PublishedLimit): number {
  const perInvocationRate = 1_000 / spacingMs(limit);
  const byRate = (published.requestsPerSecond ?? Number.POSITIVE_INFINITY) / perInvocationRate;
  const byConcurrency = (published.concurrentRequests ?? Number.POSITIVE_INFINITY) / limit.maxConcurrency;
  const allowed = Math.floor(Math.min(byRate, byConcurrency) + 1e-9);
  return Number.isFinite(allowed) ? Math.max(1, allowed) : Number.MAX_SAFE_INTEGER;
}

function cut(celebrities: readonly Celebrity[], size: number, requestCost: RequestCost, spacing: number): Shard[] {
  const shards: Shard[] = [];
  for (let start = 0; start < celebrities.length; start += size) {
    const end = Math.min(celebrities.length, start + size);
    const requests = requestCost(celebrities.slice(start, end));
    shards.push({ index: shards.length, start, end, requests, pacedSeconds: (requests * spacing) / 1_000 });
  }
  return shards;
}

/**
 * Cuts a list into the largest shards whose every one finishes within {@link SHARD_BUDGET_SHARE} of the source's
 * timeout at its provider's pace: starts from the list's average cost and shrinks while a shard is over (news
 * batches unevenly). Pure; the same list always gives the same shards.
 * @throws RangeError for an empty list, or a celebrity that alone takes more than the budget.
 */
export function sizeShards(celebrities: readonly Celebrity[], input: ShardSizingInput): Shard[] {
  if (celebrities.length === 0) throw new RangeError('Cannot shard an empty celebrity list');
  const provider = input.provider ?? DEFAULT_PROVIDERS[input.source];
  const spacing = spacingMs(SOURCE_LIMITS[provider]);
  const budgetSeconds = SCRAPER_TIMEOUT_SECONDS[input.source] * SHARD_BUDGET_SHARE;
  const secondsPerCelebrity = (input.requestCost(celebrities) * spacing) / 1_000 / celebrities.length;
  let size = Math.max(1, Math.min(celebrities.length, Math.floor(budgetSeconds / secondsPerCelebrity)));
  for (;;) {
    const shards = cut(celebrities, size, input.requestCost, spacing);
    const longest = Math.max(...shards.map((shard) => shard.pacedSeconds));
    if (longest <= budgetSeconds) return shards;
    if (size === 1) {
      throw new RangeError(
        `One celebrity takes ${longest.toFixed(1)} s at the ${provider} pace, over ${budgetSeconds} s (half the ${input.source} timeout)`,
      );
    }
    size = Math.max(1, Math.min(size - 1, Math.floor((size * budgetSeconds) / longest)));
  }
}

/** The default maximum of concurrently running shards of a source (its default provider). */
export function sourceMaxConcurrency(source: Source): number {
  const provider = DEFAULT_PROVIDERS[source];
  return maxConcurrencyOf(SOURCE_LIMITS[provider], PUBLISHED_LIMITS[provider]);
}
