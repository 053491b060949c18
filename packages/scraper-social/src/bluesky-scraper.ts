import { type Celebrity, type Observation, type WeekWindow, weekWindow } from '@celebrity-pipeline/core';
import {
  type ErrorOrigin,
  ExpiredTokenError,
  errorContext,
  type HttpClient,
  parseResponse,
  quotedPhrase,
  type ScrapeContext,
  type Scraper,
  SourceAuthError,
} from '@celebrity-pipeline/scraper-kit';
import { BlueskySessionError } from './errors.js';
import { mapBlueskyPosts, type SocialSample } from './social-mapping.js';
import {
  type BlueskyPost,
  type BlueskySearch,
  BlueskySearchSchema,
  type BlueskySession,
  BlueskySessionSchema,
} from './social-responses.js';

/** Options of {@link createBlueskySocialScraper}. */
export interface BlueskySocialScraperOptions {
  http: HttpClient;
  /** e.g. `https://bsky.social/xrpc` (the PDS; `public.api.bsky.app` refuses search). */
  baseUrl: string;
  /** Account handle or e-mail. */
  identifier: string;
  /** An app password (never the account password); sent only in the createSession body. */
  appPassword: string;
  /** Pages read per name and week. Default {@link BLUESKY_SEARCH_LIMITS}. */
  maxPages?: number;
}

/**
 * Paging of `searchPosts`: 100 posts a page (the lexicon's maximum), at most 5 pages per name and week, so a
 * celebrity costs at most 5 requests per name; beyond that the count is a lower bound.
 */
export const BLUESKY_SEARCH_LIMITS = { pageSize: 100, maxPages: 5 } as const;

const BLUESKY: ErrorOrigin = { source: 'social', provider: 'bluesky' };

/**
 * The names a celebrity is searched by: its name and aliases, each alone, without case-insensitive duplicates.
 * `searchPosts` ANDs the terms of a query and has no `OR`, so each name is its own query.
 */
export function blueskySearchNames(celebrity: Celebrity): string[] {
  const seen = new Set<string>();
  return [celebrity.name, ...celebrity.aliases].filter((name) => {
    const key = name.trim().toLowerCase();
    if (key.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The Bluesky social scraper (default): one app-password session per run (`createSession` once; an
 * `ExpiredToken` answer refreshes it once and retries), then `app.bsky.feed.searchPosts` once per name or alias
 * (an exact phrase, `since`/`until` = the week's window, `sort=latest`), paged with `cursor` up to
 * {@link BLUESKY_SEARCH_LIMITS}, the posts merged by URI. Signal = mentions (exact or lower bound) + engagement.
 */
export function createBlueskySocialScraper(options: BlueskySocialScraperOptions): Scraper<'social'> {
  const maxPages = options.maxPages ?? BLUESKY_SEARCH_LIMITS.maxPages;
  let session: Promise<BlueskySession> | undefined;

  const login = async (): Promise<BlueskySession> => {
    const url = `${options.baseUrl}/com.atproto.server.createSession`;
    try {
      const response = await options.http.post(
        url,
        { identifier: options.identifier, password: options.appPassword },
        { headers: { 'Content-Type': 'application/json' } },
      );
      return parseResponse(BlueskySessionSchema, response.data, errorContext(BLUESKY, { url }));
    } catch (error) {
      if (error instanceof SourceAuthError)
        throw new BlueskySessionError(
          `bluesky refused the app-password login (HTTP ${error.status})`,
          errorContext(BLUESKY, { url, status: error.status }),
          { cause: error },
        );
      throw error;
    }
  };

  const refresh = async (expired: BlueskySession): Promise<BlueskySession> => {
    const url = `${options.baseUrl}/com.atproto.server.refreshSession`;
    try {
      const response = await options.http.post(url, undefined, {
        headers: { Authorization: `Bearer ${expired.refreshJwt}` },
      });
      return parseResponse(BlueskySessionSchema, response.data, errorContext(BLUESKY, { url }));
    } catch (error) {
      if (error instanceof SourceAuthError) return login();
      throw error;
    }
  };

  const currentSession = () => {
    session ??= login().catch((error: unknown) => {
      session = undefined;
      throw error;
    });
    return session;
  };

  /** Refreshes once per expired session, however many searches saw it expire. */
  const renewAfter = (expired: BlueskySession) => {
    const current = session;
    return current
      ? current.then((active) => {
          if (active.accessJwt !== expired.accessJwt) return active;
          session = refresh(expired);
          return session;
        })
      : currentSession();
  };

  const searchPage = async (
    celebrity: Celebrity,
    params: Record<string, string | number>,
    active: BlueskySession,
  ): Promise<BlueskySearch> => {
    const url = `${options.baseUrl}/app.bsky.feed.searchPosts`;
    const response = await options.http.get(url, {
      params,
      headers: { Authorization: `Bearer ${active.accessJwt}` },
      celebrityId: celebrity.id,
    });
    return parseResponse(BlueskySearchSchema, response.data, errorContext(BLUESKY, { url, celebrityId: celebrity.id }));
  };

  const authorizedPage = async (celebrity: Celebrity, params: Record<string, string | number>) => {
    const active = await currentSession();
    try {
      return await searchPage(celebrity, params, active);
    } catch (error) {
      if (!(error instanceof ExpiredTokenError)) throw error;
      return searchPage(celebrity, params, await renewAfter(active));
    }
  };

  /** Every post of the week naming `name`, up to the page cap. */
  const searchName = async (
    celebrity: Celebrity,
    name: string,
    window: WeekWindow,
  ): Promise<SocialSample<BlueskyPost>> => {
    const posts: BlueskyPost[] = [];
    let cursor: string | undefined;
    for (let read = 0; read < maxPages; read += 1) {
      const page = await authorizedPage(celebrity, {
        q: quotedPhrase(name),
        sort: 'latest',
        since: window.start.toISOString(),
        until: window.end.toISOString(),
        limit: BLUESKY_SEARCH_LIMITS.pageSize,
        ...(cursor === undefined ? {} : { cursor }),
      });
      posts.push(...page.posts);
      cursor = page.cursor;
      if (cursor === undefined || page.posts.length === 0) return { posts, capped: false };
    }
    return { posts, capped: true };
  };

  return {
    source: 'social',
    async scrape(celebrity, context: ScrapeContext): Promise<Observation<'social'>> {
      const window = weekWindow(context.week);
      const names = blueskySearchNames(celebrity);
      const posts: BlueskyPost[] = [];
      let capped = false;
      for (const name of names) {
        const sample = await searchName(celebrity, name, window);
        posts.push(...sample.posts);
        capped ||= sample.capped;
      }
      return mapBlueskyPosts({ posts, capped }, names);
    },
  };
}
