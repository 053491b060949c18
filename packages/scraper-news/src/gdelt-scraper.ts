import type { Celebrity, Observation } from '@celebrity-pipeline/core';
import {
  errorContext,
  type HttpClient,
  parseResponse,
  RateLimitedError,
  type ScrapeContext,
  type Scraper,
} from '@celebrity-pipeline/scraper-kit';
import { attributeArticles, batchCelebrities, buildGdeltQuery, GDELT_QUERY_LIMITS } from './gdelt-query.js';
import { mapGdeltArticles, NEWS_WINDOW_DAYS, unmeasuredGdelt } from './news-mapping.js';
import { type GdeltArticle, GdeltArtListSchema } from './news-responses.js';

/** Options of {@link createGdeltNewsScraper}. */
export interface GdeltNewsScraperOptions {
  /** The run's GDELT client (single flight, ≥ 5 s between requests). */
  http: HttpClient;
  /** e.g. `https://api.gdeltproject.org/api/v2` */
  baseUrl: string;
  limits?: typeof GDELT_QUERY_LIMITS;
}

type BatchResult =
  | { query: string; refused: false; attributed: Map<string, GdeltArticle[]> }
  | { query: string; refused: true };

/**
 * The GDELT DOC 2.0 news scraper (keyless default). Celebrities are batched into OR queries (one request per
 * batch, fetched when a celebrity of the batch is first scraped), and each article is attributed to the
 * celebrities its headline names. When GDELT refuses (throttle after retries) the count is "not measured".
 */
export function createGdeltNewsScraper(options: GdeltNewsScraperOptions): Scraper<'news'> {
  const limits = options.limits ?? GDELT_QUERY_LIMITS;
  let plannedFor: readonly Celebrity[] | undefined;
  let batchOf = new Map<string, Celebrity[]>();
  const results = new Map<Celebrity[], Promise<BatchResult>>();

  const plan = (celebrities: readonly Celebrity[]) => {
    if (plannedFor === celebrities) return;
    plannedFor = celebrities;
    batchOf = new Map(
      batchCelebrities(celebrities, limits).flatMap((batch) => batch.map((celebrity) => [celebrity.id, batch])),
    );
  };

  const fetchBatch = async (batch: Celebrity[]): Promise<BatchResult> => {
    const query = buildGdeltQuery(batch);
    const url = `${options.baseUrl}/doc/doc`;
    try {
      const response = await options.http.get(url, {
        params: {
          query,
          mode: 'artlist',
          format: 'json',
          timespan: `${NEWS_WINDOW_DAYS}d`,
          maxrecords: limits.maxRecords,
          sort: 'DateDesc',
        },
        celebrityId: batch.map((celebrity) => celebrity.id).join(','),
      });
      const { articles } = parseResponse(
        GdeltArtListSchema,
        response.data,
        errorContext({ source: 'news', provider: 'gdelt' }, { url }),
      );
      return { query, refused: false, attributed: attributeArticles(articles, batch) };
    } catch (error) {
      if (error instanceof RateLimitedError) return { query, refused: true };
      throw error;
    }
  };

  return {
    source: 'news',
    async scrape(celebrity, context: ScrapeContext): Promise<Observation<'news'>> {
      plan(context.celebrities);
      const batch = batchOf.get(celebrity.id) ?? [celebrity];
      let result = results.get(batch);
      if (!result) {
        result = fetchBatch(batch);
        results.set(batch, result);
      }
      const outcome = await result;
      if (outcome.refused) return unmeasuredGdelt(outcome.query);
      return mapGdeltArticles(outcome.attributed.get(celebrity.id) ?? [], outcome.query);
    },
  };
}
