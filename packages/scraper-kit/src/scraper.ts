import type { Logger } from '@aws-lambda-powertools/logger';
import type { Celebrity, IsoWeek, Observation, Source } from '@celebrity-pipeline/core';
import type { HttpClient } from './http-client.js';
import type { ScraperConfig } from './scraper-config.js';
import type { Provider } from './source-limits.js';

/** What a scraper knows about the run while it scrapes one celebrity. */
export interface ScrapeContext {
  runId: string;
  week: IsoWeek;
  /** Collection time, for windows such as "the last 7 full days". */
  now: Date;
  /** Every celebrity of the run (lets the news scraper batch several into one query). */
  celebrities: readonly Celebrity[];
}

/** A source's scraper: one observation per celebrity, or a thrown `ScraperError`. */
export interface Scraper<S extends Source = Source> {
  readonly source: S;
  scrape(celebrity: Celebrity, context: ScrapeContext): Promise<Observation<S>>;
}

/** What the handler gives a scraper factory. */
export interface ScraperFactoryInput {
  config: ScraperConfig;
  /** The run's rate-limited client for a provider (one per provider per run). */
  http: (provider: Provider) => HttpClient;
  logger: Logger;
}

/**
 * Builds the run's scraper from the configuration.
 * @throws MissingCredentialsError when the source's credentials are missing in live mode (→ `skipped`).
 */
export type CreateScraper<S extends Source> = (input: ScraperFactoryInput) => Scraper<S>;
