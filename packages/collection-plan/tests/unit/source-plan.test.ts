import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { SOURCES } from '@celebrity-pipeline/core';
import { PUBLISHED_LIMITS, SOURCE_LIMITS, spacingMs } from '@celebrity-pipeline/scraper-kit';
import { newsRequestCost, newsRequestsFor } from '@celebrity-pipeline/scraper-news';
import { describe, expect, it } from 'vitest';
import { maxConcurrencyOf, PlanError, planSource, SCRAPER_FUNCTIONS, SHARD_BUDGET_SHARE } from '../../src/index.js';
import { inventedList } from '../helpers/celebrity-list.js';

const tenThousand = inventedList(10_000).celebrities;

describe('maxConcurrencyOf', () => {
  it('runs GDELT one shard at a time (1 request / 5 s published, 6 s spacing per invocation)', () => {
    expect(maxConcurrencyOf(SOURCE_LIMITS.gdelt, PUBLISHED_LIMITS.gdelt)).toBe(1);
  });

  it('keeps every provider within its published rate and concurrency', () => {
    for (const source of SOURCES) {
      const { provider } = SCRAPER_FUNCTIONS[source];
      const limit = SOURCE_LIMITS[provider];
      const published = PUBLISHED_LIMITS[provider];
      const shards = maxConcurrencyOf(limit, published);
      if (published.requestsPerSecond !== undefined) {
        expect(shards * (1_000 / spacingMs(limit))).toBeLessThanOrEqual(published.requestsPerSecond);
      }
      if (published.concurrentRequests !== undefined) {
        expect(shards * limit.maxConcurrency).toBeLessThanOrEqual(published.concurrentRequests);
      }
    }
  });

  it('lets TMDB run two invocations at ~18 req/s each under its 40 req/s', () => {
    expect(maxConcurrencyOf(SOURCE_LIMITS.tmdb, PUBLISHED_LIMITS.tmdb)).toBe(2);
  });

  it('never goes below one invocation, even for a provider slower than one invocation', () => {
    expect(maxConcurrencyOf(SOURCE_LIMITS.newsapi, PUBLISHED_LIMITS.newsapi)).toBe(1);
  });
});

describe('planSource', () => {
  it('puts the bundled 100 celebrities in one shard per source, and news (one GDELT count each) in two', () => {
    for (const source of SOURCES) {
      const plan = planSource(source, defaultCelebrityList().celebrities);
      // 100 exact counts + title pages at 6 s is ~11 min: past half of news's 900 s timeout, so two shards.
      expect(plan.shards, source).toHaveLength(source === 'news' ? 2 : 1);
      expect(plan.shards[0]).toMatchObject({ start: 0 });
      expect(plan.shards.at(-1)).toMatchObject({ end: 100 });
    }
  });

  it('keeps every shard of 10,000 celebrities within half its timeout at the source pace', () => {
    for (const source of SOURCES) {
      const plan = planSource(source, tenThousand);
      const { timeoutSeconds, provider } = SCRAPER_FUNCTIONS[source];
      for (const shard of plan.shards) {
        expect(shard.pacedSeconds).toBeLessThanOrEqual(timeoutSeconds * SHARD_BUDGET_SHARE);
        expect(shard.pacedSeconds).toBeCloseTo((shard.requests * spacingMs(SOURCE_LIMITS[provider])) / 1_000, 6);
      }
      expect(plan.shards.length).toBeGreaterThan(1);
      expect(plan.shardTimeoutSeconds).toBe(timeoutSeconds);
    }
  });

  it('covers the list exactly once, in order, with contiguous shards', () => {
    const plan = planSource('tmdb', tenThousand);
    let next = 0;
    for (const [index, shard] of plan.shards.entries()) {
      expect(shard).toMatchObject({ index, start: next });
      next = shard.end;
    }
    expect(next).toBe(10_000);
    expect(plan.requests).toBe(plan.shards.reduce((total, shard) => total + shard.requests, 0));
  });

  it('finishes every source but news for 10,000 celebrities within 2 hours', () => {
    for (const source of SOURCES.filter((entry) => entry !== 'news')) {
      expect(planSource(source, tenThousand).estimatedSeconds, source).toBeLessThanOrEqual(7_200);
    }
  });

  it("states news's true cost for 10,000: one exact GDELT count per celebrity plus title pages, over 16.7 h", () => {
    // scraper-news README, "Request budget and wall time": exact per-name counts cannot be batched.
    const plan = planSource('news', tenThousand);
    expect(plan.requests).toBeGreaterThanOrEqual(newsRequestsFor(10_000).minimum);
    // Each shard plans its own title pages: at most a part-filled page and the busy/quiet boundary more per shard.
    expect(plan.requests).toBeLessThanOrEqual(newsRequestCost(tenThousand) + 2 * plan.shards.length);
    expect(plan.estimatedSeconds).toBeCloseTo((plan.requests * spacingMs(SOURCE_LIMITS.gdelt)) / 1_000, 3);
    expect(plan.estimatedSeconds).toBeGreaterThan(60_000);
  });

  it('keeps every news shard within half its timeout, whatever the names', () => {
    const plan = planSource('news', inventedList(3_000, 60).celebrities);
    const budget = SCRAPER_FUNCTIONS.news.timeoutSeconds * SHARD_BUDGET_SHARE;
    expect(Math.max(...plan.shards.map((shard) => shard.pacedSeconds))).toBeLessThanOrEqual(budget);
  });

  it('rejects an empty list', () => {
    expect(() => planSource('tmdb', [])).toThrow(PlanError);
  });
});
