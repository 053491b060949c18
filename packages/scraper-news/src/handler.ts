import { createScraperHandler } from '@celebrity-pipeline/scraper-kit';
import { newsScraperFromConfig } from './news-scraper.js';

/** Lambda entry of scraper-news (EventBridge Scheduled Event → run summary). */
export const handler = createScraperHandler({ source: 'news', createScraper: newsScraperFromConfig });
