import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildItem } from '@celebrity-pipeline/core';
import { readFixtures } from '@celebrity-pipeline/fixtures';
import { describe, expect, it } from 'vitest';
import {
  BlueskyPostSchema,
  blueskySearchNames,
  htmlToText,
  MastodonTimelineSchema,
  mapBlueskyPosts,
  mapMastodonStatuses,
  mastodonIdAt,
  unmeasuredMastodon,
} from '../../src/index.js';

const fixtures = await readFixtures();
const { celebrities } = defaultCelebrityList();
const context = { week: '2026-W47' as const, runId: 'run-1', collectedAt: new Date('2026-11-29T02:00:00Z') };
const post = (uri: string, likes = 2) => ({
  uri,
  record: { text: `post ${uri}` },
  likeCount: likes,
  repostCount: 1,
  replyCount: 1,
  quoteCount: 0,
});

describe('mapBlueskyPosts', () => {
  it('maps every fixture celebrity to a valid item: posts read, their engagement, exact count', () => {
    for (const celebrity of celebrities) {
      const posts = (fixtures.social.bluesky[celebrity.id]?.posts ?? []).map((entry) => BlueskyPostSchema.parse(entry));
      const item = buildItem(celebrity, mapBlueskyPosts({ posts, capped: false }, [celebrity.name]), context);
      expect(item.signals).toEqual({
        mentions: posts.length,
        mentions_kind: 'exact',
        posts_read: posts.length,
        likes: posts.reduce((total, entry) => total + entry.likeCount, 0),
        reposts: posts.reduce((total, entry) => total + entry.repostCount + entry.quoteCount, 0),
        replies: posts.reduce((total, entry) => total + entry.replyCount, 0),
        provider: 'bluesky',
      });
      expect(item.texts.length).toBe(Math.min(20, posts.length));
    }
  });

  it('merges the posts of several name searches by URI and flags a capped search as a lower bound', () => {
    const observation = mapBlueskyPosts({ posts: [post('at://a'), post('at://b'), post('at://a')], capped: true }, [
      'Drake',
      'Aubrey Graham',
    ]);
    expect(observation.signals).toMatchObject({ mentions: 2, mentions_kind: 'lower_bound', posts_read: 2, likes: 4 });
    expect(observation.sourceRef).toBe('bluesky:"Drake","Aubrey Graham"');
  });
});

describe('blueskySearchNames', () => {
  it('searches the name and each alias alone (searchPosts has no OR), without duplicates', () => {
    expect(
      blueskySearchNames({
        id: 'drake',
        name: 'Drake',
        aliases: ['Aubrey Graham', 'drake'],
        wikipediaTitle: 'Drake',
        hashtags: [],
      }),
    ).toEqual(['Drake', 'Aubrey Graham']);
  });
});

describe('mapMastodonStatuses', () => {
  it('maps every fixture timeline to a valid item with plain-text posts', () => {
    for (const celebrity of celebrities) {
      const tag = celebrity.hashtags[0]?.toLowerCase() ?? '';
      const statuses = MastodonTimelineSchema.parse(fixtures.social.mastodon[tag] ?? []);
      const item = buildItem(celebrity, mapMastodonStatuses({ posts: statuses, capped: false }, [tag]), context);
      expect(item.signals).toMatchObject({ mentions: statuses.length, mentions_kind: 'exact' });
      expect(item.texts.every((text) => !text.text.includes('<'))).toBe(true);
    }
  });

  it('counts a status seen under two hashtags once', () => {
    const status = {
      id: '1',
      created_at: '2026-11-20T10:00:00.000Z',
      content: '<p>x</p>',
      favourites_count: 1,
      reblogs_count: 2,
      replies_count: 3,
    };
    expect(mapMastodonStatuses({ posts: [status, status], capped: false }, ['a', 'b']).signals).toMatchObject({
      mentions: 1,
      posts_read: 1,
      likes: 1,
      reposts: 2,
      replies: 3,
    });
  });

  it('stores a celebrity whose hashtags need a login as not measured, with the reason', () => {
    const item = buildItem(
      celebrities[0] as (typeof celebrities)[number],
      unmeasuredMastodon(['janeexample'], 'mastodon: #janeexample needs a login on this instance (HTTP 401)'),
      context,
    );
    expect(item.signals).toMatchObject({
      mentions: null,
      posts_read: 0,
      not_measured_reason: 'mastodon: #janeexample needs a login on this instance (HTTP 401)',
    });
  });
});

describe('mastodonIdAt', () => {
  it('is the snowflake of an instant: milliseconds shifted left 16 bits', () => {
    expect(mastodonIdAt(new Date('2026-11-23T00:00:00Z'))).toBe('117662810112000000');
    expect(BigInt(mastodonIdAt(new Date(1))) >> 16n).toBe(1n);
  });
});

describe('htmlToText', () => {
  it('drops tags and decodes entities', () => {
    expect(htmlToText('<p>Loved <a href="x">#<span>Jane</span></a> &amp; it&#39;s great</p>')).toBe(
      "Loved #Jane & it's great",
    );
  });
});
