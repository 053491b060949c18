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

/** `app.bsky.feed.searchPosts` answer; `hitsTotal` is optional and usually absent (not used). */
export const BlueskySearchSchema = z.looseObject({
  posts: z.array(BlueskyPostSchema),
  hitsTotal: z.number().int().nonnegative().optional(),
  cursor: z.string().optional(),
});
export type BlueskySearch = z.infer<typeof BlueskySearchSchema>;

/** One Mastodon Status (content is HTML; `id` a snowflake of the creation time). */
export const MastodonStatusSchema = z.looseObject({
  id: z.string().regex(/^\d+$/, 'must be a numeric status id'),
  created_at: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date-time'),
  content: z.string(),
  favourites_count: count,
  reblogs_count: count,
  replies_count: count,
});
export type MastodonStatus = z.infer<typeof MastodonStatusSchema>;

/** A hashtag timeline. */
export const MastodonTimelineSchema = z.array(MastodonStatusSchema);
