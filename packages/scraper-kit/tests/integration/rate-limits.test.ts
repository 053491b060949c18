import {
  faults,
  maxInFlight,
  maxRequestsPerWindow,
  type ReplayServer,
  startReplayServer,
} from '@celebrity-pipeline/fixtures';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, SOURCE_LIMITS, spacingMs } from '../../src/index.js';
import { FAST_RETRY } from '../helpers/fast-retry.js';

let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.setFaults([]);
  server.clearLog();
});

const gaps = (times: number[]) => times.slice(1).map((time, index) => time - (times[index] as number));

describe('SOURCE_LIMITS', () => {
  it('stays within the documented ceilings', () => {
    expect(SOURCE_LIMITS.tmdb.requestsPerSecond).toBeLessThanOrEqual(40);
    expect(SOURCE_LIMITS.wikimedia.maxConcurrency).toBeLessThanOrEqual(3);
    expect(spacingMs(SOURCE_LIMITS.gdelt)).toBeGreaterThanOrEqual(5_000);
    expect(SOURCE_LIMITS.gdelt.maxConcurrency).toBe(1);
    expect(SOURCE_LIMITS.bluesky.requestsPerSecond * 300).toBeLessThanOrEqual(3_000);
    expect(SOURCE_LIMITS.mastodon.requestsPerSecond * 300).toBeLessThanOrEqual(300);
  });
});

describe('the limiter, measured at the replay server', () => {
  it('keeps TMDB at or under its requests per second', async () => {
    const client = createHttpClient({ provider: 'tmdb', retry: FAST_RETRY });
    const get = () =>
      client.get(`${server.baseUrls.TMDB_BASE_URL}/person/31`, { headers: { Authorization: 'Bearer t' } });
    await get(); // the first request pays for module loading and connection set-up; measure the steady state
    server.clearLog();
    const started = Date.now();
    await Promise.all(Array.from({ length: 45 }, get));
    const elapsedMs = Date.now() - started;
    const perSecond = maxRequestsPerWindow(server.requestLog, 1_000);
    console.info(`tmdb: 45 requests in ${elapsedMs} ms, max ${perSecond} per 1 s window`);
    expect(perSecond).toBeLessThanOrEqual(SOURCE_LIMITS.tmdb.requestsPerSecond);
    expect(elapsedMs).toBeGreaterThanOrEqual(2_000);
  });

  it('keeps Wikimedia at or under 3 requests in flight', async () => {
    server.setFaults([{ route: 'wikimedia.pageviews', fault: faults.delay(400) }]);
    const client = createHttpClient({ provider: 'wikimedia', retry: FAST_RETRY });
    const url = `${server.baseUrls.WIKIMEDIA_BASE_URL}/metrics/pageviews/per-article/en.wikipedia/all-access/user/Tom_Hanks/daily/2026111500/2026112100`;
    await Promise.all(Array.from({ length: 12 }, () => client.get(url)));
    const inFlight = maxInFlight(server.requestLog);
    console.info(`wikimedia: 12 requests of 400 ms, max ${inFlight} in flight`);
    expect(inFlight).toBeLessThanOrEqual(3);
    expect(inFlight).toBe(3);
  });

  it('keeps GDELT single-flight and at least 5 s apart', async () => {
    const client = createHttpClient({ provider: 'gdelt', retry: FAST_RETRY });
    await Promise.all(
      ['Zendaya', 'Drake', 'Adele'].map((query) =>
        client.get(`${server.baseUrls.GDELT_BASE_URL}/doc/doc`, { params: { query } }),
      ),
    );
    const spacing = gaps(server.requestLog.map((entry) => entry.time));
    console.info(`gdelt: gaps between request starts ${spacing.join(', ')} ms`);
    expect(Math.min(...spacing)).toBeGreaterThanOrEqual(5_000);
    expect(maxInFlight(server.requestLog)).toBe(1);
  }, 40_000);

  it('keeps Bluesky and Mastodon within their per-second limits', async () => {
    const bluesky = createHttpClient({ provider: 'bluesky', retry: FAST_RETRY });
    const mastodon = createHttpClient({ provider: 'mastodon', retry: FAST_RETRY });
    // Warm both clients up first (module loading, connection set-up), then measure the steady state.
    await Promise.all([
      bluesky.get(`${server.baseUrls.BLUESKY_BASE_URL}/app.bsky.feed.searchPosts`).catch(() => undefined),
      mastodon.get(`${server.baseUrls.MASTODON_BASE_URL}/timelines/tag/zendaya`),
    ]);
    server.clearLog();
    await Promise.all([
      ...Array.from({ length: 12 }, () =>
        bluesky
          .get(`${server.baseUrls.BLUESKY_BASE_URL}/app.bsky.feed.searchPosts`, { params: { q: 'Zendaya' } })
          .catch(() => undefined),
      ),
      ...Array.from({ length: 3 }, () => mastodon.get(`${server.baseUrls.MASTODON_BASE_URL}/timelines/tag/zendaya`)),
    ]);
    const blueskyLog = server.requestLog.filter((entry) => entry.route === 'bluesky.searchPosts');
    const mastodonLog = server.requestLog.filter((entry) => entry.route === 'mastodon.tag');
    console.info(
      `bluesky: max ${maxRequestsPerWindow(blueskyLog, 1_000)} per s; mastodon: max ${maxRequestsPerWindow(mastodonLog, 1_000)} per s`,
    );
    expect(maxRequestsPerWindow(blueskyLog, 1_000)).toBeLessThanOrEqual(SOURCE_LIMITS.bluesky.requestsPerSecond);
    expect(maxRequestsPerWindow(mastodonLog, 1_000)).toBeLessThanOrEqual(SOURCE_LIMITS.mastodon.requestsPerSecond);
  });
});
