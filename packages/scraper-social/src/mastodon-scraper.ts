import type { Celebrity, Observation } from '@celebrity-pipeline/core';
import {
  type ErrorOrigin,
  errorContext,
  type HttpClient,
  NotFoundError,
  parseResponse,
  RequestRejectedError,
  type Scraper,
} from '@celebrity-pipeline/scraper-kit';
import { mapMastodonStatuses } from './social-mapping.js';
import { type MastodonStatus, MastodonTimelineSchema } from './social-responses.js';

const MASTODON: ErrorOrigin = { source: 'social', provider: 'mastodon' };

/** Options of {@link createMastodonSocialScraper}. */
export interface MastodonSocialScraperOptions {
  http: HttpClient;
  /** e.g. `https://mastodon.social/api/v1` */
  baseUrl: string;
  /** Hashtags read per celebrity. Default 2. */
  maxHashtags?: number;
}

/**
 * The Mastodon social scraper (keyless alternative): the latest 40 statuses of each of the celebrity's first
 * hashtags (`/timelines/tag/{tag}`; a 404 hashtag counts as no posts). Hashtags, not names: lower recall.
 */
export function createMastodonSocialScraper(options: MastodonSocialScraperOptions): Scraper<'social'> {
  const timeline = async (celebrity: Celebrity, tag: string): Promise<MastodonStatus[]> => {
    const url = `${options.baseUrl}/timelines/tag/${encodeURIComponent(tag)}`;
    try {
      const response = await options.http.get(url, { params: { limit: 40 }, celebrityId: celebrity.id });
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

  return {
    source: 'social',
    async scrape(celebrity): Promise<Observation<'social'>> {
      const tags = celebrity.hashtags.slice(0, options.maxHashtags ?? 2);
      if (tags.length === 0) {
        throw new RequestRejectedError(
          `celebrity ${celebrity.id} has no hashtags to follow on Mastodon`,
          errorContext(MASTODON, { celebrityId: celebrity.id }),
        );
      }
      const statuses: MastodonStatus[] = [];
      for (const tag of tags) statuses.push(...(await timeline(celebrity, tag)));
      return mapMastodonStatuses(statuses, tags);
    },
  };
}
