export { NewsApiError } from './errors.js';
export {
  attributeArticles,
  batchCelebrities,
  buildGdeltQuery,
  GDELT_QUERY_LIMITS,
  mentions,
  namesOf,
  queryTerm,
} from './gdelt-query.js';
export { createGdeltNewsScraper, type GdeltNewsScraperOptions } from './gdelt-scraper.js';
export { isRemovedArticle, mapGdeltArticles, mapNewsApi, NEWS_WINDOW_DAYS, unmeasuredGdelt } from './news-mapping.js';
export {
  type GdeltArticle,
  GdeltArticleSchema,
  GdeltArtListSchema,
  type NewsApiArticle,
  NewsApiArticleSchema,
  type NewsApiResponse,
  NewsApiResponseSchema,
  parseNews,
} from './news-responses.js';
export { newsScraperFromConfig } from './news-scraper.js';
export { createNewsApiScraper, type NewsApiScraperOptions, newsApiQuery } from './newsapi-scraper.js';
export { newsRequestCost } from './request-cost.js';
