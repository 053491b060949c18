export { PersonNotFoundError } from './errors.js';
export { mapTmdbPerson, pickSearchResult } from './tmdb-mapping.js';
export {
  type TmdbPerson,
  TmdbPersonSchema,
  type TmdbSearchResponse,
  TmdbSearchResponseSchema,
} from './tmdb-responses.js';
export { createTmdbScraper, type TmdbScraperOptions, tmdbScraperFromConfig } from './tmdb-scraper.js';
