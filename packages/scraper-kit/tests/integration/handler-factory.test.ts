import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { type CelebrityList, type RunSummary, scheduledEvent } from '@celebrity-pipeline/core';
import { faults, type ReplayServer, startReplayServer } from '@celebrity-pipeline/fixtures';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type CreateScraper,
  createScraperHandler,
  createScraperLogger,
  createScraperMetrics,
  FailureThresholdError,
  type HandlerDependencies,
  loadScraperConfig,
  requireCredentials,
} from '../../src/index.js';
import { captureOutput } from '../helpers/capture-stdout.js';
import { itemTable } from '../helpers/dynamodb.js';

let server: ReplayServer;
let table: Awaited<ReturnType<typeof itemTable>>;
const celebrities: CelebrityList = {
  version: 1,
  celebrities: defaultCelebrityList()
    .celebrities.filter((celebrity) => celebrity.tmdbId !== undefined)
    .slice(0, 5),
};
const SECRET_TOKEN = 'tmdb-secret-token-value-123';

const PersonSchema = z.object({ popularity: z.number(), biography: z.string() });

/** A small TMDB-like scraper: exercises the kit's HTTP client, credentials and handler without scraper-tmdb. */
const createScraper: CreateScraper<'tmdb'> = ({ config, http }) => {
  const { tmdbToken } = requireCredentials(config, 'tmdb', ['tmdbToken']);
  return {
    source: 'tmdb',
    async scrape(celebrity) {
      const response = await http('tmdb').get(`${config.baseUrls.TMDB_BASE_URL}/person/${celebrity.tmdbId}`, {
        headers: { Authorization: `Bearer ${tmdbToken}` },
        celebrityId: celebrity.id,
      });
      const person = PersonSchema.parse(response.data);
      return { source: 'tmdb', signals: { popularity: person.popularity }, texts: [{ text: person.biography }] };
    },
  };
};

async function dependencies(env: Record<string, string>, ledger: RunSummary[]): Promise<HandlerDependencies> {
  const config = await loadScraperConfig({
    ...server.baseUrls,
    HTTP_RETRY_JSON: '{"minTimeoutMs":5,"maxTimeoutMs":20,"retries":2}',
    SCRAPER_CONTACT: 'scraper-tests@example.org',
    ...env,
  });
  return {
    config,
    celebrities,
    writer: table.writer,
    ledger: { record: async (summary) => void ledger.push(summary) },
    logger: createScraperLogger('tmdb'),
    metrics: createScraperMetrics('tmdb'),
  };
}

const event = scheduledEvent({ id: 'run-0001', time: new Date('2026-11-29T02:00:00Z') });

beforeAll(async () => {
  server = await startReplayServer();
  table = await itemTable();
});
afterAll(async () => {
  await server.close();
  await table.drop();
});
afterEach(() => server.setFaults([]));

