import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import {
  faults,
  maxInFlight,
  maxRequestsPerWindow,
  type ReplayLogEntry,
  type ReplayServer,
  startReplayServer,
  tmdbIdOf,
} from '@celebrity-pipeline/fixtures';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpRetryPolicy, SOURCE_LIMITS, spacingMs } from '../../src/index.js';
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

/** Request starts at the server inside `[from, from + windowMs)`. */
const startsWithin = (log: readonly ReplayLogEntry[], from: number, windowMs: number) =>
  log.filter((entry) => entry.time >= from && entry.time < from + windowMs);

/**
 * A request the limiter released just before the client saw the rate-limit answer is already on its way; on a
 * loaded machine it can reach the server a little after the client paused. Such requests are not held (they
 * had started), so the window is measured from the pause plus this allowance for requests in transit.
 */
const IN_TRANSIT_MS = 250;

describe('host-wide back-off, measured at the replay server', () => {
  it('holds every TMDB request, queued ones included, for the Retry-After of one 429', async () => {
    server.setFaults([{ route: 'tmdb.person', fault: faults.status(429, { retryAfterSeconds: 2 }), times: 1 }]);
    let pausedAt = Number.NaN;
    const client = createHttpClient({
      provider: 'tmdb',
      retry: FAST_RETRY,
      onRetry: () => {
        pausedAt = Date.now();
      },
    });
    const ids = defaultCelebrityList()
      .celebrities.slice(0, 12)
      .map((celebrity, index) => tmdbIdOf(celebrity, index));
    await Promise.all(
      ids.map((id) =>
        client.get(`${server.baseUrls.TMDB_BASE_URL}/person/${id}`, { headers: { Authorization: 'Bearer t' } }),
      ),
    );
    const inWindow = startsWithin(server.requestLog, pausedAt + IN_TRANSIT_MS, 2_000 - IN_TRANSIT_MS);
    const held = server.requestLog.filter((entry) => entry.time >= pausedAt + 2_000);
    console.info(
      `tmdb: paused at +${pausedAt - (server.requestLog[0]?.time ?? 0)} ms; ${inWindow.length} starts inside the 2 s window, ${held.length} after it`,
    );
    expect(inWindow).toEqual([]);
    expect(held.length).toBeGreaterThan(1); // the retried URL and the requests that were waiting
    expect(server.requestLog).toHaveLength(ids.length + 1);
  });

  it("holds every request to a provider for the backoff after GDELT's throttle text", async () => {
    server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltThrottle(200), times: 1 }]);
    // A wider limit than GDELT's own (single flight, 6 s), so requests queue and would start inside the window.
    const retry: HttpRetryPolicy = { ...FAST_RETRY, minTimeoutMs: 1_500, maxTimeoutMs: 1_500, randomize: false };
    let pausedAt = Number.NaN;
    const client = createHttpClient({
      provider: 'gdelt',
      retry,
      limit: { requestsPerSecond: 20, minSpacingMs: 0, maxConcurrency: 2, timeoutMs: 5_000 },
      onRetry: () => {
        pausedAt = Date.now();
      },
    });
    await Promise.all(
      ['Zendaya', 'Drake', 'Adele', 'Rihanna', 'Beyonce', 'Shakira'].map((query) =>
        client.get(`${server.baseUrls.GDELT_BASE_URL}/doc/doc`, { params: { query } }),
      ),
    );
    const windowMs = retry.minTimeoutMs - IN_TRANSIT_MS;
    expect(startsWithin(server.requestLog, pausedAt + IN_TRANSIT_MS, windowMs)).toEqual([]);
    expect(server.requestLog.filter((entry) => entry.time >= pausedAt + retry.minTimeoutMs).length).toBeGreaterThan(1);
  });
});
