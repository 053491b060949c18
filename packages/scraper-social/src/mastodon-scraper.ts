import { type Celebrity, type Observation, type WeekWindow, weekWindow } from '@celebrity-pipeline/core';
import {
  type ErrorOrigin,
  errorContext,
  type HttpClient,
  NotFoundError,
  parseResponse,
  RequestRejectedError,
  type ScrapeContext,
  type Scraper,
  SourceAuthError,
} from '@celebrity-pipeline/scraper-kit';
import { mapMastodonStatuses, type SocialSample, unmeasuredMastodon } from './social-mapping.js';
import { type MastodonStatus, MastodonTimelineSchema } from './social-responses.js';

/** Options of {@link createMastodonSocialScraper}. */
export interface MastodonSocialScraperOptions {
  http: HttpClient;
  /** e.g. `https://mastodon.social/api/v1` */
  baseUrl: string;
  /** Hashtags read per celebrity. Default 2. */
  maxHashtags?: number;
  /** Pages read per hashtag and week. Default {@link MASTODON_TIMELINE_LIMITS}. */
  maxPages?: number;
}

/** Paging of a hashtag timeline: 40 statuses a page (Mastodon's maximum), at most 10 pages per tag and week. */
export const MASTODON_TIMELINE_LIMITS = { pageSize: 40, maxPages: 10 } as const;

const MASTODON: ErrorOrigin = { source: 'social', provider: 'mastodon' };

/**
 * The status id Mastodon gives a status created at `instant`: ids are snowflakes, the creation time in ms
 * shifted left by 16 bits (the low bits are a sequence). `max_id` = the id at the week's end returns only
 * statuses created before it.
 * @example mastodonIdAt(new Date('2026-11-23T00:00:00Z')) // '117662810112000000' (1 795 392 000 000 << 16)
 */
export function mastodonIdAt(instant: Date): string {
  return (BigInt(instant.getTime()) << 16n).toString();
}

const inWindow = (window: WeekWindow, status: MastodonStatus) => {
  const created = Date.parse(status.created_at);
  return created >= window.start.getTime() && created < window.end.getTime();
};

/**
 * The Mastodon social scraper (keyless alternative). Per hashtag it pages `/timelines/tag/{tag}` newest first
 * from `max_id` = the id of the week's end, following `max_id` until a page reaches a status created before the
 * week (or runs out), at most {@link MASTODON_TIMELINE_LIMITS} pages; only statuses created inside the week
 * count. A 404 hashtag has no posts. A hashtag that needs a login (HTTP 401, Mastodon 4.5 access controls) is
 * not read: when no hashtag can be read the celebrity is "not measured" with that reason, otherwise the count
 * is a lower bound. Hashtags, not names: lower recall.
 */
export function createMastodonSocialScraper(options: MastodonSocialScraperOptions): Scraper<'social'> {
  const maxPages = options.maxPages ?? MASTODON_TIMELINE_LIMITS.maxPages;

  const page = async (celebrity: Celebrity, tag: string, maxId: string): Promise<MastodonStatus[]> => {
    const url = `${options.baseUrl}/timelines/tag/${encodeURIComponent(tag)}`;
    try {
      const response = await options.http.get(url, {
        params: { limit: MASTODON_TIMELINE_LIMITS.pageSize, max_id: maxId },
        celebrityId: celebrity.id,
      });
      return parseResponse(
        MastodonTimelineSchema,
        response.data,
        errorContext(MASTODON, { url, celebrityId: celebrity.id }),
      );
    } catch (error) {
      if (error instanceof NotFoundError) return [];
      throw error;
    }
  };

  /** The statuses of `tag` created in the week, and whether the page cap cut the reading short. */
  const weekOf = async (
    celebrity: Celebrity,
    tag: string,
    window: WeekWindow,
  ): Promise<SocialSample<MastodonStatus>> => {
    const posts: MastodonStatus[] = [];
    let maxId = mastodonIdAt(window.end);
    for (let read = 0; read < maxPages; read += 1) {
      const statuses = await page(celebrity, tag, maxId);
      posts.push(...statuses.filter((status) => inWindow(window, status)));
      const oldest = statuses.at(-1);
      const crossedStart = statuses.some((status) => Date.parse(status.created_at) < window.start.getTime());
      if (!oldest || statuses.length < MASTODON_TIMELINE_LIMITS.pageSize || crossedStart)
        return { posts, capped: false };
      maxId = oldest.id;
    }
    return { posts, capped: true };
  };

  return {
    source: 'social',
    async scrape(celebrity, context: ScrapeContext): Promise<Observation<'social'>> {
      const tags = celebrity.hashtags.slice(0, options.maxHashtags ?? 2);
      if (tags.length === 0) {
        throw new RequestRejectedError(
          `celebrity ${celebrity.id} has no hashtags to follow on Mastodon`,
          errorContext(MASTODON, { celebrityId: celebrity.id }),
        );
      }
      const window = weekWindow(context.week);
      const posts: MastodonStatus[] = [];
      const protectedTags: string[] = [];
      let capped = false;
      for (const tag of tags) {
        try {
          const sample = await weekOf(celebrity, tag, window);
          posts.push(...sample.posts);
          capped ||= sample.capped;
        } catch (error) {
          if (!(error instanceof SourceAuthError) || error.status !== 401) throw error;
          protectedTags.push(tag);
        }
      }
      if (protectedTags.length === tags.length) {
        const list = protectedTags.map((tag) => `#${tag}`).join(', ');
        return unmeasuredMastodon(tags, `mastodon: ${list} needs a login on this instance (HTTP 401)`);
      }
      return mapMastodonStatuses({ posts, capped: capped || protectedTags.length > 0 }, tags);
    },
  };
}
