import { faults } from '@celebrity-pipeline/fixtures';
import { firstCelebrities, type Harness, runHandler, startHarness } from '@celebrity-pipeline/scraper-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { socialScraperFromConfig } from '../../src/index.js';

let harness: Harness;
const CREDENTIALS = { BLUESKY_IDENTIFIER: 'celebwatch.bsky.social', BLUESKY_APP_PASSWORD: 'abcd-efgh-ijkl-mnop' };
// Rates are measured in scraper-kit's tests; here they are lifted so 100 celebrities run quickly.
const FAST = {
  SOURCE_LIMITS_JSON: '{"bluesky":{"requestsPerSecond":100},"mastodon":{"requestsPerSecond":100,"maxConcurrency":4}}',
};

beforeAll(async () => {
  harness = await startHarness('social');
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.server.setFaults([]);
  harness.server.clearLog();
});

describe('scraper-social handler', () => {
  it('writes 100 Bluesky items with one login per run and never logs the password or tokens', async () => {
    const run = await runHandler(harness, 'social', socialScraperFromConfig, { ...CREDENTIALS, ...FAST });
    expect(run.error).toBeUndefined();
    expect(run.summary).toMatchObject({
      source: 'social',
      status: 'succeeded',
      attempted: 100,
      written: 100,
      failed: [],
    });
    expect(harness.server.requestLog.filter((entry) => entry.route === 'bluesky.createSession')).toHaveLength(1);
    const searches = harness.server.requestLog.filter((entry) => entry.route === 'bluesky.searchPosts');
    expect(searches).toHaveLength(100);
    expect(
      searches.every(
        (entry) => entry.query.sort === 'latest' && entry.query.limit === '100' && entry.query.since !== undefined,
      ),
    ).toBe(true);
    const items = await harness.scan();
    expect(items).toHaveLength(100);
    for (const item of items) {
      expect(item).toMatchObject({
        source: 'social',
        week: '2026-W47',
        entity: 'observation',
        signals: { provider: 'bluesky' },
      });
      expect(Date.parse(String(item.timestamp))).not.toBeNaN();
    }
    expect(run.output).not.toContain(CREDENTIALS.BLUESKY_APP_PASSWORD);
    expect(run.output).not.toMatch(/replay-(access|refresh)-\d+/);
  });

  it('refreshes the session once on ExpiredToken and retries the search', async () => {
    harness.server.setFaults([{ route: 'bluesky.searchPosts', fault: faults.expiredToken(), times: 1 }]);
    const run = await runHandler(
      harness,
      'social',
      socialScraperFromConfig,
      { ...CREDENTIALS, ...FAST, SCRAPE_CONCURRENCY: '1' },
      firstCelebrities(3),
    );
    expect(run.summary?.failed).toEqual([]);
    const routes = harness.server.requestLog.map((entry) => entry.route);
    expect(routes.filter((route) => route === 'bluesky.createSession')).toHaveLength(1);
    expect(routes.filter((route) => route === 'bluesky.refreshSession')).toHaveLength(1);
    expect(routes.filter((route) => route === 'bluesky.searchPosts')).toHaveLength(4);
  });

  it('records 401 on search as a non-retryable failure after one request', async () => {
    const [celebrity] = firstCelebrities(1).celebrities;
    harness.server.setFaults([
      {
        route: 'bluesky.searchPosts',
        celebrityId: celebrity?.id,
        fault: faults.status(401, { body: '{"error":"AuthenticationRequired"}' }),
      },
    ]);
    const run = await runHandler(
      harness,
      'social',
      socialScraperFromConfig,
      { ...CREDENTIALS, ...FAST, FAILURE_THRESHOLD: '0.9' },
      firstCelebrities(2),
    );
    expect(run.summary?.failed).toEqual([
      { celebrityId: celebrity?.id, reason: expect.stringContaining('HTTP 401'), retryable: false },
    ]);
    expect(
      harness.server.requestLog.filter(
        (entry) => entry.route === 'bluesky.searchPosts' && entry.celebrityIds.includes(celebrity?.id ?? ''),
      ),
    ).toHaveLength(1);
  });

  it('is skipped with one clear message when the Bluesky credentials are missing in live mode', async () => {
    const run = await runHandler(harness, 'social', socialScraperFromConfig, {}, firstCelebrities(2));
    expect(run.summary).toMatchObject({
      status: 'skipped',
      skippedReason: 'Expected `BLUESKY_IDENTIFIER` and `BLUESKY_APP_PASSWORD` to be set (live mode, source social)',
    });
    expect(harness.server.requestLog).toHaveLength(0);
  });

  it('writes 100 Mastodon items from hashtag timelines without credentials', async () => {
    const run = await runHandler(harness, 'social', socialScraperFromConfig, { SOCIAL_PROVIDER: 'mastodon', ...FAST });
    expect(run.summary).toMatchObject({ status: 'succeeded', attempted: 100, failed: [] });
    expect(run.summary?.written).toBe(100);
    const items = (await harness.scan()).filter(
      (item) => (item.signals as { provider: string }).provider === 'mastodon',
    );
    expect(items).toHaveLength(100);
    expect(harness.server.requestLog.every((entry) => entry.route === 'mastodon.tag')).toBe(true);
  });
});
