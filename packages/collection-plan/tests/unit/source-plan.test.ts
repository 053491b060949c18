import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { SOURCES } from '@celebrity-pipeline/core';
import { PUBLISHED_LIMITS, SOURCE_LIMITS, spacingMs } from '@celebrity-pipeline/scraper-kit';
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
  it('puts the bundled 100 celebrities in one shard per source', () => {
    for (const source of SOURCES) {
      const plan = planSource(source, defaultCelebrityList().celebrities);
      expect(plan.shards).toHaveLength(1);
      expect(plan.shards[0]).toMatchObject({ start: 0, end: 100 });
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

  it('finishes the slowest source of 10,000 celebrities within 2 hours', () => {
    for (const source of SOURCES) expect(planSource(source, tenThousand).estimatedSeconds).toBeLessThanOrEqual(7_200);
  });

  it('shrinks news shards until uneven OR-batches fit (long names make more queries per celebrity)', () => {
    const longNames = inventedList(3_000, 60).celebrities;
    const plan = planSource('news', longNames);
    const budget = SCRAPER_FUNCTIONS.news.timeoutSeconds * SHARD_BUDGET_SHARE;
    expect(Math.max(...plan.shards.map((shard) => shard.pacedSeconds))).toBeLessThanOrEqual(budget);
    expect(plan.shardSize).toBeLessThan(planSource('news', inventedList(3_000).celebrities).shardSize);
  });

  it('rejects an empty list', () => {
    expect(() => planSource('tmdb', [])).toThrow(PlanError);
  });
});
