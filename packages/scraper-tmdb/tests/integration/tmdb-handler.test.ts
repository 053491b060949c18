import { faults } from '@celebrity-pipeline/fixtures';
import { firstCelebrities, type Harness, runHandler, startHarness } from '@celebrity-pipeline/scraper-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tmdbScraperFromConfig } from '../../src/index.js';

let harness: Harness;
const TOKEN = 'tmdb-test-token-a1b2c3d4e5';

beforeAll(async () => {
  harness = await startHarness('tmdb');
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.server.setFaults([]);
  harness.server.clearLog();
});

describe('scraper-tmdb handler', () => {
  it('writes 100 items with the spec attributes and never logs the token', async () => {
    const run = await runHandler(harness, 'tmdb', tmdbScraperFromConfig, { TMDB_API_TOKEN: TOKEN });
    expect(run.error).toBeUndefined();
    expect(run.summary).toMatchObject({
      source: 'tmdb',
      status: 'succeeded',
      attempted: 100,
      written: 100,
      failed: [],
    });
    const items = await harness.scan();
    expect(items).toHaveLength(100);
    for (const item of items) {
      expect(item).toMatchObject({ source: 'tmdb', week: '2026-W47', entity: 'observation', schema_version: 1 });
      expect(Date.parse(String(item.timestamp))).not.toBeNaN();
      expect((item.signals as { popularity: number }).popularity).toBeGreaterThan(0);
      // popularity is a current value: read now (after 2026-W47's collection period), so a backfill.
      expect(item).toMatchObject({ measured_at: expect.any(String), is_backfill: true });
      expect(Date.parse(String(item.measured_at))).toBeGreaterThanOrEqual(Date.parse(String(run.summary?.startedAt)));
    }
    const searches = harness.server.requestLog.filter((entry) => entry.route === 'tmdb.search');
    expect(searches).toHaveLength(50); // only the celebrities without tmdbId
    expect(harness.server.requestLog.every((entry) => entry.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(run.output).not.toContain(TOKEN);
  });

  it('uses the cached TMDB id on the next run instead of searching again', async () => {
    await runHandler(harness, 'tmdb', tmdbScraperFromConfig, { TMDB_API_TOKEN: TOKEN }, firstCelebrities(3));
    harness.server.clearLog();
    await runHandler(harness, 'tmdb', tmdbScraperFromConfig, { TMDB_API_TOKEN: TOKEN }, firstCelebrities(3));
    expect(harness.server.requestLog.filter((entry) => entry.route === 'tmdb.search')).toHaveLength(0);
  });

  it('writes a celebrity whose person endpoint failed twice with 500', async () => {
    const [celebrity] = firstCelebrities(1).celebrities;
    harness.server.setFaults([
      { route: 'tmdb.person', celebrityId: celebrity?.id, fault: faults.status(500), times: 2 },
    ]);
    const run = await runHandler(
      harness,
      'tmdb',
      tmdbScraperFromConfig,
      { TMDB_API_TOKEN: TOKEN },
      firstCelebrities(2),
    );
    expect(run.summary?.failed).toEqual([]);
    expect(run.summary?.requestsRetried).toBe(2);
  });

  it('records 401 as a non-retryable failure after one request, 500 forever with its reason', async () => {
    const [first, second] = firstCelebrities(3).celebrities;
    harness.server.setFaults([
      { route: 'tmdb.person', celebrityId: first?.id, fault: faults.status(401) },
      { route: 'tmdb.person', celebrityId: second?.id, fault: faults.status(500) },
    ]);
    const run = await runHandler(
      harness,
      'tmdb',
      tmdbScraperFromConfig,
      { TMDB_API_TOKEN: TOKEN, FAILURE_THRESHOLD: '0.9' },
      firstCelebrities(3),
    );
    expect(run.summary?.failed).toEqual(
      [
        { celebrityId: first?.id, reason: expect.stringContaining('HTTP 401'), retryable: false },
        { celebrityId: second?.id, reason: expect.stringContaining('HTTP 500'), retryable: true },
      ].sort((left, right) => String(left.celebrityId).localeCompare(String(right.celebrityId))),
    );
    const requestsFor = (id?: string) =>
      harness.server.requestLog.filter(
        (entry) => entry.celebrityIds.includes(id ?? '') && entry.route === 'tmdb.person',
      );
    expect(requestsFor(first?.id)).toHaveLength(1);
    expect(requestsFor(second?.id)).toHaveLength(3);
  });

  it('records a timeout and a malformed body as failures', async () => {
    const [first, second] = firstCelebrities(3).celebrities;
    harness.server.setFaults([
      { route: 'tmdb.person', celebrityId: first?.id, fault: faults.delay(600) },
      { route: 'tmdb.person', celebrityId: second?.id, fault: faults.malformed() },
    ]);
    const run = await runHandler(
      harness,
      'tmdb',
      tmdbScraperFromConfig,
      { TMDB_API_TOKEN: TOKEN, FAILURE_THRESHOLD: '0.9', SOURCE_LIMITS_JSON: '{"tmdb":{"timeoutMs":200}}' },
      firstCelebrities(3),
    );
    const reasons = Object.fromEntries((run.summary?.failed ?? []).map((failure) => [failure.celebrityId, failure]));
    expect(reasons[first?.id ?? '']).toMatchObject({
      reason: expect.stringContaining('timed out after 200 ms'),
      retryable: true,
    });
    expect(reasons[second?.id ?? '']).toMatchObject({ reason: expect.stringContaining('not JSON'), retryable: false });
    expect((run.summary?.written ?? 0) + (run.summary?.unchanged ?? 0)).toBe(1);
  });

  it('is skipped with one clear message when TMDB_API_TOKEN is missing in live mode', async () => {
    const run = await runHandler(harness, 'tmdb', tmdbScraperFromConfig, {}, firstCelebrities(2));
    expect(run.summary).toMatchObject({
      status: 'skipped',
      skippedReason: 'Expected `TMDB_API_TOKEN` to be set (live mode, source tmdb)',
    });
    expect(harness.server.requestLog).toHaveLength(0);
  });
});
