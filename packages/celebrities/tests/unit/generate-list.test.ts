import { CelebrityListSchema } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { generateCelebrityList } from '../../src/generate-list.js';

describe('generateCelebrityList', () => {
  it('builds a valid list of 10,000 with unique ids and names', () => {
    const list = generateCelebrityList(10_000);
    expect(list.celebrities).toHaveLength(10_000);
    expect(CelebrityListSchema.safeParse(list).success).toBe(true);
    expect(new Set(list.celebrities.map((celebrity) => celebrity.id)).size).toBe(10_000);
    expect(new Set(list.celebrities.map((celebrity) => celebrity.name)).size).toBe(10_000);
  });

  it('is deterministic for a count and seed, and another seed reorders it', () => {
    expect(generateCelebrityList(500)).toEqual(generateCelebrityList(500));
    expect(generateCelebrityList(500, { seed: 7 })).toEqual(generateCelebrityList(500, { seed: 7 }));
    expect(generateCelebrityList(500, { seed: 7 }).celebrities.map((celebrity) => celebrity.id)).not.toEqual(
      generateCelebrityList(500).celebrities.map((celebrity) => celebrity.id),
    );
  });

  it('a longer list starts with the shorter one (same seed)', () => {
    expect(generateCelebrityList(3_000).celebrities.slice(0, 1_000)).toEqual(generateCelebrityList(1_000).celebrities);
  });

  it('gives Bluesky handles, aliases and hashtags to some, so every scraper path is exercised', () => {
    const { celebrities } = generateCelebrityList(30);
    expect(celebrities.filter((celebrity) => celebrity.blueskyHandle)).toHaveLength(10);
    expect(celebrities.filter((celebrity) => celebrity.aliases.length > 0)).toHaveLength(6);
    expect(celebrities.every((celebrity) => celebrity.hashtags.length === 1)).toBe(true);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects count %s', (count) => {
    expect(() => generateCelebrityList(count)).toThrow(/count must be a positive integer/);
  });

  it.each([-1, 0.5])('rejects seed %s', (seed) => {
    expect(() => generateCelebrityList(10, { seed })).toThrow(/seed must be a non-negative integer/);
  });
});
