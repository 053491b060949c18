import type { Source } from '@celebrity-pipeline/core';
import type { ScraperErrorContext } from './errors.js';
import { routeOf } from './http-client.js';
import type { Provider } from './source-limits.js';

/** Which scraper is talking to which provider: the fixed part of every error context a scraper builds. */
export interface ErrorOrigin {
  readonly source: Source;
  readonly provider: Provider;
}

/** The request an error is about: its URL (only the route is kept, never the query), celebrity and status. */
export interface ErrorRequest {
  url?: string;
  celebrityId?: string;
  status?: number;
}

/**
 * The one way scrapers build a {@link ScraperErrorContext}: the origin plus what is known about the request.
 * @example errorContext(BLUESKY, { url, celebrityId: 'drake' }) // { source: 'social', provider: 'bluesky', route: '/xrpc/…', celebrityId: 'drake' }
 */
export function errorContext(origin: ErrorOrigin, request: ErrorRequest = {}): ScraperErrorContext {
  return {
    source: origin.source,
    provider: origin.provider,
    ...(request.celebrityId === undefined ? {} : { celebrityId: request.celebrityId }),
    ...(request.status === undefined ? {} : { status: request.status }),
    ...(request.url === undefined ? {} : { route: routeOf(request.url) }),
  };
}
