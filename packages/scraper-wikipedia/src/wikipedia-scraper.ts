import { type Celebrity, type Observation, type WeekWindow, weekWindow } from '@celebrity-pipeline/core';
import {
  type CreateScraper,
  type ErrorOrigin,
  errorContext,
  type HttpClient,
  NotFoundError,
  parseResponse,
  RateLimitedError,
  type ScrapeContext,
  type Scraper,
} from '@celebrity-pipeline/scraper-kit';
import { AmbiguousTitleError, ArticleMissingError } from './errors.js';
import {
  aqsTimestamp,
  dailyViews,
  encodeTitle,
  mapWikipedia,
  unmeasuredPageviews,
  weekPageviews,
} from './wikipedia-mapping.js';
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
}

const WIKIMEDIA: ErrorOrigin = { source: 'wikipedia', provider: 'wikimedia' };

const context = (celebrity: Celebrity, url: string) => errorContext(WIKIMEDIA, { url, celebrityId: celebrity.id });

/** Why a rate-limited request leaves the week "not measured" (the client already spent its retries). */
function rateLimitedReason(error: RateLimitedError): string {
  const asked = error.retryAfterMs === undefined ? '' : ` (Retry-After ${Math.ceil(error.retryAfterMs / 1000)} s)`;
  return `wikimedia rate-limited ${error.route ?? 'the request'}${asked} beyond the retry budget`;
}

/**
 * The Wikipedia scraper: REST page summary (redirects followed to the canonical title) and per-article
 * pageviews (`user` agent, all access) for exactly the 7 dates of the week being collected. A day Wikimedia
 * has not published yet is `null`, not 0, and `days_measured` says how many days count. Rate limiting beyond
 * the retry budget leaves the week "not measured" with its reason. A 404 summary fails the celebrity with
 * `ArticleMissingError`.
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
    window: WeekWindow,
  ): Promise<PageviewsResponse | undefined> => {
    const first = aqsTimestamp(window.dates[0] ?? '');
    const last = aqsTimestamp(window.dates.at(-1) ?? '');
    const url = `${options.wikimediaBaseUrl}/metrics/pageviews/per-article/en.wikipedia/all-access/user/${encodeTitle(canonical)}/daily/${first}/${last}`;
    try {
      const response = await options.http.get(url, { celebrityId: celebrity.id });
      return parseResponse(PageviewsResponseSchema, response.data, context(celebrity, url));
    } catch (error) {
      // AQS answers 404 when it has no views in the range (none recorded, or not loaded yet).
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  };

  return {
    source: 'wikipedia',
    async scrape(celebrity, scrapeContext: ScrapeContext): Promise<Observation<'wikipedia'>> {
      const window = weekWindow(scrapeContext.week);
      let summary: WikipediaSummary | undefined;
      try {
        summary = await summaryOf(celebrity);
        const pageviews = await pageviewsOf(celebrity, summary.titles.canonical, window);
        const signals = weekPageviews(window, dailyViews(window.dates, pageviews, scrapeContext.now));
        return mapWikipedia(summary, signals, celebrity.wikipediaTitle);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        return mapWikipedia(summary, unmeasuredPageviews(window, rateLimitedReason(error)), celebrity.wikipediaTitle);
      }
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
