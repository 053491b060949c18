import type { CountKind, Observation } from '@celebrity-pipeline/core';
import type { BlueskyPost, MastodonStatus } from './social-responses.js';

/** The posts one provider read for a celebrity's week, and whether paging stopped at its page cap. */
export interface SocialSample<P> {
  /** Posts of the week, read in full (already limited to the week's window). */
  posts: readonly P[];
  /** True when a query still had more pages at the cap: the count is then "at least". */
  capped: boolean;
}

const kindOf = (capped: boolean): CountKind => (capped ? 'lower_bound' : 'exact');

/**
 * Bluesky posts of the week → observation. Posts are merged by URI (one search per name or alias);
 * `mentions` = distinct posts read, `exact` when every search ran out of pages, `lower_bound` when one stopped at
 * the page cap (Bluesky's `hitsTotal` is usually absent, so it is not used). Engagement and texts come from the
 * `posts_read` posts. Pure.
 */
export function mapBlueskyPosts(sample: SocialSample<BlueskyPost>, names: readonly string[]): Observation<'social'> {
  const posts = [...new Map(sample.posts.map((post) => [post.uri, post])).values()];
  const sum = (pick: (post: BlueskyPost) => number) => posts.reduce((total, post) => total + pick(post), 0);
  return {
    source: 'social',
    signals: {
      mentions: posts.length,
      mentions_kind: kindOf(sample.capped),
      posts_read: posts.length,
      likes: sum((post) => post.likeCount),
      reposts: sum((post) => post.repostCount + post.quoteCount),
      replies: sum((post) => post.replyCount),
      provider: 'bluesky',
    },
    texts: posts.map((post) => ({
      text: post.record.text,
      engagement: post.likeCount + post.repostCount + post.replyCount,
    })),
    sourceRef: `bluesky:${names.map((name) => JSON.stringify(name)).join(',')}`,
  };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/** Mastodon `content` (HTML) → plain text. Pure. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .trim();
}

const mastodonRef = (tags: readonly string[]) => `mastodon:${tags.map((tag) => `#${tag}`).join(',')}`;

/**
 * Hashtag statuses of the week → observation: `mentions` = distinct statuses, `exact` unless a timeline stopped
 * at the page cap or a tag could not be read (`lower_bound`); favourites, reblogs and replies summed over the
 * `posts_read` statuses; texts = the statuses. Pure.
 */
export function mapMastodonStatuses(
  sample: SocialSample<MastodonStatus>,
  tags: readonly string[],
): Observation<'social'> {
  const unique = [...new Map(sample.posts.map((status) => [status.id, status])).values()];
  const sum = (pick: (status: MastodonStatus) => number) => unique.reduce((total, status) => total + pick(status), 0);
  return {
    source: 'social',
    signals: {
      mentions: unique.length,
      mentions_kind: kindOf(sample.capped),
      posts_read: unique.length,
      likes: sum((status) => status.favourites_count),
      reposts: sum((status) => status.reblogs_count),
      replies: sum((status) => status.replies_count),
      provider: 'mastodon',
    },
    texts: unique.map((status) => ({
      text: htmlToText(status.content),
      engagement: status.favourites_count + status.reblogs_count + status.replies_count,
    })),
    sourceRef: mastodonRef(tags),
  };
}

/** A celebrity whose hashtags could not be read at all (e.g. every tag needs a login): not measured. Pure. */
export function unmeasuredMastodon(tags: readonly string[], reason: string): Observation<'social'> {
  return {
    source: 'social',
    signals: {
      mentions: null,
      posts_read: 0,
      likes: 0,
      reposts: 0,
      replies: 0,
      provider: 'mastodon',
      not_measured_reason: reason,
    },
    texts: [],
    sourceRef: mastodonRef(tags),
  };
}
