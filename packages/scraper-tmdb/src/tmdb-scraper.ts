import type { Celebrity, Observation } from '@celebrity-pipeline/core';
import {
  type CreateScraper,
  type ErrorOrigin,
  errorContext,
  type HttpClient,
  parseResponse,
  requireCredentials,
  type Scraper,
} from '@celebrity-pipeline/scraper-kit';
import { PersonNotFoundError } from './errors.js';
import { mapTmdbPerson, pickSearchResult } from './tmdb-mapping.js';
import { TmdbPersonSchema, TmdbSearchResponseSchema } from './tmdb-responses.js';

/** Options of {@link createTmdbScraper}. */
export interface TmdbScraperOptions {
  /** The run's TMDB client (rate limits and retries come with it). */
  http: HttpClient;
  /** e.g. `https://api.themoviedb.org/3` */
  baseUrl: string;
  /** v4 API Read Access Token, sent as `Authorization: Bearer`. */
  token: string;
  /** celebrity id → TMDB person id, filled by `/search/person`; shared across warm invocations by default. */
  idCache?: Map<string, number>;
  /** Clock: when a popularity was read (`measured_at`). Default: the system clock. */
  now?: () => Date;
}

const TMDB: ErrorOrigin = { source: 'tmdb', provider: 'tmdb' };

/** TMDB person ids resolved so far in this process (a warm Lambda keeps them). */
const RESOLVED_TMDB_IDS = new Map<string, number>();

/**
 * The TMDB scraper: resolves the person (`tmdbId`, else the cache, else `/search/person`), then reads
 * `/person/{id}?append_to_response=external_ids`. Signal = popularity (a current value: the item records when
 * it was read in `measured_at`, and `is_backfill` for a week collected after its own collection period); text =
 * biography.
 * @example const scraper = createTmdbScraper({ http, baseUrl, token }); await scraper.scrape(celebrity, context);
 */
export function createTmdbScraper(options: TmdbScraperOptions): Scraper<'tmdb'> {
  const cache = options.idCache ?? RESOLVED_TMDB_IDS;
  const now = options.now ?? (() => new Date());
  const headers = { Authorization: `Bearer ${options.token}` };

  const resolveId = async (celebrity: Celebrity): Promise<number> => {
    const known = celebrity.tmdbId ?? cache.get(celebrity.id);
    if (known !== undefined) return known;
    const url = `${options.baseUrl}/search/person`;
    const response = await options.http.get(url, {
      params: { query: celebrity.name, include_adult: false, language: 'en-US', page: 1 },
      headers,
      celebrityId: celebrity.id,
    });
    const context = errorContext(TMDB, { url, celebrityId: celebrity.id });
    const id = pickSearchResult(celebrity, parseResponse(TmdbSearchResponseSchema, response.data, context));
    if (id === undefined)
      throw new PersonNotFoundError(`tmdb has no person named "${celebrity.name}"`, { ...context, status: 200 });
    cache.set(celebrity.id, id);
    return id;
  };

  return {
    source: 'tmdb',
    async scrape(celebrity): Promise<Observation<'tmdb'>> {
      const id = await resolveId(celebrity);
      const url = `${options.baseUrl}/person/${id}`;
      const response = await options.http.get(url, {
        params: { language: 'en-US', append_to_response: 'external_ids' },
        headers,
        celebrityId: celebrity.id,
      });
      const context = errorContext(TMDB, { url, celebrityId: celebrity.id });
      return mapTmdbPerson(parseResponse(TmdbPersonSchema, response.data, context), now());
    },
  };
}

/** Wires the TMDB scraper from the configuration. Missing `TMDB_API_TOKEN` in live mode → the run is skipped. */
export const tmdbScraperFromConfig: CreateScraper<'tmdb'> = ({ config, http }) => {
  const { tmdbToken } = requireCredentials(config, 'tmdb', ['tmdbToken']);
  return createTmdbScraper({ http: http('tmdb'), baseUrl: config.baseUrls.TMDB_BASE_URL, token: tmdbToken });
};
