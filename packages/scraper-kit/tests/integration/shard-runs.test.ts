import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import {
  type Celebrity,
  type CelebrityList,
  effectiveRunStatus,
  type IsoWeek,
  type RunSummary,
  scheduledEvent,
} from '@celebrity-pipeline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CreateScraper,
  celebrityListHash,
  createScraperHandler,
  createScraperLogger,
  createScraperMetrics,
  type HandlerDependencies,
  loadScraperConfig,
  SCRAPER_TIMEOUT_SECONDS,
  SHARD_EVENT_KIND,
  type ShardEvent,
  ShardingRequiredError,
  WRITE_CHUNK_SIZE,
} from '../../src/index.js';
import { captureOutput } from '../helpers/capture-stdout.js';
import { itemTable } from '../helpers/dynamodb.js';

const list: CelebrityList = { version: 1, celebrities: defaultCelebrityList().celebrities.slice(0, 60) };
let table: Awaited<ReturnType<typeof itemTable>>;

beforeAll(async () => {
  table = await itemTable();
});
afterAll(async () => {
  await table.drop();
});

/** A scraper with no HTTP: a fixed observation per celebrity, or a hang for the celebrities `isHung` names. */
function fixedScraper(isHung: (celebrity: Celebrity) => boolean, hung: Promise<never>): CreateScraper<'tmdb'> {
  return () => ({
    source: 'tmdb',
    async scrape(celebrity) {
      if (isHung(celebrity)) return hung;
      return { source: 'tmdb', signals: { popularity: 10 }, texts: [{ text: `${celebrity.name} was in a film` }] };
    },
  });
}

async function dependencies(ledger: RunSummary[]): Promise<HandlerDependencies> {
  const config = await loadScraperConfig({ SCRAPER_MODE: 'replay', SCRAPE_CONCURRENCY: '1' });
  return {
    config,
    celebrities: list,
    writer: table.writer,
    ledger: { record: async (summary) => void ledger.push(summary) },
    logger: createScraperLogger('tmdb'),
    metrics: createScraperMetrics('tmdb'),
  };
}

const shard = (start: number, end: number, runId = 'run-shards', week: IsoWeek = '2026-W47'): ShardEvent => ({
  kind: SHARD_EVENT_KIND,
  runId,
  week,
  source: 'tmdb',
  scheduledAt: '2026-11-22T02:00:00.000Z',
  shard: { index: 1, count: 2, start, end },
  listHash: celebrityListHash(list),
});

