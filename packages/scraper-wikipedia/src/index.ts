export { AmbiguousTitleError, ArticleMissingError } from './errors.js';
export {
  aqsTimestamp,
  dailyViews,
  encodeTitle,
  isPublishedDay,
  mapWikipedia,
  PAGEVIEWS_PUBLISH_LAG_DAYS,
  unmeasuredPageviews,
  weekPageviews,
} from './wikipedia-mapping.js';
export {
  type PageviewsResponse,
  PageviewsResponseSchema,
  type WikipediaSummary,
  WikipediaSummarySchema,
} from './wikipedia-responses.js';
export {
  createWikipediaScraper,
  type WikipediaScraperOptions,
  wikipediaScraperFromConfig,
} from './wikipedia-scraper.js';
