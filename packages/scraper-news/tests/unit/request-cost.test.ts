import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { SOURCE_LIMITS, spacingMs } from '@celebrity-pipeline/scraper-kit';
import { describe, expect, it } from 'vitest';
import { GDELT_QUERY_LIMITS, newsRequestCost, newsRequestsFor } from '../../src/index.js';

describe('newsRequestsFor', () => {
  it('costs GDELT one count per celebrity plus a title page per 10 names', () => {
    expect(newsRequestsFor(100)).toEqual({ minimum: 100, maximum: 111 });
    expect(newsRequestsFor(10_000)).toEqual({ minimum: 10_000, maximum: 11_001 });
    expect(newsRequestsFor(10_000, 'newsapi')).toEqual({ minimum: 10_000, maximum: 10_000 });
  });

  it('adds one title page per started group of 10 names, and one for the busy/quiet boundary', () => {
    expect(GDELT_QUERY_LIMITS.maxCelebritiesPerQuery).toBe(10);
    expect([0, 1, 7, 10, 11, 250].map((count) => newsRequestsFor(count).maximum)).toEqual([0, 3, 9, 12, 14, 276]);
  });

  it('puts 10,000 celebrities at 16.7 h to 18.3 h of GDELT pacing (documented in the README)', () => {
    const hours = (requests: number) => (requests * spacingMs(SOURCE_LIMITS.gdelt)) / 3_600_000;
    const budget = newsRequestsFor(10_000);
    expect(hours(budget.minimum)).toBeCloseTo(16.67, 1);
    expect(hours(budget.maximum)).toBeCloseTo(18.33, 1);
  });
});

describe('newsRequestCost', () => {
  it('bounds the bundled 100 at 100 counts plus their title pages', () => {
    const cost = newsRequestCost(defaultCelebrityList().celebrities);
    expect(cost).toBeGreaterThan(100);
    expect(cost).toBeLessThanOrEqual(100 + 15);
    console.info(`news: at most ${cost} GDELT requests for the bundled 100 celebrities`);
  });
});
