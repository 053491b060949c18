import { type Celebrity, type IsoWeek, type Observation, weekWindow } from '@celebrity-pipeline/core';
import {
  type HttpClient,
  RateLimitedError,
  routeOf,
  type ScrapeContext,
  type Scraper,
} from '@celebrity-pipeline/scraper-kit';
import { NewsApiError } from './errors.js';
import { namesOf } from './gdelt-query.js';
import { mapNewsApi, unmeasuredNews } from './news-mapping.js';
import { NewsApiResponseSchema, parseNews } from './news-responses.js';

/** Options of {@link createNewsApiScraper}. */
export interface NewsApiScraperOptions {
  http: HttpClient;
  /** e.g. `https://newsapi.org/v2` */
  baseUrl: string;
  /** Sent as `X-Api-Key` (never in the URL). */
  apiKey: string;
}

/** The NewsAPI query for a celebrity: its names as OR'd quoted phrases. */
export function newsApiQuery(names: readonly string[]): string {
  return names.map((name) => `"${name.replaceAll('"', '')}"`).join(' OR ');
}

/**
 * NewsAPI's `from` / `to` for an ISO week: Monday 00:00:00 to Sunday 23:59:59 UTC. NewsAPI's Developer plan
 * publishes articles 24 h late; the scheduled run collects the week that ended six days earlier (core's
 * `collectedWeekAt`), so the whole window is published.
 * @example newsApiWindowParams('2026-W40') // { from: '2026-09-28T00:00:00', to: '2026-10-04T23:59:59' }
 */
export function newsApiWindowParams(week: IsoWeek): { from: string; to: string } {
  const window = weekWindow(week);
  return { from: window.start.toISOString().slice(0, 19), to: window.lastSecond.toISOString().slice(0, 19) };
}

/**
 * The NewsAPI.org `/v2/everything` news scraper (only when `NEWS_PROVIDER=newsapi`): articles of the ISO week
 * whose title or description names the celebrity. Signal = `totalResults`; texts = headlines (`[Removed]`
 * placeholders dropped). A `rateLimited` 429 means the plan's quota is spent: it is not retried, and that
 * celebrity and every later one in the run are "not measured" without another request.
 */
export function createNewsApiScraper(options: NewsApiScraperOptions): Scraper<'news'> {
  const url = `${options.baseUrl}/everything`;
  let quotaSpent: string | undefined;
  let turn: Promise<unknown> = Promise.resolve();

  const measure = async (celebrity: Celebrity, week: IsoWeek): Promise<Observation<'news'>> => {
    const query = newsApiQuery(namesOf(celebrity));
    if (quotaSpent !== undefined) return unmeasuredNews('newsapi', quotaSpent, query);
    const errorContext = { source: 'news' as const, provider: 'newsapi' as const, celebrityId: celebrity.id };
    try {
      const response = await options.http.get(url, {
        params: {
          q: query,
          searchIn: 'title,description',
          ...newsApiWindowParams(week),
          sortBy: 'publishedAt',
          language: 'en',
          pageSize: 100,
        },
        headers: { 'X-Api-Key': options.apiKey },
        celebrityId: celebrity.id,
        retryRateLimited: false,
      });
      const body = parseNews(NewsApiResponseSchema, response.data, { ...errorContext, route: routeOf(url) });
      if (body.status === 'error') {
        throw new NewsApiError(`newsapi refused the query (${body.code}: ${body.message})`, {
          ...errorContext,
          route: routeOf(url),
        });
      }
      return mapNewsApi(body.totalResults, body.articles, query);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      quotaSpent = `NewsAPI quota spent for this run (${error.message})`;
      return unmeasuredNews('newsapi', quotaSpent, query);
    }
  };

  return {
    source: 'news',
    scrape(celebrity, context: ScrapeContext): Promise<Observation<'news'>> {
      // One request at a time, so nothing is sent after the quota runs out.
      const result = turn.then(() => measure(celebrity, context.week));
      turn = result.catch(() => undefined);
      return result;
    },
  };
}
