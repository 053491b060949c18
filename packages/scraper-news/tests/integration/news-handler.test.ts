import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { faults } from '@celebrity-pipeline/fixtures';
import { firstCelebrities, type Harness, runHandler, startHarness } from '@celebrity-pipeline/scraper-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gdeltWindowParams, newsRequestCost, newsScraperFromConfig } from '../../src/index.js';

let harness: Harness;
// The GDELT spacing (≥ 5 s) is measured in scraper-kit's tests; here it is lifted so a 100-celebrity run is quick.
const FAST_GDELT = {
  SOURCE_LIMITS_JSON:
    '{"gdelt":{"minSpacingMs":0,"requestsPerSecond":50},"newsapi":{"requestsPerSecond":100,"maxConcurrency":4}}',
};
const NEWSAPI_KEY = 'newsapi-secret-key-9f8e7d6c';

beforeAll(async () => {
  harness = await startHarness('news');
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.server.setFaults([]);
  harness.server.clearLog();
});

const itemsOf = async (provider: string) =>
  (await harness.scan()).filter((item) => (item.signals as { provider: string }).provider === provider);

describe('scraper-news handler', () => {
  it("writes 100 GDELT items: each celebrity's own week count, and titles in batches packed by those counts", async () => {
    const run = await runHandler(harness, 'news', newsScraperFromConfig, FAST_GDELT);
    expect(run.error).toBeUndefined();
    expect(run.summary).toMatchObject({
      source: 'news',
      status: 'succeeded',
      attempted: 100,
      written: 100,
      failed: [],
    });
    const queries = harness.server.requestLog.filter((entry) => entry.route === 'gdelt.doc');
    const counts = queries.filter((entry) => entry.query.mode === 'timelinevolraw');
    const titles = queries.filter((entry) => entry.query.mode === 'artlist');
    console.info(`gdelt: 100 celebrities in ${counts.length} count + ${titles.length} title requests`);
    expect(counts).toHaveLength(100);
    expect(titles.length).toBeLessThanOrEqual(newsRequestCost(defaultCelebrityList().celebrities) - 100);
    const window = gdeltWindowParams(run.summary?.week ?? '2026-W47');
    expect(queries.every((entry) => entry.status === 200 && entry.query.startdatetime === window.startdatetime)).toBe(
      true,
    );
    const items = await harness.scan();
    expect(items).toHaveLength(100);
    for (const item of items) {
      expect(item).toMatchObject({ source: 'news', week: '2026-W47', entity: 'observation' });
      expect(item.signals).toMatchObject({ provider: 'gdelt', measure: 'full_text' });
      expect((item.signals as { article_count: number }).article_count).toBeGreaterThan(0);
      expect((item.texts as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it("retries GDELT's plain-text throttle answered with 200", async () => {
    harness.server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltThrottle(200), times: 2 }]);
    const run = await runHandler(harness, 'news', newsScraperFromConfig, FAST_GDELT, firstCelebrities(3));
    expect(run.summary).toMatchObject({ failed: [], requestsRetried: 2 });
    expect(harness.server.requestLog.map((entry) => entry.fault ?? 'none').slice(0, 3)).toEqual([
      'gdelt-throttle',
      'gdelt-throttle',
      'none',
    ]);
  });

  it('records "not measured" (null), never 0 articles, when GDELT keeps refusing', async () => {
    harness.server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltThrottle(429) }]);
    const list = { version: 1, celebrities: firstCelebrities(12).celebrities.slice(9) };
    const run = await runHandler(harness, 'news', newsScraperFromConfig, FAST_GDELT, list);
    expect(run.summary?.failed).toEqual([]);
    const items = (await harness.scan()).filter(
      (item) =>
        list.celebrities.some((celebrity) => celebrity.id === item.celebrity_id) && item.run_id === run.summary?.runId,
    );
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.signals).toMatchObject({
        article_count: null,
        not_measured_reason: expect.stringContaining('GDELT kept throttling'),
      });
    }
  });

  it('fails the celebrities GDELT answers 500 forever, with the reason', async () => {
    harness.server.setFaults([{ route: 'gdelt.doc', fault: faults.status(500) }]);
    const run = await runHandler(harness, 'news', newsScraperFromConfig, FAST_GDELT, firstCelebrities(2));
    expect(run.error).toBeDefined();
    expect(String(run.error)).toMatch(/2 of 2 celebrities failed for source news/);
    expect(harness.server.requestLog).toHaveLength(6);
  });

  it('stays on GDELT when only NEWSAPI_KEY is set: NewsAPI is used only when NEWS_PROVIDER chooses it', async () => {
    const run = await runHandler(
      harness,
      'news',
      newsScraperFromConfig,
      { ...FAST_GDELT, NEWSAPI_KEY },
      firstCelebrities(2),
    );
    expect(run.summary).toMatchObject({ status: 'succeeded', failed: [] });
    expect(harness.server.requestLog.some((entry) => entry.route === 'newsapi.everything')).toBe(false);
  });

  it('uses NewsAPI when chosen, over the week by from/to, with the key as a header that is never logged', async () => {
    const run = await runHandler(harness, 'news', newsScraperFromConfig, {
      ...FAST_GDELT,
      NEWS_PROVIDER: 'newsapi',
      NEWSAPI_KEY,
    });
    expect(run.summary).toMatchObject({ status: 'succeeded', attempted: 100, failed: [] });
    const items = await itemsOf('newsapi');
    expect(items).toHaveLength(100);
    expect(items.every((item) => (item.signals as { measure: string }).measure === 'title_or_description')).toBe(true);
    const requests = harness.server.requestLog.filter((entry) => entry.route === 'newsapi.everything');
    expect(requests).toHaveLength(100);
    expect(
      requests.every((entry) => entry.query.from === '2026-11-16T00:00:00' && entry.query.to === '2026-11-22T23:59:59'),
    ).toBe(true);
    expect(
      requests.every(
        (entry) => entry.headers['x-api-key'] === NEWSAPI_KEY && !JSON.stringify(entry.query).includes(NEWSAPI_KEY),
      ),
    ).toBe(true);
    expect(run.output).not.toContain(NEWSAPI_KEY);
  });

  it('records a timeout and a malformed body as failures', async () => {
    const [first, second] = firstCelebrities(3).celebrities;
    harness.server.setFaults([
      { route: 'newsapi.everything', celebrityId: first?.id, fault: faults.delay(600) },
      { route: 'newsapi.everything', celebrityId: second?.id, fault: faults.malformed() },
    ]);
    const run = await runHandler(
      harness,
      'news',
      newsScraperFromConfig,
      {
        NEWS_PROVIDER: 'newsapi',
        NEWSAPI_KEY,
        FAILURE_THRESHOLD: '0.9',
        SOURCE_LIMITS_JSON: '{"newsapi":{"timeoutMs":200,"requestsPerSecond":100,"maxConcurrency":4}}',
      },
      firstCelebrities(3),
    );
    const byId = Object.fromEntries((run.summary?.failed ?? []).map((failure) => [failure.celebrityId, failure]));
    expect(byId[first?.id ?? '']).toMatchObject({ reason: expect.stringContaining('timed out'), retryable: true });
    expect(byId[second?.id ?? '']).toMatchObject({ reason: expect.stringContaining('not JSON'), retryable: false });
  });

  it("takes NewsAPI's rateLimited 429 as final: no retry, and the rest of the run not measured without requests", async () => {
    const list = firstCelebrities(5);
    const third = list.celebrities[2]?.id;
    harness.server.setFaults([{ route: 'newsapi.everything', celebrityId: third, fault: faults.newsApiRateLimited() }]);
    const run = await runHandler(
      harness,
      'news',
      newsScraperFromConfig,
      { ...FAST_GDELT, NEWS_PROVIDER: 'newsapi', NEWSAPI_KEY },
      list,
    );
    expect(run.summary).toMatchObject({ status: 'succeeded', failed: [], requestsRetried: 0 });
    const requests = harness.server.requestLog.filter((entry) => entry.route === 'newsapi.everything');
    expect(requests.map((entry) => entry.status)).toEqual([200, 200, 429]);
    const items = await itemsOf('newsapi');
    const countOf = (id: string | undefined) =>
      items.find((item) => item.celebrity_id === id)?.signals as {
        article_count: number | null;
        not_measured_reason?: string;
      };
    expect(countOf(list.celebrities[1]?.id).article_count).toBeGreaterThan(0);
    for (const celebrity of list.celebrities.slice(2)) {
      expect(countOf(celebrity.id)).toMatchObject({
        article_count: null,
        not_measured_reason: expect.stringContaining('NewsAPI quota spent'),
      });
    }
  });

  it('is skipped when NEWS_PROVIDER=newsapi has no key in live mode', async () => {
    const run = await runHandler(
      harness,
      'news',
      newsScraperFromConfig,
      { NEWS_PROVIDER: 'newsapi' },
      firstCelebrities(2),
    );
    expect(run.summary).toMatchObject({
      status: 'skipped',
      skippedReason: 'Expected `NEWSAPI_KEY` to be set (live mode, source news)',
    });
  });
});
