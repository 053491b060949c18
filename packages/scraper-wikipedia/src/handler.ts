import { createScraperHandler } from '@celebrity-pipeline/scraper-kit';
import { wikipediaRequestCost } from './request-cost.js';
import { wikipediaScraperFromConfig } from './wikipedia-scraper.js';

/** Lambda entry of scraper-wikipedia (a shard event of the state machine, or the EventBridge Scheduled Event when the list fits one invocation → run summary). */
export const handler = createScraperHandler({
  source: 'wikipedia',
  createScraper: wikipediaScraperFromConfig,
  requestCost: wikipediaRequestCost,
});
