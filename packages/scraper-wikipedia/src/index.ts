export { AmbiguousTitleError, ArticleMissingError } from './errors.js';
export { wikipediaRequestCost } from './request-cost.js';
export { aqsTimestamp, encodeTitle, mapWikipedia, zeroFilledViews } from './wikipedia-mapping.js';
export {
  type PageviewsResponse,
  PageviewsResponseSchema,
  parseWikimedia,
  type WikipediaSummary,
  WikipediaSummarySchema,
} from './wikipedia-responses.js';
export {
  createWikipediaScraper,
  type WikipediaScraperOptions,
  wikipediaScraperFromConfig,
} from './wikipedia-scraper.js';
