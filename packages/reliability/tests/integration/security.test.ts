import http from 'node:http';
import https from 'node:https';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type ScheduledEvent, type Source, scheduledEvent } from '@celebrity-pipeline/core';
import { type FaultRule, faults, ROUTE_PREFIXES } from '@celebrity-pipeline/fixtures';
import {
  createDeadLetterQueue,
  createStateTableInput,
  invokeScheduled,
  localInvokePolicy,
} from '@celebrity-pipeline/local-runtime';
import {
  buildUserAgent,
  type CreateScraper,
  createScraperHandler,
  createScraperLogger,
  createScraperMetrics,
  loadScraperConfig,
} from '@celebrity-pipeline/scraper-kit';
import { newsScraperFromConfig } from '@celebrity-pipeline/scraper-news';
import { socialScraperFromConfig } from '@celebrity-pipeline/scraper-social';
import { captureOutput } from '@celebrity-pipeline/scraper-testing';
import { tmdbScraperFromConfig } from '@celebrity-pipeline/scraper-tmdb';
import { wikipediaScraperFromConfig } from '@celebrity-pipeline/scraper-wikipedia';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createMatrixLog } from '../helpers/matrix-log.js';
import {
  celebrityList,
  EVENT_TIME,
  FAST_RETRY_JSON,
  type ScraperHarness,
  startScraperHarness,
  WEEK,
} from '../helpers/scraper-harness.js';

const SECRETS = {
  TMDB_API_TOKEN: 'tmdb-token-SECRET-0c41f7e2',
  NEWSAPI_KEY: 'newsapi-key-SECRET-9a8b7c6d',
  BLUESKY_APP_PASSWORD: 'bsky-pass-SECRET-1f2e3d4c',
};
const CONTACT = 'https://example.org/reliability-contact';
const SCRAPERS: Record<Source, CreateScraper<Source>> = {
  tmdb: tmdbScraperFromConfig as CreateScraper<Source>,
  wikipedia: wikipediaScraperFromConfig as CreateScraper<Source>,
  news: newsScraperFromConfig as CreateScraper<Source>,
  social: socialScraperFromConfig as CreateScraper<Source>,
};

const matrix = createMatrixLog(import.meta.url);
let harness: ScraperHarness;
beforeAll(async () => {
  harness = await startScraperHarness('security');
});
afterAll(async () => {
  await harness.close();
});

/** Everything a run leaves behind as text: output, thrown errors (message, stack, cause), ledger, DLQ. */
function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return [error.name, error.message, error.stack ?? '', JSON.stringify(error), describeThrown(error.cause)].join('\n');
}

