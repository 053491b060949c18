import type { Source } from '@celebrity-pipeline/core';
import { type FaultRule, faults, type ReplayRoute } from '@celebrity-pipeline/fixtures';
import type { CreateScraper } from '@celebrity-pipeline/scraper-kit';
import { newsScraperFromConfig } from '@celebrity-pipeline/scraper-news';
import { socialScraperFromConfig } from '@celebrity-pipeline/scraper-social';
import { tmdbScraperFromConfig } from '@celebrity-pipeline/scraper-tmdb';
import { wikipediaScraperFromConfig } from '@celebrity-pipeline/scraper-wikipedia';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PairState } from '../../src/week-invariant.js';
import { expectInvariantHolds, measureInvariant } from '../helpers/invariant-assertions.js';
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
const secretsIn = (text: string) => SECRETS.filter((secret) => text.includes(secret));

/** How the target pair ended, in words, from the ledger and the table. */
function outcomeOf(state: PairState | undefined, reason: string | undefined): string {
  if (state === 'failed') return `failed: ${reason?.slice(0, 80) ?? 'no reason recorded'}`;
  return state ?? 'in no state';
}

describe.each(SOURCES)('source × fault matrix: $source', (subject) => {
  it.each(FAULT_CASES)('$fault', async (faultCase) => {
    const isRetried = faultCase.isRetried && !(subject.isRateLimitFinal && faultCase.fault.startsWith('429'));
    const cell = matrix.open({
      area: 'source-fault',
      subject: subject.source,
      fault: faultCase.fault,
      expected:
        faultCase.expected === 'failed'
          ? 'failed with reason'
          : isRetried
            ? 'retried and written'
            : 'written "not measured", not retried (quota spent)',
      duplicatesMeasure: 'stored-items',
    });
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
    const items = await table.scan();
    await table.drop();
    const result = measureInvariant({ celebrityIds: ids, sources: [subject.source], summaries: [run.recorded], items });
    const state = result.states.get(`${target}|${subject.source}`);
    const failure = run.recorded?.failed.find((entry) => entry.celebrityId === target);
    const targetRequests = harness.server.requestLog.filter(
      (entry) => entry.route === subject.route && entry.celebrityIds.includes(target),
    );
    const retried = run.recorded?.requestsRetried ?? 0;
    const faultsInjected = injectedFaults();
    cell.measure({
      observed: `${outcomeOf(state, failure?.reason)} (${targetRequests.length} request(s), ${retried} retried)`,
      faultsInjected,
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    expect(run.error).toBeUndefined();
    expectInvariantHolds(result, 1);
    expect(state).toBe(faultCase.expected);
    expect(result.counts.written).toBe(faultCase.expected === 'written' ? CELEBRITY_COUNT : CELEBRITY_COUNT - 1);
    if (faultCase.reasonContains) expect(failure?.reason).toMatch(faultCase.reasonContains);
    if (isRetried) expect(retried).toBeGreaterThan(0);
    else expect(targetRequests).toHaveLength(1);
    expect(secretsIn(`${run.output}${JSON.stringify(run.recorded)}`)).toEqual([]);
    expect(faultsInjected).toBeGreaterThan(0);
  });

  it('whole source down: every celebrity failed with its reason, the invocation fails', async () => {
    const cell = matrix.open({
      area: 'source-fault',
      subject: subject.source,
      fault: 'whole source down (503 on every route)',
      expected: 'every celebrity failed with reason; invocation throws FailureThresholdError',
      duplicatesMeasure: 'stored-items',
    });
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
    const items = await table.scan();
    await table.drop();
    const result = measureInvariant({ celebrityIds: ids, sources: [subject.source], summaries: [run.recorded], items });
    const errorName = (run.error as Error | undefined)?.name ?? 'no error';
    cell.measure({
      observed: `${result.counts.failed}/${CELEBRITY_COUNT} failed, invocation ${run.recorded?.status ?? 'not recorded'} (${errorName})`,
      faultsInjected: injectedFaults(),
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    expect(errorName).toBe('FailureThresholdError');
    expect(run.recorded?.status).toBe('failed');
    expectInvariantHolds(result, 1);
    expect(result.counts.failed).toBe(CELEBRITY_COUNT);
  });

  it('re-run of the same week: every pair unchanged, nothing rewritten', async () => {
    const cell = matrix.open({
      area: 'source-fault',
      subject: subject.source,
      fault: 'same week scraped twice',
      expected: 'unchanged, not rewritten',
      duplicatesMeasure: 'stored-items',
    });
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
    await table.drop();
    const result = measureInvariant({
      celebrityIds: ids,
      sources: [subject.source],
      summaries: [second.recorded],
      items: after,
    });
    const timestampsKept = after.filter((item, index) => item.timestamp === before[index]?.timestamp).length;
    cell.measure({
      observed: `${result.counts.unchanged}/${ids.length} unchanged, ${timestampsKept}/${after.length} timestamps kept`,
      faultsInjected: injectedFaults(),
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    expectInvariantHolds(result, 1);
    expect(result.counts.unchanged).toBe(ids.length);
    expect(after.map((item) => item.timestamp)).toEqual(before.map((item) => item.timestamp));
  });
});

/** Sources whose live mode needs credentials: run without them, and the variable the skip reason must name. */
const CREDENTIAL_CASES = [
  { source: 'tmdb', createScraper: tmdbScraperFromConfig, env: {}, variable: 'TMDB_API_TOKEN' },
  { source: 'news', createScraper: newsScraperFromConfig, env: { NEWS_PROVIDER: 'newsapi' }, variable: 'NEWSAPI_KEY' },
  {
    source: 'social',
    createScraper: socialScraperFromConfig,
    env: { SOCIAL_PROVIDER: 'bluesky', BLUESKY_IDENTIFIER: 'reliability.bsky.social' },
    variable: 'BLUESKY_APP_PASSWORD',
  },
] as const;

describe('source-specific faults', () => {
  it.each(CREDENTIAL_CASES)(
    '$source without $variable in live mode is skipped with the variable named',
    async (credentialCase) => {
      const cell = matrix.open({
        area: 'source-fault',
        subject: credentialCase.source,
        fault: 'credentials missing (live mode)',
        expected: 'skipped, variable named',
        duplicatesMeasure: 'stored-items',
      });
      const celebrities = celebrityList(3);
      const ids = celebrities.celebrities.map((celebrity) => celebrity.id);
      const table = await harness.newItemTable();
      const run = await harness.invoke({
        source: credentialCase.source,
        createScraper: credentialCase.createScraper as CreateScraper<Source>,
        table,
        celebrities,
        env: { ...credentialCase.env, SCRAPER_MODE: 'live' },
      });
      const items = await table.scan();
      await table.drop();
      const result = measureInvariant({
        celebrityIds: ids,
        sources: [credentialCase.source],
        summaries: [run.recorded],
        items,
      });
      const requests = harness.server.requestLog.length;
      cell.measure({
        observed: `${result.counts.skipped}/${ids.length} skipped, ${requests} request(s): ${run.recorded?.skippedReason ?? 'no reason recorded'}`,
        faultsInjected: injectedFaults(),
        pairs: ids.length,
        itemsLost: result.missing.length,
        duplicates: result.duplicates.length,
      });
      expect(run.recorded?.status).toBe('skipped');
      expect(run.recorded?.skippedReason).toContain(credentialCase.variable);
      expect(requests).toBe(0);
      expectInvariantHolds(result, 1);
      expect(result.counts.skipped).toBe(ids.length);
    },
  );

  it('wikipedia follows a 302 redirect to the canonical title and writes the item', async () => {
    const cell = matrix.open({
      area: 'source-fault',
      subject: 'wikipedia',
      fault: '302 redirect',
      expected: 'followed to the canonical title and written',
      duplicatesMeasure: 'stored-items',
    });
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
    const items = await table.scan();
    await table.drop();
    const result = measureInvariant({ celebrityIds: ids, sources: ['wikipedia'], summaries: [run.recorded], items });
    const item = items.find((candidate) => candidate.celebrity_id === redirected);
    const state = result.states.get(`${redirected}|wikipedia`);
    cell.measure({
      // The fixtures always answer this title with a redirect: the harness injected nothing.
      observed: `${state ?? 'in no state'} after ${redirects.length} redirect(s) followed`,
      faultsInjected: injectedFaults(),
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    expect(redirects.length).toBeGreaterThan(0);
    expectInvariantHolds(result, 1);
    expect(state).toBe('written');
    expect(JSON.stringify(item)).toContain('public_figure');
  });

  it('news (GDELT) retries the plain-text throttle answered with 200 and writes every celebrity', async () => {
    const cell = matrix.open({
      area: 'source-fault',
      subject: 'news',
      fault: 'GDELT plain-text throttle with status 200',
      expected: 'retried and written (article counts measured)',
      duplicatesMeasure: 'stored-items',
    });
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
    const items = await table.scan();
    await table.drop();
    const result = measureInvariant({ celebrityIds: ids, sources: ['news'], summaries: [run.recorded], items });
    const measuredCounts = items.filter(
      (item) => (item.signals as { article_count: number | null }).article_count !== null,
    ).length;
    cell.measure({
      observed: `${result.counts.written}/${ids.length} written, ${run.recorded?.requestsRetried ?? 0} retried, ${measuredCounts} article counts measured`,
      faultsInjected: injectedFaults(),
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    expect(run.error).toBeUndefined();
    expectInvariantHolds(result, 1);
    expect(result.counts.written).toBe(ids.length);
    expect(run.recorded?.requestsRetried).toBeGreaterThan(0);
    expect(measuredCounts).toBe(items.length);
  });

  it('social (Bluesky) refreshes the session on ExpiredToken and writes the celebrity', async () => {
    const cell = matrix.open({
      area: 'source-fault',
      subject: 'social',
      fault: 'Bluesky ExpiredToken',
      expected: 'session refreshed, request retried, written',
      duplicatesMeasure: 'stored-items',
    });
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
    const refreshes = harness.server.requestLog.filter((entry) => entry.route === 'bluesky.refreshSession');
    const items = await table.scan();
    await table.drop();
    const result = measureInvariant({ celebrityIds: ids, sources: ['social'], summaries: [run.recorded], items });
    const state = result.states.get(`${target}|social`);
    cell.measure({
      observed: `${state ?? 'in no state'} after ${refreshes.length} refreshSession call(s)`,
      faultsInjected: injectedFaults(),
      pairs: ids.length,
      itemsLost: result.missing.length,
      duplicates: result.duplicates.length,
    });
    expect(run.error).toBeUndefined();
    expect(refreshes.length).toBeGreaterThan(0);
    expectInvariantHolds(result, 1);
    expect(state).toBe('written');
    expect(secretsIn(`${run.output}${JSON.stringify(run.recorded)}`)).toEqual([]);
  });
});
