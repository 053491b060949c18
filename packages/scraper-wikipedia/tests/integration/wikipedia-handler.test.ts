import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { type IsoWeek, weekWindow } from '@celebrity-pipeline/core';
import { canonicalTitleOf, faults } from '@celebrity-pipeline/fixtures';
import { createHttpClient } from '@celebrity-pipeline/scraper-kit';
import { firstCelebrities, type Harness, runHandler, startHarness } from '@celebrity-pipeline/scraper-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWikipediaScraper, wikipediaScraperFromConfig } from '../../src/index.js';

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
    const days = weekWindow('2026-W47').dates.map((day) => `${day.replaceAll('-', '')}00`);
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
      expect(item.signals).toMatchObject({ days_measured: 7 });
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
  }, 120_000);

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
    expect(item?.signals).toEqual({ pageviews_7d: 0, daily_pageviews: [0, 0, 0, 0, 0, 0, 0], days_measured: 7 });
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

  it('stores a Retry-After beyond the retry budget as not measured, with its reason, not as a failure', async () => {
    const [celebrity] = firstCelebrities(1).celebrities;
    harness.server.setFaults([
      {
        route: 'wikimedia.pageviews',
        celebrityId: celebrity?.id,
        fault: faults.status(429, { retryAfterSeconds: 600 }),
      },
    ]);
    const run = await runHandler(harness, 'wikipedia', wikipediaScraperFromConfig, {}, firstCelebrities(1));
    expect(run.summary).toMatchObject({ status: 'succeeded', failed: [], written: 1 });
    const item = (await harness.scan()).find((entry) => entry.celebrity_id === celebrity?.id);
    expect(item?.signals).toMatchObject({
      pageviews_7d: null,
      days_measured: 0,
      daily_pageviews: [null, null, null, null, null, null, null],
      not_measured_reason: expect.stringMatching(/Retry-After 600 s\) beyond the retry budget/),
    });
    expect(harness.server.requestLog.filter((entry) => entry.route === 'wikimedia.pageviews')).toHaveLength(1);
  });
});

describe('Wikipedia pageviews as Wikimedia publishes them', () => {
  const scraper = () =>
    createWikipediaScraper({
      http: createHttpClient({ provider: 'wikimedia', source: 'wikipedia' }),
      wikipediaBaseUrl: harness.server.baseUrls.WIKIPEDIA_BASE_URL,
      wikimediaBaseUrl: harness.server.baseUrls.WIKIMEDIA_BASE_URL,
    });
  const contextOf = (week: IsoWeek, now: Date) => ({ runId: 'run-direct', week, now, celebrities });
  const [first] = celebrities;

  it('asks for exactly the 7 dates of the week being collected (--week 2026-W40)', async () => {
    if (!first) throw new Error('no celebrity');
    await scraper().scrape(first, contextOf('2026-W40', new Date('2026-10-11T02:00:00Z')));
    const pageviews = harness.server.requestLog.find((entry) => entry.route === 'wikimedia.pageviews');
    expect(pageviews?.path.endsWith('/daily/2026092800/2026100400')).toBe(true);
  });

  it('records a last day with no data yet as missing (null) and counts the days measured', async () => {
    if (!first) throw new Error('no celebrity');
    harness.server.setFaults([{ route: 'wikimedia.pageviews', fault: faults.pageviewsUnpublished(1) }]);
    const early = await scraper().scrape(first, contextOf('2026-W47', new Date('2026-11-23T03:00:00Z')));
    expect(early.signals.daily_pageviews.at(-1)).toBeNull();
    expect(early.signals.daily_pageviews.slice(0, 6).every((views) => typeof views === 'number')).toBe(true);
    expect(early.signals).toMatchObject({ days_measured: 6 });
    expect(early.signals.pageviews_7d).toBe(
      early.signals.daily_pageviews.reduce<number>((total, views) => total + (views ?? 0), 0),
    );
    // The Sunday run a week later sees the week complete: a day still omitted then had no views (0).
    harness.server.setFaults([]);
    const scheduled = await scraper().scrape(first, contextOf('2026-W47', new Date('2026-11-29T02:00:00Z')));
    expect(scheduled.signals).toMatchObject({ days_measured: 7 });
    expect(scheduled.signals.daily_pageviews.every((views) => typeof views === 'number')).toBe(true);
  });
});
