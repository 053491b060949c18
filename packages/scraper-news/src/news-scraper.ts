import { type CreateScraper, requireCredentials } from '@celebrity-pipeline/scraper-kit';
import { createGdeltNewsScraper } from './gdelt-scraper.js';
import { createNewsApiScraper } from './newsapi-scraper.js';

/**
 * Wires the news scraper from the configuration: NewsAPI only when `NEWS_PROVIDER=newsapi` (a missing key in
 * live mode then skips the run), else keyless GDELT. A key alone never switches providers.
 */
export const newsScraperFromConfig: CreateScraper<'news'> = ({ config, http }) => {
  if (config.newsProvider === 'newsapi') {
    const { newsApiKey } = requireCredentials(config, 'news', ['newsApiKey']);
    return createNewsApiScraper({
      http: http('newsapi'),
      baseUrl: config.baseUrls.NEWSAPI_BASE_URL,
      apiKey: newsApiKey,
    });
  }
  return createGdeltNewsScraper({ http: http('gdelt'), baseUrl: config.baseUrls.GDELT_BASE_URL });
};