async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const output = captureOutput();
  try {
    return await work();
  } finally {
    output.restore();
  }
}

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a shard event', () => {
  it('scrapes only its slice and records the shard running, then finished', async () => {
    const ledger: RunSummary[] = [];
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper: fixedScraper(() => false, new Promise<never>(() => {})),
      dependencies: () => dependencies(ledger),
    });
    const summary = await quietly(() => handler(shard(0, 7, 'run-slice')));
    expect(summary).toMatchObject({ status: 'succeeded', attempted: 7, written: 7, shard: { index: 1, count: 2 } });
    expect(ledger.map((record) => record.status)).toEqual(['running', 'succeeded']);
    expect(ledger[0]).toMatchObject({ shard: { index: 1, count: 2 }, listHash: celebrityListHash(list) });
    const stored = (await table.scan()).filter((item) => item.run_id === 'run-slice');
    expect(stored.map((item) => item.celebrity_id).sort()).toEqual(
      list.celebrities
        .slice(0, 7)
        .map((celebrity) => celebrity.id)
        .sort(),
    );
  });

  it('keeps every completed chunk when killed mid-shard, shows it timed out, and a re-run completes it without duplicates', async () => {
    const ledger: RunSummary[] = [];
    const hungFrom = 40;
    const hungIds = new Set(list.celebrities.slice(hungFrom, 60).map((celebrity) => celebrity.id));
    let release: (error: Error) => void = () => {};
    const hung = new Promise<never>((_, reject) => {
      release = reject;
    });
    hung.catch(() => {});
    const killed = createScraperHandler({
      source: 'tmdb',
      createScraper: fixedScraper((celebrity) => hungIds.has(celebrity.id), hung),
      dependencies: () => dependencies(ledger),
    });
    const output = captureOutput();
    // The invocation never returns: it hangs on the 41st celebrity, as a run does when its timeout kills it.
    // Its own week, so no other test's items count as unchanged.
    const killedShard = shard(0, 60, 'run-killed', '2026-W40');
    void killed(killedShard).catch(() => {});
    const inRun = async () => (await table.scan()).filter((item) => item.week === '2026-W40');
    try {
      await until(async () => (await inRun()).length >= WRITE_CHUNK_SIZE);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      output.restore();
    }
    // 40 scraped: the first chunk of 25 is stored, the 15 in the unwritten chunk are what the kill loses.
    expect(await inRun()).toHaveLength(WRITE_CHUNK_SIZE);
    expect(ledger).toHaveLength(1);
    const started = ledger[0] as RunSummary;
    expect(started.status).toBe('running');
    const afterTimeout = new Date(Date.parse(started.startedAt) + SCRAPER_TIMEOUT_SECONDS.tmdb * 1_000 + 1);
    expect(effectiveRunStatus(started, new Date(Date.parse(started.startedAt) + 1_000))).toBe('running');
    expect(effectiveRunStatus(started, afterTimeout)).toBe('timed-out');

    const rerun = createScraperHandler({
      source: 'tmdb',
      createScraper: fixedScraper(() => false, hung),
      dependencies: () => dependencies([]),
    });
    const summary = await quietly(() => rerun({ ...killedShard, runId: 'run-rerun' }));
    expect(summary).toMatchObject({ status: 'succeeded', written: 60 - WRITE_CHUNK_SIZE, unchanged: WRITE_CHUNK_SIZE });
    const stored = await inRun();
    expect(stored).toHaveLength(60);
    expect(new Set(stored.map((item) => item.celebrity_id)).size).toBe(60);
    release(new Error('test over'));
  });

  it('refuses a shard planned on another list', async () => {
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper: fixedScraper(() => false, new Promise<never>(() => {})),
      dependencies: () => dependencies([]),
    });
    const other = { ...shard(0, 5), listHash: 'a'.repeat(64) };
    await expect(quietly(() => handler(other))).rejects.toThrow(
      /The celebrity list changed since run run-shards was planned/,
    );
  });

  it('refuses a shard of another source', async () => {
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper: fixedScraper(() => false, new Promise<never>(() => {})),
      dependencies: () => dependencies([]),
    });
    await expect(quietly(() => handler({ ...shard(0, 5), source: 'news' }))).rejects.toThrow(
      /Shard event for source news sent to the tmdb scraper/,
    );
  });
});

describe('a Scheduled Event', () => {
  const event = scheduledEvent({ id: 'run-whole', time: new Date('2026-11-22T02:00:00Z') });

  it('scrapes the whole list when it fits one invocation', async () => {
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper: fixedScraper(() => false, new Promise<never>(() => {})),
      requestCost: (celebrities) => celebrities.length * 2,
      dependencies: () => dependencies([]),
    });
    expect(await quietly(() => handler(event))).toMatchObject({ status: 'succeeded', attempted: 60 });
  });

  it('fails with a message to start the state machine when the list needs several invocations', async () => {
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper: fixedScraper(() => false, new Promise<never>(() => {})),
      // 1,000 requests per celebrity: 60 celebrities are far over half the TMDB timeout at its pace.
      requestCost: (celebrities) => celebrities.length * 1_000,
      dependencies: () => dependencies([]),
    });
    const failure = quietly(() => handler({ ...event, id: 'run-too-big' }));
    await expect(failure).rejects.toBeInstanceOf(ShardingRequiredError);
    await expect(quietly(() => handler({ ...event, id: 'run-too-big' }))).rejects.toThrow(
      /start the state machine celebrity-weekly-collection/,
    );
    expect((await table.scan()).filter((item) => item.run_id === 'run-too-big')).toHaveLength(0);
  });
});
