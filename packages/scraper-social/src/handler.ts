import { createScraperHandler } from '@celebrity-pipeline/scraper-kit';
import { socialScraperFromConfig } from './social-scraper.js';

/** Lambda entry of scraper-social (EventBridge Scheduled Event → run summary). */
export const handler = createScraperHandler({ source: 'social', createScraper: socialScraperFromConfig });
