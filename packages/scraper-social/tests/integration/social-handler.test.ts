import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { type Celebrity, type IsoWeek, weekWindow } from '@celebrity-pipeline/core';
import { faults, readFixtures } from '@celebrity-pipeline/fixtures';
import { createHttpClient } from '@celebrity-pipeline/scraper-kit';
import { firstCelebrities, type Harness, runHandler, startHarness } from '@celebrity-pipeline/scraper-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BLUESKY_SEARCH_LIMITS,
  createBlueskySocialScraper,
  createMastodonSocialScraper,
  MASTODON_TIMELINE_LIMITS,
  mastodonIdAt,
  socialScraperFromConfig,
} from '../../src/index.js';

let harness: Harness;
const CREDENTIALS = { BLUESKY_IDENTIFIER: 'celebwatch.bsky.social', BLUESKY_APP_PASSWORD: 'abcd-efgh-ijkl-mnop' };
// Rates are measured in scraper-kit's tests; here they are lifted so 100 celebrities run quickly.
const FAST = {
  SOURCE_LIMITS_JSON: '{"bluesky":{"requestsPerSecond":100},"mastodon":{"requestsPerSecond":100,"maxConcurrency":4}}',
};
const { celebrities } = defaultCelebrityList();
const byId = (id: string) => celebrities.find((celebrity) => celebrity.id === id) as Celebrity;
const W47 = weekWindow('2026-W47');
const contextOf = (week: IsoWeek) => ({ runId: 'run-direct', week, now: new Date(), celebrities });
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

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

const bluesky = (maxPages?: number) =>
  createBlueskySocialScraper({
    http: createHttpClient({ provider: 'bluesky', source: 'social' }),
    baseUrl: harness.server.baseUrls.BLUESKY_BASE_URL,
    identifier: CREDENTIALS.BLUESKY_IDENTIFIER,
    appPassword: CREDENTIALS.BLUESKY_APP_PASSWORD,
    ...(maxPages === undefined ? {} : { maxPages }),
  });
const mastodon = () =>
  createMastodonSocialScraper({
    http: createHttpClient({ provider: 'mastodon', source: 'social' }),
    baseUrl: harness.server.baseUrls.MASTODON_BASE_URL,
  });
const searches = () => harness.server.requestLog.filter((entry) => entry.route === 'bluesky.searchPosts');

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
    expect(searches().length).toBeGreaterThanOrEqual(100);
    for (const entry of searches()) {
      expect(entry.query).toMatchObject({
        sort: 'latest',
        limit: '100',
        since: W47.start.toISOString(),
        until: W47.end.toISOString(),
      });
      expect(entry.query.q).not.toMatch(/ OR /);
    }
    const items = await harness.scan();
    expect(items).toHaveLength(100);
    for (const item of items) {
      expect(item).toMatchObject({
        source: 'social',
        week: '2026-W47',
        entity: 'observation',
        signals: { provider: 'bluesky', mentions_kind: 'exact' },
      });
      expect(Date.parse(String(item.timestamp))).not.toBeNaN();
    }
    expect(run.output).not.toContain(CREDENTIALS.BLUESKY_APP_PASSWORD);
    expect(run.output).not.toMatch(/replay-(access|refresh)-\d+/);
  }, 120_000);

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
    expect(harness.server.requestLog.filter((entry) => entry.fault === 'expired-token')).toHaveLength(1);
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
    expect(searches().filter((entry) => entry.celebrityIds.includes(celebrity?.id ?? ''))).toHaveLength(1);
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
  }, 120_000);
});

