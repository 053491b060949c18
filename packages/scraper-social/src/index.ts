export {
  BLUESKY_SEARCH_LIMITS,
  type BlueskySocialScraperOptions,
  blueskySearchNames,
  createBlueskySocialScraper,
} from './bluesky-scraper.js';
export { BlueskySessionError } from './errors.js';
export {
  createMastodonSocialScraper,
  MASTODON_TIMELINE_LIMITS,
  type MastodonSocialScraperOptions,
  mastodonIdAt,
} from './mastodon-scraper.js';
export {
  htmlToText,
  mapBlueskyPosts,
  mapMastodonStatuses,
  type SocialSample,
  unmeasuredMastodon,
} from './social-mapping.js';
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
