export {
  type BlueskySocialScraperOptions,
  blueskyQuery,
  createBlueskySocialScraper,
  SOCIAL_WINDOW_DAYS,
} from './bluesky-scraper.js';
export { BlueskySessionError } from './errors.js';
export { createMastodonSocialScraper, type MastodonSocialScraperOptions } from './mastodon-scraper.js';
export { htmlToText, mapBlueskySearch, mapMastodonStatuses } from './social-mapping.js';
export {
  type BlueskyPost,
  BlueskyPostSchema,
  type BlueskySearch,
  BlueskySearchSchema,
  type BlueskySession,
  BlueskySessionSchema,
  type MastodonStatus,
  MastodonStatusSchema,
  MastodonTimelineSchema,
} from './social-responses.js';
export { socialScraperFromConfig } from './social-scraper.js';