describe('createScraperHandler', () => {
  it('scrapes every celebrity, isolates a failure, writes items and records the run', async () => {
    const ledger: RunSummary[] = [];
    server.setFaults([
      { route: 'tmdb.person', celebrityId: celebrities.celebrities[1]?.id, fault: faults.status(500) },
    ]);
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper,
      dependencies: () => dependencies({ TMDB_API_TOKEN: SECRET_TOKEN }, ledger),
    });
    const output = captureOutput();
    let summary: RunSummary;
    try {
      summary = await handler(event);
    } finally {
      output.restore();
    }
    expect(summary).toMatchObject({
      source: 'tmdb',
      runId: 'run-0001',
      week: '2026-W47',
      status: 'succeeded',
      attempted: 5,
      written: 4,
      unchanged: 0,
    });
    expect(summary.failed).toEqual([
      { celebrityId: celebrities.celebrities[1]?.id, reason: expect.stringContaining('HTTP 500'), retryable: true },
    ]);
    expect(summary.requestsRetried).toBe(2);
    expect(ledger).toEqual([summary]);
    const items = await table.scan();
    expect(items).toHaveLength(4);
    expect(items[0]).toMatchObject({
      source: 'tmdb',
      week: '2026-W47',
      run_id: 'run-0001',
      timestamp: expect.any(String),
    });

    const lines = output
      .text()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const logs = lines.filter((line) => 'level' in line);
    expect(logs.every((line) => line.runId === 'run-0001' && line.source === 'tmdb')).toBe(true);
    const emf = lines.find((line) => '_aws' in line);
    expect(emf).toMatchObject({ source: 'tmdb', ItemsWritten: 4, ItemsFailed: 1, RequestsRetried: 2 });
    expect(output.text()).not.toContain(SECRET_TOKEN);
  });

  it('reports unchanged items on a re-run of the same week', async () => {
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper,
      dependencies: () => dependencies({ TMDB_API_TOKEN: SECRET_TOKEN }, []),
    });
    const output = captureOutput();
    try {
      const summary = await handler(event);
      expect(summary.unchanged + summary.written).toBe(5);
      expect(summary.unchanged).toBeGreaterThanOrEqual(4);
    } finally {
      output.restore();
    }
  });

  it('skips a source whose credentials are missing in live mode, with one clear message', async () => {
    const ledger: RunSummary[] = [];
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper,
      dependencies: () => dependencies({}, ledger),
    });
    const output = captureOutput();
    let summary: RunSummary;
    try {
      summary = await handler(event);
    } finally {
      output.restore();
    }
    expect(summary).toMatchObject({
      status: 'skipped',
      attempted: 0,
      written: 0,
      skippedReason: 'Expected `TMDB_API_TOKEN` to be set (live mode, source tmdb)',
    });
    expect(ledger).toHaveLength(1);
    const warnings = output
      .text()
      .split('\n')
      .filter((line) => line.includes('"level":"WARN"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('TMDB_API_TOKEN');
    expect(server.requestLog.filter((entry) => entry.time >= Date.parse(summary.startedAt))).toHaveLength(0);
  });

  it('throws when more than FAILURE_THRESHOLD of the celebrities failed, after recording the run', async () => {
    const ledger: RunSummary[] = [];
    server.setFaults([{ route: 'tmdb.person', fault: faults.status(401) }]);
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper,
      dependencies: () => dependencies({ TMDB_API_TOKEN: SECRET_TOKEN, FAILURE_THRESHOLD: '0.5' }, ledger),
    });
    const output = captureOutput();
    try {
      await expect(handler(event)).rejects.toBeInstanceOf(FailureThresholdError);
      await expect(handler(event)).rejects.toThrow(
        /5 of 5 celebrities failed for source tmdb \(100% > 50% allowed by FAILURE_THRESHOLD\)/,
      );
    } finally {
      output.restore();
    }
    expect(ledger[0]).toMatchObject({ status: 'failed', attempted: 5, written: 0 });
    expect(ledger[0]?.failed.every((failure) => failure.retryable === false)).toBe(true);
    expect(output.text()).not.toContain(SECRET_TOKEN);
  });

  it("collects the week an event names (the CLI's --week), and rejects a malformed one", async () => {
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper,
      dependencies: () => dependencies({ TMDB_API_TOKEN: SECRET_TOKEN }, []),
    });
    const output = captureOutput();
    try {
      const named = scheduledEvent({ id: 'run-w40', time: new Date('2026-11-29T02:00:00Z'), week: '2026-W40' });
      expect(await handler(named)).toMatchObject({ week: '2026-W40', written: 5 });
      await expect(handler({ ...named, detail: { week: '2026-W54' } })).rejects.toThrow(/2026 has no week 54/);
    } finally {
      output.restore();
    }
  });

  it('rejects an input that is not a Scheduled Event', async () => {
    const handler = createScraperHandler({ source: 'tmdb', createScraper, dependencies: () => dependencies({}, []) });
    await expect(handler({ hello: 'world' })).rejects.toThrow(/Invalid input: expected an EventBridge Scheduled Event/);
  });
});
