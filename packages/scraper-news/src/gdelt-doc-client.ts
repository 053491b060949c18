import type { IsoWeek } from '@celebrity-pipeline/core';
import {
  bodySnippet,
  type HttpClient,
  RequestRejectedError,
  routeOf,
  type ScraperErrorContext,
} from '@celebrity-pipeline/scraper-kit';
import { GdeltUnreadableError } from './errors.js';
import { type GdeltBody, isEmptyAnswer, parseGdeltBody } from './gdelt-body.js';
import { GDELT_QUERY_LIMITS } from './gdelt-query.js';
import { gdeltWindowParams } from './gdelt-window.js';
import {
  type GdeltArticle,
  GdeltArtListSchema,
  GdeltTimelineSchema,
  parseNews,
  timelineArticleCount,
} from './news-responses.js';

/** The two GDELT DOC 2.0 questions the news scraper asks, each over one ISO week. */
export interface GdeltDocClient {
  /** Articles in the week whose full text matches `query` (`mode=timelinevolraw`, steps summed): exact. */
  articleCount(query: string, week: IsoWeek, celebrityId: string): Promise<number>;
  /** The week's newest articles matching `query` (`mode=artlist`), at most `maxRecords`. */
  articles(query: string, week: IsoWeek, celebrityIds: readonly string[]): Promise<GdeltArticle[]>;
}

/** Options of {@link createGdeltDocClient}. */
export interface GdeltDocClientOptions {
  /** The run's GDELT client (single flight, ≥ 5 s between requests). */
  http: HttpClient;
  /** e.g. `https://api.gdeltproject.org/api/v2` */
  baseUrl: string;
  /** ArtList page size (default `GDELT_QUERY_LIMITS.maxRecords`). */
  maxRecords?: number;
}

/**
 * A GDELT DOC client that reads GDELT's quirks: bodies are read as text and parsed leniently (invalid `\`
 * escapes repaired); an unreadable body or a `{}` (spurious under load) is asked once more; a text answer where
 * JSON was expected (even with a JSON content type) is GDELT rejecting the query.
 * @throws RequestRejectedError with GDELT's message ("too short or too long", …).
 * @throws GdeltUnreadableError when the body is unreadable twice.
 */
export function createGdeltDocClient(options: GdeltDocClientOptions): GdeltDocClient {
  const url = `${options.baseUrl}/doc/doc`;
  const maxRecords = options.maxRecords ?? GDELT_QUERY_LIMITS.maxRecords;

  const ask = async (params: Record<string, string | number>, celebrityId: string): Promise<unknown> => {
    const context: ScraperErrorContext = { source: 'news', provider: 'gdelt', route: routeOf(url), celebrityId };
    const once = async (): Promise<GdeltBody> => {
      const response = await options.http.get(url, { params, celebrityId, expect: 'text' });
      return parseGdeltBody(String(response.data));
    };
    let body = await once();
    const isWorthAnotherTry = body.kind === 'invalid' || (body.kind === 'json' && isEmptyAnswer(body.value));
    if (isWorthAnotherTry) body = await once();
    if (body.kind === 'message') {
      throw new RequestRejectedError(`gdelt rejected the query (${bodySnippet(body.text)})`, context);
    }
    if (body.kind === 'invalid') {
      throw new GdeltUnreadableError(`gdelt answered unreadable JSON twice (${body.problem})`, context);
    }
    return body.value;
  };

  return {
    async articleCount(query, week, celebrityId) {
      const params = { query, mode: 'timelinevolraw', format: 'json', ...gdeltWindowParams(week) };
      const value = await ask(params, celebrityId);
      const context = { source: 'news' as const, provider: 'gdelt' as const, route: routeOf(url), celebrityId };
      return timelineArticleCount(parseNews(GdeltTimelineSchema, value, context));
    },
    async articles(query, week, celebrityIds) {
      const celebrityId = celebrityIds.join(',');
      const params = {
        query,
        mode: 'artlist',
        format: 'json',
        ...gdeltWindowParams(week),
        maxrecords: maxRecords,
        sort: 'DateDesc',
      };
      const value = await ask(params, celebrityId);
      const context = { source: 'news' as const, provider: 'gdelt' as const, route: routeOf(url), celebrityId };
      return parseNews(GdeltArtListSchema, value, context).articles;
    },
  };
}