describe('security', () => {
  it('no secret in logs, errors, the ledger or the DLQ; every request carries the User-Agent and goes only to the configured base URLs', async () => {
    const userAgent = buildUserAgent(CONTACT);
    const secretsCell = matrix.open({
      area: 'security',
      subject: 'all four scrapers',
      fault: 'secrets (TMDB token, NewsAPI key, Bluesky app password) with 401/500/404/ExpiredToken and a DLQ letter',
      expected: 'no secret in logs, errors, ledger or DLQ',
      duplicatesMeasure: 'not-measured',
    });
    const requestsCell = matrix.open({
      area: 'security',
      subject: 'all four scrapers',
      fault: 'outbound requests',
      expected: `User-Agent \`${userAgent}\` on every request; only configured base URLs`,
      duplicatesMeasure: 'not-measured',
    });
    const client = localDynamoDbClient(inject('dynamodbEndpoint'));
    const { TableName: _name, ...stateInput } = createStateTableInput('state');
    const state = await createTestTable(client, stateInput, 'security-state');
    const deadLetters = createDeadLetterQueue({
      documentClient: DynamoDBDocumentClient.from(client),
      tableName: state.tableName,
    });
    const table = await harness.newItemTable();
    const celebrities = celebrityList(3);
    const [first, second, third] = celebrities.celebrities.map((celebrity) => celebrity.id);
    const rules: FaultRule[] = [
      { route: 'tmdb.person', celebrityId: first, fault: faults.status(401) },
      { route: 'newsapi.everything', celebrityId: second, fault: faults.status(500) },
      { route: 'bluesky.searchPosts', celebrityId: third, fault: faults.expiredToken(), times: 1 },
      { route: 'wikipedia.summary', celebrityId: third, fault: faults.status(404) },
    ];
    harness.server.setFaults(rules);
    harness.server.clearLog();
    const environment = {
      ...harness.server.baseUrls,
      SCRAPER_MODE: 'live',
      ...SECRETS,
      BLUESKY_IDENTIFIER: 'reliability.bsky.social',
      NEWS_PROVIDER: 'newsapi',
      SCRAPER_CONTACT: CONTACT,
      HTTP_RETRY_JSON: FAST_RETRY_JSON,
      SOURCE_LIMITS_JSON: JSON.stringify({ newsapi: { requestsPerSecond: 50, maxConcurrency: 4 } }),
    };
    const config = await loadScraperConfig(environment);
    const handlerOf = (source: Source) =>
      createScraperHandler({
        source,
        createScraper: SCRAPERS[source],
        dependencies: async () => ({
          config,
          celebrities,
          writer: table.writer,
          ledger: harness.ledger,
          logger: createScraperLogger(source),
          metrics: createScraperMetrics(source),
        }),
      });
    const hosts: string[] = [];
    const recordHost = (options: unknown) => {
      const target = options instanceof URL ? options : typeof options === 'string' ? new URL(options) : undefined;
      const record = options as { host?: string; hostname?: string; port?: number | string };
      hosts.push(target ? target.host : `${record.hostname ?? record.host ?? ''}:${record.port ?? ''}`);
    };
    const httpSpy = vi.spyOn(http, 'request');
    const httpsSpy = vi.spyOn(https, 'request');
    const sources = Object.keys(SCRAPERS) as Source[];
    const runs = await captureOutput(() =>
      Promise.allSettled(
        sources.map((source) => handlerOf(source)(scheduledEvent({ id: `security-${source}`, time: EVENT_TIME }))),
      ),
    );
    // A whole source down with the Bluesky password configured, through the async policy into the DLQ.
    harness.server.setFaults([{ route: 'bluesky.createSession', fault: faults.status(401) }]);
    const event: ScheduledEvent = scheduledEvent({ id: 'security-dlq', time: EVENT_TIME });
    const invoked = await captureOutput(() =>
      invokeScheduled(
        { source: 'social', loadHandler: async () => handlerOf('social') },
        { event, week: WEEK, policy: localInvokePolicy(1 / 600), deadLetters },
      ),
    );
    for (const call of [...httpSpy.mock.calls, ...httpsSpy.mock.calls]) recordHost(call[0]);
    httpSpy.mockRestore();
    httpsSpy.mockRestore();

    const letters = await deadLetters.list();
    const { runs: ledgerRuns } = await harness.ledger.listRuns({ week: WEEK });
    const captured = [
      runs.output,
      invoked.output,
      ...(runs.value ?? []).map((settled) =>
        settled.status === 'rejected' ? describeThrown(settled.reason) : JSON.stringify(settled.value),
      ),
      invoked.value?.status === 'failed' ? describeThrown(invoked.value.error) : '',
      JSON.stringify(ledgerRuns),
      JSON.stringify(letters),
    ].join('\n');
    const leaked = Object.entries(SECRETS).filter(([, secret]) => captured.includes(secret));
    const log = harness.server.requestLog;
    const withoutAgent = log.filter((entry) => entry.headers['user-agent'] !== userAgent);
    const prefixes = Object.values(ROUTE_PREFIXES);
    const outsideBasePaths = log.filter((entry) => !prefixes.some((prefix) => entry.path.startsWith(prefix)));
    const allowedHosts = new Set([new URL(harness.server.url).host, new URL(inject('dynamodbEndpoint')).host]);
    const otherHosts = hosts.filter((host) => !allowedHosts.has(host));
    const pairs = celebrities.celebrities.length * sources.length;
    secretsCell.measure({
      observed: `${leaked.length} secret(s) found in the output, the thrown errors, ${ledgerRuns.length} ledger runs and ${letters.length} DLQ letter(s)`,
      faultsInjected: log.filter((entry) => entry.fault !== undefined).length,
      pairs,
      itemsLost: 0,
      duplicates: 0,
    });
    requestsCell.measure({
      observed: `${withoutAgent.length} request(s) without the User-Agent, ${outsideBasePaths.length} outside a configured base path; ${otherHosts.length} socket(s) to a host other than the replay server or DynamoDB Local`,
      faultsInjected: 0,
      pairs,
      itemsLost: 0,
      duplicates: 0,
    });
    expect(letters.length).toBeGreaterThan(0);
    expect(ledgerRuns.length).toBeGreaterThanOrEqual(5);
    expect(captured).toContain('401'); // the failures are in what was scanned
    expect(leaked.map(([name]) => name)).toEqual([]);
    expect(log.length).toBeGreaterThan(10);
    expect(withoutAgent).toEqual([]);
    expect(outsideBasePaths).toEqual([]);
    expect(new Set(log.map((entry) => entry.route)).has('unknown')).toBe(false);
    expect(hosts.length).toBeGreaterThan(0);
    expect(otherHosts).toEqual([]);
    await table.drop();
    await state.drop();
    client.destroy();
  });
});
