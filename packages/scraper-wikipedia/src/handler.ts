import { createScraperHandler } from '@celebrity-pipeline/scraper-kit';
import { wikipediaScraperFromConfig } from './wikipedia-scraper.js';

/** Lambda entry of scraper-wikipedia (EventBridge Scheduled Event → run summary). */
export const handler = createScraperHandler({ source: 'wikipedia', createScraper: wikipediaScraperFromConfig });
