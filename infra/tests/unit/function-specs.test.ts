import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { SOURCES } from '@celebrity-pipeline/core';
import { batchCelebrities } from '@celebrity-pipeline/scraper-news';
import { describe, expect, it } from 'vitest';
import { pacedRunSeconds, SCRAPER_SPECS, SCRAPER_WORKLOAD, TIMEOUT_HEADROOM } from '../../src/index.js';

describe('scraper timeouts', () => {
  it.each(SOURCES)('scraper-%s has room for its paced run plus retries, under the 900 s ceiling', (source) => {
    const { timeoutSeconds } = SCRAPER_SPECS[source];
    expect(timeoutSeconds).toBeGreaterThanOrEqual(pacedRunSeconds(source) * TIMEOUT_HEADROOM);
    expect(timeoutSeconds).toBeLessThanOrEqual(900);
  });

  it('paces one GDELT query per OR-batch of the bundled list, each >= 6 s after the last', () => {
    const batches = batchCelebrities(defaultCelebrityList().celebrities).length;
    expect(SCRAPER_WORKLOAD.news.requestsPerRun).toBe(batches);
    expect(batches).toBeLessThan(defaultCelebrityList().celebrities.length);
    expect(pacedRunSeconds('news')).toBeGreaterThanOrEqual(batches * 6);
    expect(pacedRunSeconds('tmdb')).toBeLessThan(30);
  });
});
