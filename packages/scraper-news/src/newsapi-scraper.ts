import type { Observation } from '@celebrity-pipeline/core';
import {
  anyOfQuery,
  type ErrorOrigin,
  errorContext,
  type HttpClient,
  parseResponse,
  type ScrapeContext,
  type Scraper,
} from '@celebrity-pipeline/scraper-kit';
import { NewsApiError } from './errors.js';
import { namesOf } from './gdelt-query.js';
import { mapNewsApi, NEWS_WINDOW_DAYS } from './news-mapping.js';
import { NewsApiResponseSchema } from './news-responses.js';

/** Options of {@link createNewsApiScraper}. */
export interface NewsApiScraperOptions {
  http: HttpClient;
  /** e.g. `https://newsapi.org/v2` */
  baseUrl: string;
  /** Sent as `X-Api-Key` (never in the URL). */
  apiKey: string;
}

const NEWSAPI: ErrorOrigin = { source: 'news', provider: 'newsapi' };

/**
 * The NewsAPI.org `/v2/everything` news scraper (used when `NEWSAPI_KEY` is set): headlines of the last 7 days
 * that name the celebrity. Signal = `totalResults`; texts = headlines (`[Removed]` placeholders dropped).
 */
export function createNewsApiScraper(options: NewsApiScraperOptions): Scraper<'news'> {
  return {
    source: 'news',
    async scrape(celebrity, context: ScrapeContext): Promise<Observation<'news'>> {
      const query = anyOfQuery(namesOf(celebrity));
      const url = `${options.baseUrl}/everything`;
      const from = new Date(context.now.getTime() - NEWS_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 19);
      const response = await options.http.get(url, {
        params: { q: query, searchIn: 'title,description', from, sortBy: 'publishedAt', language: 'en', pageSize: 100 },
        headers: { 'X-Api-Key': options.apiKey },
        celebrityId: celebrity.id,
      });
      const where = errorContext(NEWSAPI, { url, celebrityId: celebrity.id });
      const body = parseResponse(NewsApiResponseSchema, response.data, where);
      if (body.status === 'error')
        throw new NewsApiError(`newsapi refused the query (${body.code}: ${body.message})`, where);
      return mapNewsApi(body.totalResults, body.articles, query);
    },
  };
}
