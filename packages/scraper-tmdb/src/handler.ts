import { createScraperHandler } from '@celebrity-pipeline/scraper-kit';
import { tmdbScraperFromConfig } from './tmdb-scraper.js';

/** Lambda entry of scraper-tmdb (EventBridge Scheduled Event → run summary). */
export const handler = createScraperHandler({ source: 'tmdb', createScraper: tmdbScraperFromConfig });
