import type { Observation } from '@celebrity-pipeline/core';
import type { BlueskySearch, MastodonStatus } from './social-responses.js';

/** Bluesky search → observation: mentions = `hitsTotal` (else posts returned); engagement summed; texts = posts. Pure. */
export function mapBlueskySearch(search: BlueskySearch, query: string): Observation<'social'> {
  const sum = (pick: (post: BlueskySearch['posts'][number]) => number) =>
    search.posts.reduce((total, post) => total + pick(post), 0);
  return {
    source: 'social',
    signals: {
      mentions: Math.max(search.hitsTotal ?? 0, search.posts.length),
      likes: sum((post) => post.likeCount),
      reposts: sum((post) => post.repostCount + post.quoteCount),
      replies: sum((post) => post.replyCount),
      provider: 'bluesky',
    },
    texts: search.posts.map((post) => ({
      text: post.record.text,
      engagement: post.likeCount + post.repostCount + post.replyCount,
    })),
    sourceRef: `bluesky:${query}`,
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

/** Hashtag statuses → observation: mentions = statuses; favourites, reblogs, replies summed; texts = posts. Pure. */
export function mapMastodonStatuses(
  statuses: readonly MastodonStatus[],
  tags: readonly string[],
): Observation<'social'> {
  const unique = [...new Map(statuses.map((status) => [status.id, status])).values()];
  const sum = (pick: (status: MastodonStatus) => number) => unique.reduce((total, status) => total + pick(status), 0);
  return {
    source: 'social',
    signals: {
      mentions: unique.length,
      likes: sum((status) => status.favourites_count),
      reposts: sum((status) => status.reblogs_count),
      replies: sum((status) => status.replies_count),
      provider: 'mastodon',
    },
    texts: unique.map((status) => ({
      text: htmlToText(status.content),
      engagement: status.favourites_count + status.reblogs_count + status.replies_count,
    })),
    sourceRef: `mastodon:${tags.map((tag) => `#${tag}`).join(',')}`,
  };
}
