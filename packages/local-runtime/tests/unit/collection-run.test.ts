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

  it('dead-letters the failed shard with its shard event; the failed source is caught and the others complete', async () => {
    const deadLetters = memoryDeadLetterQueue();
    const run = await runCollection({
      event,
      week: '2026-W48',
      planWeek: (scheduled) => planWeek(scheduled, list),
      targets: targets(new Set(['tmdb'])),
      deadLetters,
      clock: fakeClock(),
    });
    expect(run.executionError).toBeUndefined();
    const tmdb = run.sources.find((source) => source.source === 'tmdb');
    expect(tmdb?.shards.map((shard) => shard.status)).toEqual(['failed']);
    const others = run.sources.filter((source) => source.source !== 'tmdb');
    expect(others.every((source) => source.status === 'succeeded')).toBe(true);
    expect(run.sources.flatMap((source) => source.shards).some((shard) => shard.status === 'not-run')).toBe(false);
    expect(deadLetters.letters.map((letter) => [letter.condition, letter.payload])).toEqual([
      ['task-failed', expect.objectContaining({ source: 'tmdb', shard: run.plan?.shards.tmdb[0], event })],
    ]);
  });

  it('dead-letters every planned shard as not-run when the week cannot be planned', async () => {
    const deadLetters = memoryDeadLetterQueue();
    const run = await runCollection({
      event,
      week: '2026-W48',
      planWeek: () => {
        throw Object.assign(new Error('list unreadable'), { name: 'CelebrityListReadError' });
      },
      targets: targets(new Set()),
      deadLetters,
      clock: fakeClock(),
    });
    expect(run.executionError?.message).toBe('list unreadable');
    expect(run.sources.every((source) => source.status === 'failed')).toBe(true);
    expect(deadLetters.letters.map((letter) => [letter.condition, letter.payload])).toEqual(
      SOURCES.map((source) => ['not-run', expect.objectContaining({ kind: 'scraper-invocation', source })]),
    );
  });
});
