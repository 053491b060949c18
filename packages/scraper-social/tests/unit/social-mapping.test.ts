import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildItem } from '@celebrity-pipeline/core';
import { readFixtures } from '@celebrity-pipeline/fixtures';
import { describe, expect, it } from 'vitest';
import {
  BlueskySearchSchema,
  blueskyQuery,
  htmlToText,
  MastodonTimelineSchema,
  mapBlueskySearch,
  mapMastodonStatuses,
} from '../../src/index.js';

const fixtures = await readFixtures();
const { celebrities } = defaultCelebrityList();
const context = { week: '2026-W47' as const, runId: 'run-1', collectedAt: new Date('2026-11-22T02:00:00Z') };

describe('mapBlueskySearch', () => {
  it('maps every fixture search to a valid item: mentions, engagement sums, post texts', () => {
    for (const celebrity of celebrities) {
      const search = BlueskySearchSchema.parse(fixtures.social.bluesky[celebrity.id]);
      const item = buildItem(celebrity, mapBlueskySearch(search, blueskyQuery(celebrity)), context);
      expect(item.signals).toEqual({
        mentions: search.hitsTotal,
        likes: search.posts.reduce((total, post) => total + post.likeCount, 0),
        reposts: search.posts.reduce((total, post) => total + post.repostCount + post.quoteCount, 0),
        replies: search.posts.reduce((total, post) => total + post.replyCount, 0),
        provider: 'bluesky',
      });
      expect(item.texts.length).toBe(Math.min(20, search.posts.length));
    }
  });

  it('counts the posts returned when hitsTotal is missing', () => {
    const observation = mapBlueskySearch(
      {
        posts: [{ uri: 'at://x', record: { text: 'hi' }, likeCount: 2, repostCount: 0, replyCount: 1, quoteCount: 0 }],
      },
      'q',
    );
    expect(observation.signals).toMatchObject({ mentions: 1, likes: 2, replies: 1 });
    expect(observation.texts).toEqual([{ text: 'hi', engagement: 3 }]);
  });
});

describe('mapMastodonStatuses', () => {
  it('maps every fixture timeline to a valid item with plain-text posts', () => {
    for (const celebrity of celebrities) {
      const tag = celebrity.hashtags[0]?.toLowerCase() ?? '';
      const statuses = MastodonTimelineSchema.parse(fixtures.social.mastodon[tag] ?? []);
      const item = buildItem(celebrity, mapMastodonStatuses(statuses, [tag]), context);
      expect((item.signals as { mentions: number }).mentions).toBe(statuses.length);
      expect(item.texts.every((text) => !text.text.includes('<'))).toBe(true);
    }
  });

  it('counts a status seen under two hashtags once', () => {
    const status = { id: '1', content: '<p>x</p>', favourites_count: 1, reblogs_count: 2, replies_count: 3 };
    expect(mapMastodonStatuses([status, status], ['a', 'b']).signals).toMatchObject({
      mentions: 1,
      likes: 1,
      reposts: 2,
      replies: 3,
    });
  });
});

describe('htmlToText', () => {
  it('drops tags and decodes entities', () => {
    expect(htmlToText('<p>Loved <a href="x">#<span>Jane</span></a> &amp; it&#39;s great</p>')).toBe(
      "Loved #Jane & it's great",
    );
  });
});

describe('blueskyQuery', () => {
  it('ORs the quoted names', () => {
    expect(
      blueskyQuery({ id: 'drake', name: 'Drake', aliases: ['Aubrey Graham'], wikipediaTitle: 'Drake', hashtags: [] }),
    ).toBe('"Drake" OR "Aubrey Graham"');
  });
});
