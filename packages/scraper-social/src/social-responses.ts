import { formatZodIssues } from '@celebrity-pipeline/core';
import { MalformedResponseError, type ScraperErrorContext } from '@celebrity-pipeline/scraper-kit';
import { z } from 'zod';

const count = z.number().int().nonnegative().default(0);

/** `com.atproto.server.createSession` / `refreshSession` answer (fields clients rely on). */
export const BlueskySessionSchema = z.looseObject({
  did: z.string(),
  handle: z.string(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
});
export type BlueskySession = z.infer<typeof BlueskySessionSchema>;

/** One `postView` of `app.bsky.feed.searchPosts`. */
export const BlueskyPostSchema = z.looseObject({
  uri: z.string(),
  record: z.looseObject({ text: z.string().default('') }),
  likeCount: count,
  repostCount: count,
  replyCount: count,
  quoteCount: count,
});
export type BlueskyPost = z.infer<typeof BlueskyPostSchema>;

/** `app.bsky.feed.searchPosts` answer; `hitsTotal` is optional. */
export const BlueskySearchSchema = z.looseObject({
  posts: z.array(BlueskyPostSchema),
  hitsTotal: z.number().int().nonnegative().optional(),
  cursor: z.string().optional(),
});
export type BlueskySearch = z.infer<typeof BlueskySearchSchema>;

/** One Mastodon Status (content is HTML). */
export const MastodonStatusSchema = z.looseObject({
  id: z.string(),
  content: z.string(),
  favourites_count: count,
  reblogs_count: count,
  replies_count: count,
});
export type MastodonStatus = z.infer<typeof MastodonStatusSchema>;

/** A hashtag timeline. */
export const MastodonTimelineSchema = z.array(MastodonStatusSchema);

/**
 * Validates a social body at the edge.
 * @throws MalformedResponseError naming the endpoint and every problem.
 */
export function parseSocial<T>(schema: z.ZodType<T>, value: unknown, context: ScraperErrorContext): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new MalformedResponseError(
    `${context.provider ?? 'social'} ${context.route ?? ''} answered an unexpected shape: ${formatZodIssues(result.error).join('; ')}`,
    context,
  );
}
