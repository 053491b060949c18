import { createScraperHandler } from '@celebrity-pipeline/scraper-kit';
import { tmdbRequestCost } from './request-cost.js';
import { tmdbScraperFromConfig } from './tmdb-scraper.js';

/** Lambda entry of scraper-tmdb (a shard event of the state machine, or the EventBridge Scheduled Event when the list fits one invocation → run summary). */
export const handler = createScraperHandler({
  source: 'tmdb',
  createScraper: tmdbScraperFromConfig,
  requestCost: tmdbRequestCost,
});
