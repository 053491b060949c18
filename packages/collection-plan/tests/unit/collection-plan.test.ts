import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { celebrityListHash, parseShardEvent, SHARD_EVENT_KIND } from '@celebrity-pipeline/scraper-kit';
import { describe, expect, it } from 'vitest';
import { planCollection, shardEvents } from '../../src/index.js';
import { inventedList } from '../helpers/celebrity-list.js';

describe('planCollection', () => {
  it('plans the four sources over one list, identified by its hash', () => {
    const list = defaultCelebrityList();
    const plan = planCollection(list);
    expect(plan.sources.map((source) => source.source)).toEqual(['tmdb', 'wikipedia', 'news', 'social']);
    expect(plan.listHash).toBe(celebrityListHash(list));
    expect(plan.celebrityCount).toBe(100);
    expect(plan.estimatedSeconds).toBe(Math.max(...plan.sources.map((source) => source.estimatedSeconds)));
  });

  it('gives the same shards for the same list (a shard can be re-run)', () => {
    expect(planCollection(inventedList(5_000))).toEqual(planCollection(inventedList(5_000)));
  });

  it('plans only the sources asked for', () => {
    expect(planCollection(inventedList(10), ['news']).sources.map((source) => source.source)).toEqual(['news']);
  });
});

describe('shardEvents', () => {
  it('builds one valid shard event per shard, carrying the run and the list hash', () => {
    const plan = planCollection(inventedList(10_000), ['social']);
    const social = plan.sources[0];
    if (!social) throw new Error('no social plan');
    const scheduledAt = new Date('2026-11-29T02:00:00Z');
    const events = shardEvents(plan, social, { runId: 'run-1', week: '2026-W48', scheduledAt });
    expect(events).toHaveLength(social.shards.length);
    for (const [index, event] of events.entries()) {
      expect(parseShardEvent(event)).toEqual(event);
      expect(event).toMatchObject({
        kind: SHARD_EVENT_KIND,
        source: 'social',
        listHash: plan.listHash,
        shard: { index, count: social.shards.length },
      });
    }
  });
});
