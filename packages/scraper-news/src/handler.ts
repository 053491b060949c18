import { createScraperHandler } from '@celebrity-pipeline/scraper-kit';
import { newsScraperFromConfig } from './news-scraper.js';
import { newsRequestCost } from './request-cost.js';

/** Lambda entry of scraper-news (a shard event of the state machine, or the EventBridge Scheduled Event when the list fits one invocation → run summary). */
export const handler = createScraperHandler({
  source: 'news',
  createScraper: newsScraperFromConfig,
  requestCost: newsRequestCost,
});
