import type { Celebrity, Observation } from '@celebrity-pipeline/core';
import {
  anyOfQuery,
  type ErrorOrigin,
  ExpiredTokenError,
  errorContext,
  type HttpClient,
  parseResponse,
  type ScrapeContext,
  type Scraper,
  SourceAuthError,
} from '@celebrity-pipeline/scraper-kit';
import { BlueskySessionError } from './errors.js';
import { mapBlueskySearch } from './social-mapping.js';
import { BlueskySearchSchema, type BlueskySession, BlueskySessionSchema } from './social-responses.js';

const BLUESKY: ErrorOrigin = { source: 'social', provider: 'bluesky' };

/** Options of {@link createBlueskySocialScraper}. */
export interface BlueskySocialScraperOptions {
  http: HttpClient;
  /** e.g. `https://bsky.social/xrpc` (the PDS; `public.api.bsky.app` refuses search). */
  baseUrl: string;
  /** Account handle or e-mail. */
  identifier: string;
  /** An app password (never the account password); sent only in the createSession body. */
  appPassword: string;
}

/** Days of posts searched (`since` = now − 7 days, `until` = now). */
export const SOCIAL_WINDOW_DAYS = 7;

/** The Lucene query for a celebrity: its names as OR'd quoted phrases. */
export function blueskyQuery(celebrity: Celebrity): string {
  return anyOfQuery([...new Set([celebrity.name, ...celebrity.aliases])]);
}

/**
 * The Bluesky social scraper (default): one app-password session per run (`createSession` once; an
 * `ExpiredToken` answer refreshes it once and retries), then `app.bsky.feed.searchPosts` per celebrity over the
 * last 7 days. Signal = mentions + likes/reposts/replies; texts = post texts.
 */
export function createBlueskySocialScraper(options: BlueskySocialScraperOptions): Scraper<'social'> {
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

  const search = async (celebrity: Celebrity, context: ScrapeContext, active: BlueskySession) => {
    const url = `${options.baseUrl}/app.bsky.feed.searchPosts`;
    const since = new Date(context.now.getTime() - SOCIAL_WINDOW_DAYS * 86_400_000).toISOString();
    const response = await options.http.get(url, {
      params: { q: blueskyQuery(celebrity), sort: 'latest', since, until: context.now.toISOString(), limit: 100 },
      headers: { Authorization: `Bearer ${active.accessJwt}` },
      celebrityId: celebrity.id,
    });
    return parseResponse(BlueskySearchSchema, response.data, errorContext(BLUESKY, { url, celebrityId: celebrity.id }));
  };

  return {
    source: 'social',
    async scrape(celebrity, context): Promise<Observation<'social'>> {
      const active = await currentSession();
      try {
        return mapBlueskySearch(await search(celebrity, context, active), blueskyQuery(celebrity));
      } catch (error) {
        if (!(error instanceof ExpiredTokenError)) throw error;
        return mapBlueskySearch(await search(celebrity, context, await renewAfter(active)), blueskyQuery(celebrity));
      }
    },
  };
}
