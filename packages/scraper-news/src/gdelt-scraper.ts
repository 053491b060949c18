import type { Celebrity, IsoWeek, Observation } from '@celebrity-pipeline/core';
import { type HttpClient, type ScrapeContext, type Scraper, ScraperError } from '@celebrity-pipeline/scraper-kit';
import { createGdeltDocClient } from './gdelt-doc-client.js';
import { GDELT_QUERY_LIMITS, type GdeltQueryLimits } from './gdelt-query.js';
import { type CelebrityOutcome, measureGdeltWeek } from './gdelt-week-measurement.js';

/** Options of {@link createGdeltNewsScraper}. */
export interface GdeltNewsScraperOptions {
  /** The run's GDELT client (single flight, ≥ 5 s between requests). */
  http: HttpClient;
  /** e.g. `https://api.gdeltproject.org/api/v2` */
  baseUrl: string;
  limits?: GdeltQueryLimits;
}

/**
 * The GDELT DOC 2.0 news scraper (keyless default). The run's week is measured once for the run's whole list
 * (`measureGdeltWeek`: one exact count per celebrity, then titles in batches), and each `scrape` returns its
 * celebrity's share of that.
 */
export function createGdeltNewsScraper(options: GdeltNewsScraperOptions): Scraper<'news'> {
  const limits = options.limits ?? GDELT_QUERY_LIMITS;
  const client = createGdeltDocClient({ http: options.http, baseUrl: options.baseUrl, maxRecords: limits.maxRecords });
  const measured = new WeakMap<readonly Celebrity[], Map<IsoWeek, Promise<Map<string, CelebrityOutcome>>>>();

  const weekOf = (celebrities: readonly Celebrity[], week: IsoWeek) => {
    const weeks = measured.get(celebrities) ?? new Map<IsoWeek, Promise<Map<string, CelebrityOutcome>>>();
    measured.set(celebrities, weeks);
    let outcomes = weeks.get(week);
    if (!outcomes) {
      outcomes = measureGdeltWeek(client, celebrities, week, limits);
      weeks.set(week, outcomes);
    }
    return outcomes;
  };

  return {
    source: 'news',
    async scrape(celebrity, context: ScrapeContext): Promise<Observation<'news'>> {
      const list = context.celebrities.some((entry) => entry.id === celebrity.id) ? context.celebrities : [celebrity];
      const outcome = (await weekOf(list, context.week)).get(celebrity.id);
      if (!outcome)
        throw new ScraperError(`gdelt did not measure ${celebrity.id}`, { source: 'news', celebrityId: celebrity.id });
      if (!outcome.ok) throw outcome.error;
      return outcome.observation;
    },
  };
}
