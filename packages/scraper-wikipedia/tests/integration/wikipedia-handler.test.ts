import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { lastFullDays } from '@celebrity-pipeline/core';
import { canonicalTitleOf, faults } from '@celebrity-pipeline/fixtures';
import { firstCelebrities, type Harness, runHandler, startHarness } from '@celebrity-pipeline/scraper-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { wikipediaScraperFromConfig } from '../../src/index.js';

let harness: Harness;
const { celebrities } = defaultCelebrityList();

beforeAll(async () => {
  harness = await startHarness('wikipedia');
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.server.setFaults([]);
  harness.server.clearLog();
});

describe('scraper-wikipedia handler', () => {
  it('writes 100 items with the spec attributes, following redirects to the canonical title', async () => {
    // Limits are measured in scraper-kit's tests; here a wider limit keeps 200 requests quick.
    const run = await runHandler(harness, 'wikipedia', wikipediaScraperFromConfig, {
      SOURCE_LIMITS_JSON: '{"wikimedia":{"requestsPerSecond":100}}',
    });
    const days = lastFullDays(new Date(), 7).map((day) => `${day.replaceAll('-', '')}00`);
    expect(run.error).toBeUndefined();
    expect(run.summary).toMatchObject({
      source: 'wikipedia',
      status: 'succeeded',
      attempted: 100,
      written: 100,
      failed: [],
    });
    const items = await harness.scan();
    expect(items).toHaveLength(100);
    for (const item of items) {
      expect(item).toMatchObject({ source: 'wikipedia', week: '2026-W47', entity: 'observation' });
      expect(Date.parse(String(item.timestamp))).not.toBeNaN();
      expect((item.signals as { daily_pageviews: number[] }).daily_pageviews).toHaveLength(7);
    }
    const redirected = celebrities.findIndex(
      (celebrity, index) => canonicalTitleOf(celebrity, index) !== celebrity.wikipediaTitle,
    );
    const redirectedCelebrity = celebrities[redirected];
    if (!redirectedCelebrity) throw new Error('the fixtures have no redirect');
    const canonical = canonicalTitleOf(redirectedCelebrity, redirected);
    const item = items.find((entry) => entry.celebrity_id === celebrities[redirected]?.id);
    expect(item?.source_ref).toBe(canonical);
    expect(
      harness.server.requestLog.some(
        (entry) => entry.route === 'wikimedia.pageviews' && entry.path.includes(encodeURIComponent(canonical)),
      ),
    ).toBe(true);
    expect(harness.server.requestLog.some((entry) => entry.status === 302)).toBe(true);
    const pageviews = harness.server.requestLog.find((entry) => entry.route === 'wikimedia.pageviews');
    expect(pageviews?.path.endsWith(`/daily/${days[0]}/${days[6]}`)).toBe(true);
    expect(harness.server.requestLog.every((entry) => /\(.+\)/.test(entry.headers['user-agent'] ?? ''))).toBe(true);
  });

  it('records a missing article (404) as a failure with its reason, not a crash', async () => {
    const [template] = firstCelebrities(1).celebrities;
    if (!template) throw new Error('empty list');
    const list = {
      version: 1,
      celebrities: [
        { ...template, id: 'no-such-person', wikipediaTitle: 'No_Such_Person_Here' },
        ...firstCelebrities(2).celebrities,
      ],
    };
    const run = await runHandler(harness, 'wikipedia', wikipediaScraperFromConfig, {}, list);
    expect(run.summary?.failed).toEqual([
      {
        celebrityId: 'no-such-person',
        reason: 'ArticleMissingError: no Wikipedia article "No_Such_Person_Here" (HTTP 404)',
        retryable: false,
      },
    ]);
    expect(run.summary?.status).toBe('succeeded');
  });

  it('counts a 404 from pageviews as zero views', async () => {
    const [celebrity] = firstCelebrities(1).celebrities;
    harness.server.setFaults([{ route: 'wikimedia.pageviews', celebrityId: celebrity?.id, fault: faults.status(404) }]);
    const run = await runHandler(harness, 'wikipedia', wikipediaScraperFromConfig, {}, firstCelebrities(1));
    expect(run.summary?.failed).toEqual([]);
    const item = (await harness.scan()).find((entry) => entry.celebrity_id === celebrity?.id);
    expect(item?.signals).toEqual({ pageviews_7d: 0, daily_pageviews: [0, 0, 0, 0, 0, 0, 0] });
  });

  it('retries 503 then succeeds, and fails a permanent 503 with its reason', async () => {
    const [first, second] = firstCelebrities(2).celebrities;
    harness.server.setFaults([
      { route: 'wikipedia.summary', celebrityId: first?.id, fault: faults.status(503), times: 2 },
      { route: 'wikimedia.pageviews', celebrityId: second?.id, fault: faults.status(503) },
    ]);
    const run = await runHandler(
      harness,
      'wikipedia',
      wikipediaScraperFromConfig,
      { FAILURE_THRESHOLD: '0.9' },
      firstCelebrities(2),
    );
    expect(run.summary?.failed).toEqual([
      { celebrityId: second?.id, reason: expect.stringContaining('HTTP 503'), retryable: true },
    ]);
    expect(run.summary?.requestsRetried).toBe(4);
  });

  it('waits about 2 s when pageviews answer 429 with Retry-After: 2, then writes the item', async () => {
    const [celebrity] = firstCelebrities(1).celebrities;
    harness.server.setFaults([
      {
        route: 'wikimedia.pageviews',
        celebrityId: celebrity?.id,
        fault: faults.status(429, { retryAfterSeconds: 2 }),
        times: 1,
      },
    ]);
    const run = await runHandler(harness, 'wikipedia', wikipediaScraperFromConfig, {}, firstCelebrities(1));
    expect(run.summary).toMatchObject({ failed: [], requestsRetried: 1 });
    const [throttled, retried] = harness.server.requestLog.filter((entry) => entry.route === 'wikimedia.pageviews');
    const waitedMs = (retried?.time ?? 0) - (throttled?.time ?? 0);
    expect(waitedMs).toBeGreaterThanOrEqual(1_950);
    expect(waitedMs).toBeLessThan(3_500);
  });
});
