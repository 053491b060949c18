import { setTimeout as sleep } from 'node:timers/promises';
import { formatItemKey, isEnriched } from '@celebrity-pipeline/core';
import { WRITE_CHUNK_SIZE } from '@celebrity-pipeline/scraper-kit';
import { describe, expect, inject, it } from 'vitest';
import { cli, isolatedDatabase, spawnCli, storedWeek } from '../helpers/cli.js';

const week = '2026-W48';

describe('a run killed with SIGKILL during scraping', () => {
  it('is completed by the next run: 400 items, all enriched, none duplicated', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const database = isolatedDatabase(endpoint);
    // Slow Wikimedia pageviews down in the first run only, so the kill surely lands while scraping.
    const child = spawnCli(['run', ...database.flags, '--week', week, '--fault', 'wikimedia.pageviews=delay:1000']);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    // Kill once Wikipedia's shard has written its first items: mid-shard, with its first chunk stored.
    const wikipediaOf = (items: Awaited<ReturnType<typeof storedWeek>>) =>
      items.filter((item) => item.source === 'wikipedia').length;
    let wikipedia = 0;
    for (let waited = 0; wikipedia === 0 && waited < 120_000; waited += 100) {
      await sleep(100);
      wikipedia = wikipediaOf(await storedWeek(endpoint, database.table, week).catch(() => []));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const partial = await storedWeek(endpoint, database.table, week);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(400);
    // Incremental writes: the killed shard kept what it had written before the kill (its chunks of up to
    // WRITE_CHUNK_SIZE land as they complete; one in flight may be cut), and lost only the rest.
    expect(wikipediaOf(partial)).toBeGreaterThan(0);
    expect(wikipediaOf(partial)).toBeLessThan(100 - WRITE_CHUNK_SIZE);

    const resumed = await cli(['run', ...database.flags, '--week', week]);
    expect(resumed.code).toBe(0);
    const items = await storedWeek(endpoint, database.table, week);
    expect(items).toHaveLength(400);
    expect(new Set(items.map(formatItemKey)).size).toBe(400);
    expect(items.every(isEnriched)).toBe(true);
  });
});
