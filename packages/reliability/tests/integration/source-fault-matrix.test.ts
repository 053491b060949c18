import type { Source } from '@celebrity-pipeline/core';
import { type FaultRule, faults, type ReplayRoute } from '@celebrity-pipeline/fixtures';
import type { CreateScraper } from '@celebrity-pipeline/scraper-kit';
import { newsScraperFromConfig } from '@celebrity-pipeline/scraper-news';
import { socialScraperFromConfig } from '@celebrity-pipeline/scraper-social';
import { tmdbScraperFromConfig } from '@celebrity-pipeline/scraper-tmdb';
import { wikipediaScraperFromConfig } from '@celebrity-pipeline/scraper-wikipedia';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PairState } from '../../src/week-invariant.js';
import { expectInvariant } from '../helpers/invariant-assertions.js';
import { createMatrixLog } from '../helpers/matrix-log.js';
import { celebrityList, type ScraperHarness, startScraperHarness } from '../helpers/scraper-harness.js';

const TMDB_TOKEN = 'tmdb-secret-token-4f1c9a';
const NEWSAPI_KEY = 'newsapi-secret-key-93b7d1';
const BLUESKY_APP_PASSWORD = 'bsky-secret-app-password-5c2e';
/** Every secret the matrix configures: none may appear in what the handlers print. */
const SECRETS = [TMDB_TOKEN, NEWSAPI_KEY, BLUESKY_APP_PASSWORD];

/** How the matrix drives one source: its real scraper factory, the route its per-celebrity faults hit. */
interface SourceUnderTest {
  source: Source;
  createScraper: CreateScraper<Source>;
  /** The route of the first request made for a celebrity (faulted per celebrity). */
  route: ReplayRoute;
  /** The provider whose timeout the timeout cell shortens. */
  provider: string;
  env: Record<string, string>;
  /** Limit overrides for the loopback server (merged with the cell's own). */
  limits?: Record<string, Record<string, number>>;
  /** A 429 is a spent quota: never retried, the celebrity stored "not measured" (NewsAPI's `rateLimited`). */
  isRateLimitFinal?: boolean;
}

const SOURCES: SourceUnderTest[] = [
  {
    source: 'tmdb',
    createScraper: tmdbScraperFromConfig as CreateScraper<Source>,
    route: 'tmdb.person',
    provider: 'tmdb',
    env: { TMDB_API_TOKEN: TMDB_TOKEN },
  },
  {
    source: 'wikipedia',
    createScraper: wikipediaScraperFromConfig as CreateScraper<Source>,
    route: 'wikipedia.summary',
    provider: 'wikimedia',
    env: {},
  },
  {
    // NewsAPI asks per celebrity; GDELT's batched queries have their own cells below.
    source: 'news',
    createScraper: newsScraperFromConfig as CreateScraper<Source>,
    route: 'newsapi.everything',
    provider: 'newsapi',
    env: { NEWS_PROVIDER: 'newsapi', NEWSAPI_KEY },
    limits: { newsapi: { requestsPerSecond: 50, maxConcurrency: 4 } },
    isRateLimitFinal: true,
  },
  {
    source: 'social',
    createScraper: socialScraperFromConfig as CreateScraper<Source>,
    route: 'bluesky.searchPosts',
    provider: 'bluesky',
    env: { SOCIAL_PROVIDER: 'bluesky', BLUESKY_IDENTIFIER: 'reliability.bsky.social', BLUESKY_APP_PASSWORD },
  },
];

/** The source's environment with its limit overrides merged with `limits`. */
function environmentOf(subject: SourceUnderTest, limits: Record<string, Record<string, number>> = {}) {
  const merged: Record<string, Record<string, number>> = { ...subject.limits };
  for (const [provider, limit] of Object.entries(limits)) merged[provider] = { ...merged[provider], ...limit };
  return { ...subject.env, SOURCE_LIMITS_JSON: JSON.stringify(merged) };
}

