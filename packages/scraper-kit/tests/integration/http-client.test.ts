import { faults, type ReplayServer, startReplayServer } from '@celebrity-pipeline/fixtures';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  MalformedResponseError,
  NetworkError,
  RateLimitedError,
  SOURCE_LIMITS,
  SourceAuthError,
  TimeoutError,
  UpstreamError,
} from '../../src/index.js';
import { FAST_RETRY } from '../helpers/fast-retry.js';

let server: ReplayServer;
const auth = { Authorization: 'Bearer test-token' };

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

const tmdb = () => createHttpClient({ provider: 'tmdb', source: 'tmdb', retry: FAST_RETRY });
const personUrl = () => `${server.baseUrls.TMDB_BASE_URL}/person/31`;

describe('createHttpClient', () => {
  it('sends a descriptive User-Agent with contact', async () => {
    await tmdb().get(personUrl(), { headers: auth });
    expect(server.requestLog[0]?.headers['user-agent']).toMatch(
      /^celebrity-pipeline-bot\/\S+ \(https?:\/\/\S+\) axios\//,
    );
  });

  it('waits about 2 s on 429 with Retry-After: 2, then succeeds', async () => {
    server.setFaults([{ route: 'tmdb.person', fault: faults.status(429, { retryAfterSeconds: 2 }), times: 1 }]);
    const client = tmdb();
    const response = await client.get(personUrl(), { headers: auth });
    expect(response.status).toBe(200);
    const [first, second] = server.requestLog;
    const waitedMs = (second?.time ?? 0) - (first?.time ?? 0);
    expect(waitedMs).toBeGreaterThanOrEqual(1_950);
    expect(waitedMs).toBeLessThan(3_000);
    expect(client.stats).toEqual({ requests: 2, retried: 1 });
  });

  it('retries 500 twice then returns the 200', async () => {
    server.setFaults([{ route: 'tmdb.person', fault: faults.status(500), times: 2 }]);
    const response = await tmdb().get(personUrl(), { headers: auth });
    expect((response.data as { id: number }).id).toBe(31);
    expect(server.requestLog.map((entry) => entry.status)).toEqual([500, 500, 200]);
  });

  it('gives up on a permanent 500 after the retries with an UpstreamError naming the status', async () => {
    server.setFaults([{ route: 'tmdb.person', fault: faults.status(500) }]);
    const failure = tmdb().get(personUrl(), { headers: auth, celebrityId: 'tom-hanks' });
    await expect(failure).rejects.toBeInstanceOf(UpstreamError);
    await expect(failure).rejects.toMatchObject({ status: 500, celebrityId: 'tom-hanks', retryable: true });
    expect(server.requestLog).toHaveLength(FAST_RETRY.retries + 1);
  });

  it('throws a 429 at once, without retrying, when the request says a rate limit is final', async () => {
    server.setFaults([{ route: 'tmdb.person', fault: faults.status(429) }]);
    const client = tmdb();
    const failure = client.get(personUrl(), { headers: auth, retryRateLimited: false });
    await expect(failure).rejects.toBeInstanceOf(RateLimitedError);
    expect(server.requestLog).toHaveLength(1);
    expect(client.stats).toEqual({ requests: 1, retried: 0 });
  });

  it('never retries 401', async () => {
    const failure = tmdb().get(personUrl());
    await expect(failure).rejects.toBeInstanceOf(SourceAuthError);
    expect(server.requestLog).toHaveLength(1);
  });

  it('never retries 404', async () => {
    await expect(tmdb().get(`${server.baseUrls.TMDB_BASE_URL}/person/1`, { headers: auth })).rejects.toMatchObject({
      status: 404,
    });
    expect(server.requestLog).toHaveLength(1);
  });

  it('turns a slow answer into a TimeoutError, retried then failed', async () => {
    server.setFaults([{ route: 'tmdb.person', fault: faults.delay(400) }]);
    const client = createHttpClient({
      provider: 'tmdb',
      retry: { ...FAST_RETRY, retries: 1 },
      limit: { ...SOURCE_LIMITS.tmdb, timeoutMs: 100 },
    });
    await expect(client.get(personUrl(), { headers: auth })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requestLog).toHaveLength(2);
  });

  it('retries a connection reset', async () => {
    server.setFaults([{ route: 'tmdb.person', fault: faults.reset(), times: 1 }]);
    const client = tmdb();
    expect((await client.get(personUrl(), { headers: auth })).status).toBe(200);
    expect(client.stats.retried).toBe(1);
    server.setFaults([{ route: 'tmdb.person', fault: faults.reset() }]);
    await expect(tmdb().get(personUrl(), { headers: auth })).rejects.toBeInstanceOf(NetworkError);
  });

  it('reports a malformed body without retrying it', async () => {
    server.setFaults([{ route: 'tmdb.person', fault: faults.malformed() }]);
    await expect(tmdb().get(personUrl(), { headers: auth })).rejects.toBeInstanceOf(MalformedResponseError);
    expect(server.requestLog).toHaveLength(1);
  });

  it("retries GDELT's plain-text throttle answered with 200", async () => {
    server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltThrottle(200), times: 2 }]);
    const client = createHttpClient({
      provider: 'gdelt',
      retry: FAST_RETRY,
      limit: { ...SOURCE_LIMITS.gdelt, minSpacingMs: 0 },
    });
    const response = await client.get(`${server.baseUrls.GDELT_BASE_URL}/doc/doc`, {
      params: { query: 'Zendaya', mode: 'artlist', format: 'json' },
    });
    expect(response.data).toHaveProperty('articles');
    expect(client.stats.retried).toBe(2);
  });

  it('fails as rate limited when the throttle never stops', async () => {
    server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltThrottle(429) }]);
    const client = createHttpClient({
      provider: 'gdelt',
      retry: { ...FAST_RETRY, retries: 1 },
      limit: { ...SOURCE_LIMITS.gdelt, minSpacingMs: 0 },
    });
    await expect(
      client.get(`${server.baseUrls.GDELT_BASE_URL}/doc/doc`, { params: { query: 'Zendaya' } }),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });
});
