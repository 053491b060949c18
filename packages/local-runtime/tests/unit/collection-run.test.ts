import { planWeek } from '@celebrity-pipeline/collection-plan';
import { type CelebrityList, SOURCES, scheduledEvent } from '@celebrity-pipeline/core';
import type { ShardEvent } from '@celebrity-pipeline/scraper-kit';
import { describe, expect, it } from 'vitest';
import { type CollectionEvent, runCollection, type ScraperTarget } from '../../src/collection-run.js';
import { fakeClock, memoryDeadLetterQueue } from '../helpers/factories.js';

const event = scheduledEvent({ id: 'run-1', time: new Date('2026-11-29T02:00:00Z'), week: '2026-W48' });
const list: CelebrityList = {
  version: 1,
  celebrities: Array.from({ length: 100 }, (_, index) => {
    const name = `Person ${String(index).padStart(5, '0')}`;
    return { id: `person-${index}`, name, aliases: [], wikipediaTitle: name, hashtags: [] };
  }),
};

function targets(failing: ReadonlySet<string>): ScraperTarget<unknown>[] {
  return SOURCES.map((source) => ({
    source,
    loadHandler: async () => async (shard: ShardEvent) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failing.has(source)) throw Object.assign(new Error(`${source} down`), { name: 'FailureThresholdError' });
      const attempted = shard.shard.end - shard.shard.start;
      return { status: 'succeeded', attempted, written: attempted };
    },
  }));
}

describe('runCollection', () => {
  it('reports shards done per source and settles every source', async () => {
    const events: CollectionEvent[] = [];
    const run = await runCollection({
      event,
      week: '2026-W48',
      planWeek: (scheduled) => planWeek(scheduled, list),
      targets: targets(new Set()),
      deadLetters: memoryDeadLetterQueue(),
      clock: fakeClock(),
      onEvent: (entry) => events.push(entry),
    });
    expect(run.executionError).toBeUndefined();
    expect(run.sources.every((source) => source.status === 'succeeded')).toBe(true);
    const news = run.plan?.shards.news.length ?? 0;
    expect(events.find((entry) => entry.type === 'scraper-started' && entry.source === 'news')).toMatchObject({
      shards: news,
    });
    const settled = events.filter((entry) => entry.type === 'shard-settled' && entry.source === 'news');
    expect(settled.map((entry) => entry.type === 'shard-settled' && [entry.done, entry.total])).toEqual(
      Array.from({ length: news }, (_, index) => [index + 1, news]),
    );
    expect(events.filter((entry) => entry.type === 'scraper-settled')).toHaveLength(SOURCES.length);
  });

  it('dead-letters a failed shard and the shards its failed execution never ran, each with its shard event', async () => {
    const deadLetters = memoryDeadLetterQueue();
    const run = await runCollection({
      event,
      week: '2026-W48',
      planWeek: (scheduled) => planWeek(scheduled, list),
      targets: targets(new Set(['tmdb'])),
      deadLetters,
      clock: fakeClock(),
    });
    expect(run.executionError?.name).toBe('FailureThresholdError');
    const tmdb = run.sources.find((source) => source.source === 'tmdb');
    expect(tmdb?.shards.map((shard) => shard.status)).toEqual(['failed']);
    const notRun = run.sources.flatMap((source) => source.shards).filter((shard) => shard.status === 'not-run');
    expect(notRun.length).toBeGreaterThan(0);
    expect(deadLetters.letters.map((letter) => [letter.condition, letter.payload])).toEqual([
      ['task-failed', expect.objectContaining({ source: 'tmdb', shard: run.plan?.shards.tmdb[0], event })],
      ...notRun.map((shard) => [
        'not-run',
        expect.objectContaining({ source: shard.shard.source, shard: shard.shard }),
      ]),
    ]);
  });
});
