export { GdeltUnreadableError, NewsApiError } from './errors.js';
export { type GdeltBody, isEmptyAnswer, parseGdeltBody, repairInvalidEscapes } from './gdelt-body.js';
export { createGdeltDocClient, type GdeltDocClient, type GdeltDocClientOptions } from './gdelt-doc-client.js';
export {
  attributeArticles,
  buildGdeltQuery,
  celebrityTerms,
  GDELT_QUERY_LIMITS,
  type GdeltQueryLimits,
  isQueriedAlone,
  isShortTerm,
  mentions,
  namesOf,
  queryTerm,
} from './gdelt-query.js';
export { createGdeltNewsScraper, type GdeltNewsScraperOptions } from './gdelt-scraper.js';
export { type CelebrityOutcome, measureGdeltWeek, notMeasuredReason } from './gdelt-week-measurement.js';
export { gdeltDateTime, gdeltWindowParams } from './gdelt-window.js';
export { isRemovedArticle, mapGdeltArticles, mapNewsApi, NEWS_WINDOW_DAYS, unmeasuredNews } from './news-mapping.js';
export {
  type GdeltArticle,
  GdeltArticleSchema,
  GdeltArtListSchema,
  type GdeltTimeline,
  GdeltTimelinePointSchema,
  GdeltTimelineSchema,
  type NewsApiArticle,
  NewsApiArticleSchema,
  type NewsApiResponse,
  NewsApiResponseSchema,
  parseNews,
  timelineArticleCount,
} from './news-responses.js';
export { newsScraperFromConfig } from './news-scraper.js';
export {
  createNewsApiScraper,
  type NewsApiScraperOptions,
  newsApiQuery,
  newsApiWindowParams,
} from './newsapi-scraper.js';
export { newsRequestCost, newsRequestsFor } from './request-cost.js';
export {
  type CountedCelebrity,
  isUnexpectedlyFull,
  maxTitleRequests,
  pageShareOf,
  planTitleBatches,
  splitBatch,
} from './title-batches.js';
