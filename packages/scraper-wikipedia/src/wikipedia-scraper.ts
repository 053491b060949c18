import { type Celebrity, lastFullDays, type Observation } from '@celebrity-pipeline/core';
import {
  type CreateScraper,
  type ErrorOrigin,
  errorContext,
  type HttpClient,
  NotFoundError,
  parseResponse,
  type ScrapeContext,
  type Scraper,
} from '@celebrity-pipeline/scraper-kit';
import { AmbiguousTitleError, ArticleMissingError } from './errors.js';
import { aqsTimestamp, encodeTitle, mapWikipedia, zeroFilledViews } from './wikipedia-mapping.js';
import {
  type PageviewsResponse,
  PageviewsResponseSchema,
  type WikipediaSummary,
  WikipediaSummarySchema,
} from './wikipedia-responses.js';

/** Options of {@link createWikipediaScraper}. */
export interface WikipediaScraperOptions {
  /** One client for both hosts: Wikimedia's ≤ 3 concurrent requests cover summary and pageviews together. */
  http: HttpClient;
  /** e.g. `https://en.wikipedia.org/api/rest_v1` */
  wikipediaBaseUrl: string;
  /** e.g. `https://wikimedia.org/api/rest_v1` */
  wikimediaBaseUrl: string;
  /** Days of pageviews (full UTC days before the run). Default 7. */
  days?: number;
}

const WIKIMEDIA: ErrorOrigin = { source: 'wikipedia', provider: 'wikimedia' };

const context = (celebrity: Celebrity, url: string) => errorContext(WIKIMEDIA, { url, celebrityId: celebrity.id });

/**
 * The Wikipedia scraper: REST page summary (redirects followed to the canonical title) and per-article
 * pageviews (`user` agent, all access) of the last 7 full days, missing days counted as 0.
 * Signal = weekly pageviews; text = the extract. A 404 summary fails the celebrity with `ArticleMissingError`.
 */
export function createWikipediaScraper(options: WikipediaScraperOptions): Scraper<'wikipedia'> {
  const summaryOf = async (celebrity: Celebrity): Promise<WikipediaSummary> => {
    const url = `${options.wikipediaBaseUrl}/page/summary/${encodeTitle(celebrity.wikipediaTitle)}`;
    try {
      const response = await options.http.get(url, { celebrityId: celebrity.id });
      const summary = parseResponse(WikipediaSummarySchema, response.data, context(celebrity, url));
      if (summary.type === 'disambiguation') {
        throw new AmbiguousTitleError(
          `wikipedia title "${celebrity.wikipediaTitle}" is a disambiguation page`,
          context(celebrity, url),
        );
      }
      return summary;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new ArticleMissingError(
        `no Wikipedia article "${celebrity.wikipediaTitle}" (HTTP 404)`,
        { ...context(celebrity, url), status: 404 },
        { cause: error },
      );
    }
  };

  const pageviewsOf = async (
    celebrity: Celebrity,
    canonical: string,
    days: string[],
  ): Promise<PageviewsResponse | undefined> => {
    const first = days[0] ?? '';
    const last = days.at(-1) ?? '';
    const url = `${options.wikimediaBaseUrl}/metrics/pageviews/per-article/en.wikipedia/all-access/user/${encodeTitle(canonical)}/daily/${aqsTimestamp(first)}/${aqsTimestamp(last)}`;
    try {
      const response = await options.http.get(url, { celebrityId: celebrity.id });
      return parseResponse(PageviewsResponseSchema, response.data, context(celebrity, url));
    } catch (error) {
      // AQS answers 404 for an article with no recorded views in the range: that is 0 views, not an error.
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  };

  return {
    source: 'wikipedia',
    async scrape(celebrity, scrapeContext: ScrapeContext): Promise<Observation<'wikipedia'>> {
      const summary = await summaryOf(celebrity);
      const days = lastFullDays(scrapeContext.now, options.days ?? 7);
      const pageviews = await pageviewsOf(celebrity, summary.titles.canonical, days);
      return mapWikipedia(summary, zeroFilledViews(days, pageviews));
    },
  };
}

/** Wires the Wikipedia scraper from the configuration (keyless). */
export const wikipediaScraperFromConfig: CreateScraper<'wikipedia'> = ({ config, http }) =>
  createWikipediaScraper({
    http: http('wikimedia'),
    wikipediaBaseUrl: config.baseUrls.WIKIPEDIA_BASE_URL,
    wikimediaBaseUrl: config.baseUrls.WIKIMEDIA_BASE_URL,
  });
