import { type CreateScraper, requireCredentials } from '@celebrity-pipeline/scraper-kit';
import { createBlueskySocialScraper } from './bluesky-scraper.js';
import { createMastodonSocialScraper } from './mastodon-scraper.js';

/**
 * Wires the social scraper from the configuration: Bluesky (default; needs `BLUESKY_IDENTIFIER` and
 * `BLUESKY_APP_PASSWORD`, else the run is skipped in live mode) or keyless Mastodon (`SOCIAL_PROVIDER=mastodon`).
 */
export const socialScraperFromConfig: CreateScraper<'social'> = ({ config, http }) => {
  if (config.socialProvider === 'mastodon') {
    return createMastodonSocialScraper({ http: http('mastodon'), baseUrl: config.baseUrls.MASTODON_BASE_URL });
  }
  const credentials = requireCredentials(config, 'social', ['blueskyIdentifier', 'blueskyAppPassword']);
  return createBlueskySocialScraper({
    http: http('bluesky'),
    baseUrl: config.baseUrls.BLUESKY_BASE_URL,
    identifier: credentials.blueskyIdentifier,
    appPassword: credentials.blueskyAppPassword,
  });
};