/** One fault column: the switch on the targeted celebrity, and what must become of that celebrity. */
interface FaultCase {
  fault: string;
  rules: (route: ReplayRoute, celebrityId: string) => FaultRule[];
  expected: PairState;
  /** Whether the client must retry (true) or must not (false: one request for the celebrity on the route). */
  isRetried: boolean;
  /** A word the recorded failure reason must contain. */
  reasonContains?: RegExp;
  limits?: (source: SourceUnderTest) => Record<string, Record<string, number>>;
}

const FAULT_CASES: FaultCase[] = [
  {
    fault: '429 with Retry-After: 1',
    rules: (route, celebrityId) => [
      { route, celebrityId, fault: faults.status(429, { retryAfterSeconds: 1 }), times: 1 },
    ],
    expected: 'written',
    isRetried: true,
  },
  {
    fault: '429 without Retry-After',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.status(429), times: 1 }],
    expected: 'written',
    isRetried: true,
  },
  {
    fault: '500 twice then OK',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.status(500), times: 2 }],
    expected: 'written',
    isRetried: true,
  },
  {
    fault: '500 always',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.status(500) }],
    expected: 'failed',
    isRetried: true,
    reasonContains: /500/,
  },
  {
    fault: 'connection reset once',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.reset(), times: 1 }],
    expected: 'written',
    isRetried: true,
  },
  {
    fault: 'connection reset always',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.reset() }],
    expected: 'failed',
    isRetried: true,
    reasonContains: /reset|socket|network|ECONN/i,
  },
  {
    fault: 'timeout once',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.delay(1_500), times: 1 }],
    expected: 'written',
    isRetried: true,
    limits: (source) => ({ [source.provider]: { timeoutMs: 400 } }),
  },
  {
    fault: 'malformed JSON',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.malformed() }],
    expected: 'failed',
    isRetried: false,
    reasonContains: /malformed|JSON/i,
  },
  {
    fault: '401',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.status(401) }],
    expected: 'failed',
    isRetried: false,
    reasonContains: /401/,
  },
  {
    fault: '404 (unknown person / article)',
    rules: (route, celebrityId) => [{ route, celebrityId, fault: faults.status(404) }],
    expected: 'failed',
    isRetried: false,
    reasonContains: /404|no person|no Wikipedia article/i,
  },
];

const CELEBRITY_COUNT = 4;
const matrix = createMatrixLog(import.meta.url);
let harness: ScraperHarness;

beforeAll(async () => {
  harness = await startScraperHarness('matrix');
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  harness.server.setFaults([]);
  harness.server.clearLog();
});

const injectedFaults = () => harness.server.requestLog.filter((entry) => entry.fault !== undefined).length;

