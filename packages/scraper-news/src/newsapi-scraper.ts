import type { Observation } from '@celebrity-pipeline/core';
import { type HttpClient, routeOf, type ScrapeContext, type Scraper } from '@celebrity-pipeline/scraper-kit';
import { NewsApiError } from './errors.js';
import { namesOf } from './gdelt-query.js';
import { mapNewsApi, NEWS_WINDOW_DAYS } from './news-mapping.js';
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
 * The NewsAPI.org `/v2/everything` news scraper (used when `NEWSAPI_KEY` is set): headlines of the last 7 days
 * that name the celebrity. Signal = `totalResults`; texts = headlines (`[Removed]` placeholders dropped).
 */
export function createNewsApiScraper(options: NewsApiScraperOptions): Scraper<'news'> {
  return {
    source: 'news',
    async scrape(celebrity, context: ScrapeContext): Promise<Observation<'news'>> {
      const query = newsApiQuery(namesOf(celebrity));
      const url = `${options.baseUrl}/everything`;
      const from = new Date(context.now.getTime() - NEWS_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 19);
      const response = await options.http.get(url, {
        params: { q: query, searchIn: 'title,description', from, sortBy: 'publishedAt', language: 'en', pageSize: 100 },
        headers: { 'X-Api-Key': options.apiKey },
        celebrityId: celebrity.id,
      });
      const errorContext = {
        source: 'news' as const,
        provider: 'newsapi' as const,
        celebrityId: celebrity.id,
        route: routeOf(url),
      };
      const body = parseNews(NewsApiResponseSchema, response.data, errorContext);
      if (body.status === 'error')
        throw new NewsApiError(`newsapi refused the query (${body.code}: ${body.message})`, errorContext);
      return mapNewsApi(body.totalResults, body.articles, query);
    },
  };
}
