import { SOURCE_LIMITS, spacingMs } from '@celebrity-pipeline/scraper-kit';
import { describe, expect, it } from 'vitest';
import { NEWS_REQUESTS_PER_CELEBRITY, newsRequestsFor } from '../../src/index.js';

describe('newsRequestsFor', () => {
  it('costs GDELT one count per celebrity plus at most one title request each', () => {
    expect(newsRequestsFor(100)).toEqual({ minimum: 100, maximum: 200 });
    expect(newsRequestsFor(10_000)).toEqual({ minimum: 10_000, maximum: 20_000 });
    expect(newsRequestsFor(10_000, 'newsapi')).toEqual({ minimum: 10_000, maximum: 10_000 });
  });

  it('is linear in the list (the per-celebrity cost is the one fact)', () => {
    for (const count of [0, 1, 7, 250]) {
      expect(newsRequestsFor(count).maximum).toBe(count * NEWS_REQUESTS_PER_CELEBRITY.gdelt.maximum);
    }
  });

  it('puts 10,000 celebrities at 16.7 h to 33.3 h of GDELT pacing (documented in the README)', () => {
    const hours = (requests: number) => (requests * spacingMs(SOURCE_LIMITS.gdelt)) / 3_600_000;
    const budget = newsRequestsFor(10_000);
    expect(hours(budget.minimum)).toBeCloseTo(16.67, 1);
    expect(hours(budget.maximum)).toBeCloseTo(33.33, 1);
  });
});
