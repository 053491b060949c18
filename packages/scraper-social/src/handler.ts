import { createScraperHandler } from '@celebrity-pipeline/scraper-kit';
import { socialRequestCost } from './request-cost.js';
import { socialScraperFromConfig } from './social-scraper.js';

/** Lambda entry of scraper-social (a shard event of the state machine, or the EventBridge Scheduled Event when the list fits one invocation → run summary). */
export const handler = createScraperHandler({
  source: 'social',
  createScraper: socialScraperFromConfig,
  requestCost: socialRequestCost,
});
