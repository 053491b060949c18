import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { planSource, SCRAPER_FUNCTIONS } from '@celebrity-pipeline/collection-plan';
import { SOURCES } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { SCRAPER_SPECS } from '../../src/index.js';

describe('scraper timeouts', () => {
  it.each(SOURCES)('scraper-%s takes its timeout from the collection plan, under the 900 s ceiling', (source) => {
    const { timeoutSeconds } = SCRAPER_SPECS[source];
    expect(timeoutSeconds).toBe(SCRAPER_FUNCTIONS[source].timeoutSeconds);
    expect(timeoutSeconds).toBeLessThanOrEqual(900);
  });

  it.each(SOURCES)('scraper-%s runs the bundled list in one shard within half its timeout', (source) => {
    const plan = planSource(source, defaultCelebrityList().celebrities);
    expect(plan.shards).toHaveLength(1);
    expect(plan.longestShardSeconds * 2).toBeLessThanOrEqual(SCRAPER_SPECS[source].timeoutSeconds);
  });
});
