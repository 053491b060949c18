import { SOURCES } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { pacedRunSeconds, SCRAPER_SPECS, TIMEOUT_HEADROOM } from '../../src/index.js';

describe('scraper timeouts', () => {
  it.each(SOURCES)('scraper-%s has room for its paced run plus retries, under the 900 s ceiling', (source) => {
    const { timeoutSeconds } = SCRAPER_SPECS[source];
    expect(timeoutSeconds).toBeGreaterThanOrEqual(pacedRunSeconds(source) * TIMEOUT_HEADROOM);
    expect(timeoutSeconds).toBeLessThanOrEqual(900);
  });

  it('paces 100 unbatched GDELT queries at the kit spacing (>= 6 s): over ten minutes', () => {
    expect(pacedRunSeconds('news')).toBeGreaterThanOrEqual(600);
    expect(pacedRunSeconds('tmdb')).toBeLessThan(30);
  });
});
