export { AmbiguousTitleError, ArticleMissingError } from './errors.js';
export { aqsTimestamp, encodeTitle, mapWikipedia, zeroFilledViews } from './wikipedia-mapping.js';
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