describe.each(SOURCES)('source × fault matrix: $source', (subject) => {
  it.each(FAULT_CASES)('$fault', async (faultCase) => {
    const celebrities = celebrityList(CELEBRITY_COUNT);
    const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
    const target = ids[1] as string;
    const table = await harness.newItemTable();
    harness.server.setFaults(faultCase.rules(subject.route, target));
    const run = await harness.invoke({
      source: subject.source,
      createScraper: subject.createScraper,
      table,
      celebrities,
      env: environmentOf(subject, faultCase.limits?.(subject)),
    });
    expect(run.error).toBeUndefined();
    const items = await table.scan();
    const result = expectInvariant({ celebrityIds: ids, sources: [subject.source], summaries: [run.recorded], items });
    expect(result.states.get(`${target}|${subject.source}`)).toBe(faultCase.expected);
    expect(result.counts.written).toBe(faultCase.expected === 'written' ? CELEBRITY_COUNT : CELEBRITY_COUNT - 1);
    const failure = run.recorded?.failed.find((entry) => entry.celebrityId === target);
    if (faultCase.reasonContains) expect(failure?.reason).toMatch(faultCase.reasonContains);
    const targetRequests = harness.server.requestLog.filter(
      (entry) => entry.route === subject.route && entry.celebrityIds.includes(target),
    );
    const isRetried = faultCase.isRetried && !(subject.isRateLimitFinal && faultCase.fault.startsWith('429'));
    if (isRetried) expect(run.recorded?.requestsRetried).toBeGreaterThan(0);
    else expect(targetRequests).toHaveLength(1);
    for (const secret of SECRETS) expect(`${run.output}${JSON.stringify(run.recorded)}`).not.toContain(secret);
    const faultsInjected = injectedFaults();
    expect(faultsInjected).toBeGreaterThan(0);
    matrix.record({
      area: 'source-fault',
      subject: subject.source,
      fault: faultCase.fault,
      expected: faultCase.expected === 'written' ? 'retried and written' : 'failed with reason',
      observed: `${faultCase.expected === 'written' ? 'written' : `failed: ${failure?.reason.slice(0, 80) ?? ''}`} (${targetRequests.length} request(s), ${run.recorded?.requestsRetried ?? 0} retried)`,
      faultsInjected,
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    await table.drop();
  });

  it('whole source down: every celebrity failed with its reason, the invocation fails', async () => {
    const celebrities = celebrityList(CELEBRITY_COUNT);
    const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
    const table = await harness.newItemTable();
    harness.server.setFaults([{ route: '*', fault: faults.status(503) }]);
    const run = await harness.invoke({
      source: subject.source,
      createScraper: subject.createScraper,
      table,
      celebrities,
      env: environmentOf(subject),
    });
    expect((run.error as Error | undefined)?.name).toBe('FailureThresholdError');
    expect(run.recorded?.status).toBe('failed');
    const result = expectInvariant({
      celebrityIds: ids,
      sources: [subject.source],
      summaries: [run.recorded],
      items: await table.scan(),
    });
    expect(result.counts.failed).toBe(CELEBRITY_COUNT);
    const faultsInjected = injectedFaults();
    matrix.record({
      area: 'source-fault',
      subject: subject.source,
      fault: 'whole source down (503 on every route)',
      expected: 'every celebrity failed with reason; invocation throws FailureThresholdError',
      observed: `${result.counts.failed}/${CELEBRITY_COUNT} failed, ${(run.error as Error).name}`,
      faultsInjected,
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    await table.drop();
  });

  it('re-run of the same week: every pair unchanged, nothing rewritten', async () => {
    const celebrities = celebrityList(3);
    const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
    const table = await harness.newItemTable();
    const options = {
      source: subject.source,
      createScraper: subject.createScraper,
      table,
      celebrities,
      env: subject.env,
    };
    await harness.invoke(options);
    const before = await table.scan();
    const second = await harness.invoke(options);
    const after = await table.scan();
    const result = expectInvariant({
      celebrityIds: ids,
      sources: [subject.source],
      summaries: [second.recorded],
      items: after,
    });
    expect(result.counts.unchanged).toBe(ids.length);
    expect(after.map((item) => item.timestamp)).toEqual(before.map((item) => item.timestamp));
    matrix.record({
      area: 'source-fault',
      subject: subject.source,
      fault: 'same week scraped twice',
      expected: 'unchanged, not rewritten',
      observed: `${result.counts.unchanged}/${ids.length} unchanged, timestamps kept`,
      faultsInjected: 0,
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    await table.drop();
  });
});

describe('source-specific faults', () => {
  it('tmdb without TMDB_API_TOKEN in live mode is skipped with the variable named', async () => {
    const celebrities = celebrityList(3);
    const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
    const table = await harness.newItemTable();
    const run = await harness.invoke({
      source: 'tmdb',
      createScraper: tmdbScraperFromConfig as CreateScraper<Source>,
      table,
      celebrities,
      env: { SCRAPER_MODE: 'live' },
    });
    expect(run.recorded?.status).toBe('skipped');
    expect(run.recorded?.skippedReason).toContain('TMDB_API_TOKEN');
    expect(harness.server.requestLog).toHaveLength(0);
    const result = expectInvariant({
      celebrityIds: ids,
      sources: ['tmdb'],
      summaries: [run.recorded],
      items: await table.scan(),
    });
    expect(result.counts.skipped).toBe(ids.length);
    matrix.record({
      area: 'source-fault',
      subject: 'tmdb',
      fault: 'credentials missing (live mode)',
      expected: 'skipped, variable named',
      observed: `${result.counts.skipped}/${ids.length} skipped: ${run.recorded?.skippedReason ?? ''}`,
      faultsInjected: 1,
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    await table.drop();
  });

  it('wikipedia follows a 302 redirect to the canonical title and writes the item', async () => {
    const celebrities = celebrityList(3, [5]);
    const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
    const redirected = ids[3] as string;
    const table = await harness.newItemTable();
    const run = await harness.invoke({
      source: 'wikipedia',
      createScraper: wikipediaScraperFromConfig as CreateScraper<Source>,
      table,
      celebrities,
    });
    const redirects = harness.server.requestLog.filter((entry) => entry.status === 302);
    expect(redirects.length).toBeGreaterThan(0);
    const items = await table.scan();
    const result = expectInvariant({ celebrityIds: ids, sources: ['wikipedia'], summaries: [run.recorded], items });
    expect(result.states.get(`${redirected}|wikipedia`)).toBe('written');
    const item = items.find((candidate) => candidate.celebrity_id === redirected);
    expect(JSON.stringify(item)).toContain('public_figure');
    matrix.record({
      area: 'source-fault',
      subject: 'wikipedia',
      fault: '302 redirect',
      expected: 'followed to the canonical title and written',
      observed: `written (${redirects.length} redirect(s) followed)`,
      faultsInjected: redirects.length,
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    await table.drop();
  });

  it('news (GDELT) retries the plain-text throttle answered with 200 and writes every celebrity', async () => {
    const celebrities = celebrityList(3);
    const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
    const table = await harness.newItemTable();
    harness.server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltThrottle(200), times: 1 }]);
    const run = await harness.invoke({
      source: 'news',
      createScraper: newsScraperFromConfig as CreateScraper<Source>,
      table,
      celebrities,
      env: {
        NEWS_PROVIDER: 'gdelt',
        SOURCE_LIMITS_JSON: JSON.stringify({ gdelt: { minSpacingMs: 50, requestsPerSecond: 20 } }),
      },
    });
    expect(run.error).toBeUndefined();
    const items = await table.scan();
    const result = expectInvariant({ celebrityIds: ids, sources: ['news'], summaries: [run.recorded], items });
    expect(result.counts.written).toBe(ids.length);
    expect(run.recorded?.requestsRetried).toBeGreaterThan(0);
    expect(items.every((item) => (item.signals as { article_count: number | null }).article_count !== null)).toBe(true);
    matrix.record({
      area: 'source-fault',
      subject: 'news',
      fault: 'GDELT plain-text throttle with status 200',
      expected: 'retried and written (article counts measured)',
      observed: `${result.counts.written}/${ids.length} written, ${run.recorded?.requestsRetried ?? 0} retried`,
      faultsInjected: injectedFaults(),
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    await table.drop();
  });

  it('social (Bluesky) refreshes the session on ExpiredToken and writes the celebrity', async () => {
    const celebrities = celebrityList(3);
    const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
    const target = ids[1] as string;
    const table = await harness.newItemTable();
    harness.server.setFaults([
      { route: 'bluesky.searchPosts', celebrityId: target, fault: faults.expiredToken(), times: 1 },
    ]);
    const run = await harness.invoke({
      source: 'social',
      createScraper: socialScraperFromConfig as CreateScraper<Source>,
      table,
      celebrities,
      env: { SOCIAL_PROVIDER: 'bluesky', BLUESKY_IDENTIFIER: 'reliability.bsky.social', BLUESKY_APP_PASSWORD },
    });
    expect(run.error).toBeUndefined();
    const refreshes = harness.server.requestLog.filter((entry) => entry.route === 'bluesky.refreshSession');
    expect(refreshes.length).toBeGreaterThan(0);
    const result = expectInvariant({
      celebrityIds: ids,
      sources: ['social'],
      summaries: [run.recorded],
      items: await table.scan(),
    });
    expect(result.states.get(`${target}|social`)).toBe('written');
    for (const secret of SECRETS) expect(`${run.output}${JSON.stringify(run.recorded)}`).not.toContain(secret);
    matrix.record({
      area: 'source-fault',
      subject: 'social',
      fault: 'Bluesky ExpiredToken',
      expected: 'session refreshed, request retried, written',
      observed: `written after ${refreshes.length} refreshSession call(s)`,
      faultsInjected: injectedFaults(),
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    await table.drop();
  });
});
