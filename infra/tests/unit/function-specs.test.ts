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

  it.each(SOURCES)('scraper-%s runs the bundled list within its timeout, each shard within half of it', (source) => {
    const plan = planSource(source, defaultCelebrityList().celebrities);
    // News asks GDELT once per celebrity for an exact count (scraper-news README): ~11 min for 100 at 6 s,
    // within one invocation's timeout but past half of it, so the plan gives it two shards.
    expect(plan.shards).toHaveLength(source === 'news' ? 2 : 1);
    expect(plan.longestShardSeconds * 2).toBeLessThanOrEqual(SCRAPER_SPECS[source].timeoutSeconds);
    const pacedSeconds = plan.shards.reduce((total, shard) => total + shard.pacedSeconds, 0);
    expect(pacedSeconds).toBeLessThanOrEqual(SCRAPER_SPECS[source].timeoutSeconds);
  });
});