describe('Bluesky as the real API behaves', () => {
  it('ANDs the terms of a query: a name OR alias query finds nothing, so each name is searched alone', async () => {
    const session = await fetch(`${harness.server.baseUrls.BLUESKY_BASE_URL}/com.atproto.server.createSession`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: 'x', password: 'y' }),
    });
    const { accessJwt } = (await session.json()) as { accessJwt: string };
    const search = async (q: string) => {
      const url = new URL(`${harness.server.baseUrls.BLUESKY_BASE_URL}/app.bsky.feed.searchPosts`);
      url.search = new URLSearchParams({ q, limit: '100' }).toString();
      const response = await fetch(url, { headers: { Authorization: `Bearer ${accessJwt}` } });
      return (await response.json()) as { posts: unknown[]; hitsTotal?: number };
    };
    const either = await search('"Drake" OR "Aubrey Graham"');
    expect(either.posts).toHaveLength(0);
    const byName = await search('"Aubrey Graham"');
    expect(byName.posts.length).toBeGreaterThan(0);
    expect(byName.hitsTotal).toBeUndefined();

    const drake = byId('drake');
    harness.server.clearLog();
    const observation = await bluesky().scrape(drake, contextOf('2026-W47'));
    const expected = (harnessPosts(drake) ?? []).filter((post) => {
      const at = Date.parse(post.record.createdAt);
      return at >= W47.start.getTime() && at < W47.end.getTime();
    });
    expect(observation.signals).toMatchObject({
      mentions: expected.length,
      posts_read: expected.length,
      mentions_kind: 'exact',
    });
    const queries = searches().map((entry) => entry.query.q);
    expect(new Set(queries)).toEqual(new Set(['"Drake"', '"Aubrey Graham"']));
  });

  it('pages past 100 hits with the cursor, and flags a count cut at the page cap as a lower bound', async () => {
    const drake = byId('drake');
    const full = await bluesky().scrape(drake, contextOf('2026-W47'));
    expect(full.signals.mentions).toBeGreaterThan(BLUESKY_SEARCH_LIMITS.pageSize);
    expect(searches().some((entry) => entry.query.cursor !== undefined)).toBe(true);
    harness.server.clearLog();
    const capped = await bluesky(1).scrape(drake, contextOf('2026-W47'));
    expect(capped.signals).toMatchObject({ mentions_kind: 'lower_bound', provider: 'bluesky' });
    expect(capped.signals.mentions).toBeLessThan(full.signals.mentions ?? 0);
    expect(capped.signals.mentions).toBeGreaterThanOrEqual(BLUESKY_SEARCH_LIMITS.pageSize);
    expect(searches()).toHaveLength(2);
  });

  it('asks for exactly the week being collected (--week 2026-W40): since/until are its Monday and next Monday', async () => {
    await bluesky().scrape(byId('taylor-swift'), contextOf('2026-W40'));
    expect(searches()[0]?.query).toMatchObject({
      since: '2026-09-28T00:00:00.000Z',
      until: '2026-10-05T00:00:00.000Z',
    });
  });
});

describe('Mastodon as the real API behaves', () => {
  it('pages the timeline from the week end with max_id and counts only statuses inside the week', async () => {
    const rihanna = byId('rihanna');
    const observation = await mastodon().scrape(rihanna, contextOf('2026-W47'));
    const requests = harness.server.requestLog.filter((entry) => entry.query.max_id !== undefined);
    expect(requests[0]?.query).toMatchObject({
      max_id: mastodonIdAt(W47.end),
      limit: String(MASTODON_TIMELINE_LIMITS.pageSize),
    });
    const rihannaTags = rihanna.hashtags.map((tag) => tag.toLowerCase());
    expect(requests.filter((entry) => entry.path.toLowerCase().endsWith('/rihanna')).length).toBeGreaterThan(1);
    const timeline = harnessTimeline('rihanna');
    const inWeek = timeline.filter((status) => {
      const at = Date.parse(status.created_at);
      return at >= W47.start.getTime() && at < W47.end.getTime();
    });
    expect(inWeek.length).toBeLessThan(timeline.length);
    expect(rihannaTags).toContain('rihanna');
    expect(observation.signals).toMatchObject({ mentions_kind: 'exact', provider: 'mastodon' });
    expect(observation.signals.mentions).toBeGreaterThanOrEqual(inWeek.length);
    expect(observation.signals.posts_read).toBe(observation.signals.mentions);
  });

  it('stores a hashtag that needs a login (401) as not measured with its reason, not as a failure', async () => {
    const [first, second] = firstCelebrities(2).celebrities;
    harness.server.setFaults([
      { route: 'mastodon.tag', celebrityId: first?.id, fault: faults.mastodonLoginRequired() },
    ]);
    const run = await runHandler(
      harness,
      'social',
      socialScraperFromConfig,
      { SOCIAL_PROVIDER: 'mastodon', ...FAST },
      firstCelebrities(2),
    );
    expect(run.summary).toMatchObject({ status: 'succeeded', failed: [] });
    const items = await harness.scan();
    const protectedItem = items.find((item) => item.celebrity_id === first?.id && item.week === '2026-W47');
    expect(protectedItem?.signals).toMatchObject({
      mentions: null,
      not_measured_reason: expect.stringMatching(/needs a login on this instance \(HTTP 401\)/),
    });
    const open = items.find((item) => item.celebrity_id === second?.id && item.week === '2026-W47');
    expect(open?.signals).toMatchObject({ mentions: expect.any(Number) });
  });
});

const fixtures = await readFixtures();
/** The recorded posts of a celebrity whose text names its name or an alias. */
function harnessPosts(celebrity: Celebrity) {
  const names = [celebrity.name, ...celebrity.aliases].map(fold);
  return Object.values(fixtures.social.bluesky)
    .flatMap((entry) => entry.posts)
    .filter((post) => names.some((name) => fold(post.record.text).includes(name)));
}
function harnessTimeline(tag: string) {
  return fixtures.social.mastodon[tag] ?? [];
}
