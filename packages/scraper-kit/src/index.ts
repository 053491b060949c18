export {
  CELEBRITY_LIST_VARIABLES,
  type CelebrityListClients,
  type CelebrityListLocation,
  celebrityListLocationOf,
  describeCelebrityListLocation,
  formatCelebrityListUri,
  isRemoteCelebrityList,
  loadCelebrityList,
  parseCelebrityListUri,
  parseS3Uri,
} from './celebrity-list-location.js';
export { type ChunkedWriter, createChunkedWriter, WRITE_CHUNK_SIZE, type WriteTotals } from './chunked-writer.js';
export { requireCredentials } from './credentials.js';
export { type ErrorOrigin, type ErrorRequest, errorContext } from './error-context.js';
export {
  ExpiredTokenError,
  FailureThresholdError,
  isRetryable,
  MalformedResponseError,
  MissingCredentialsError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  RequestRejectedError,
  ScraperConfigError,
  ScraperError,
  type ScraperErrorContext,
  SourceAuthError,
  TimeoutError,
  UpstreamError,
} from './errors.js';
export {
  createScraperHandler,
  defaultHandlerDependencies,
  type HandlerDependencies,
  type ScraperHandler,
  type ScraperHandlerOptions,
} from './handler-factory.js';
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
  type RetryNotice,
  routeOf,
} from './http-client.js';
export { backoffDelayMs, HTTP_RETRY_POLICY, type HttpRetryPolicy, retryDelayMs } from './http-retry-policy.js';
export { mapIsolated, type Settled } from './map-isolated.js';
export { parseResponse } from './parse-response.js';
export { createRateLimiter, type RateLimiter } from './rate-limiter.js';
export {
  bodySnippet,
  classifyResponse,
  GDELT_THROTTLE_PATTERN,
  isJsonContentType,
  parseJsonBody,
  type RawResponse,
  retryAfterMs,
} from './response-classification.js';
export { boundedReason, exceedsFailureThreshold, failedShare, summarizeRun } from './run-outcome.js';
export { type RunRequest, resolveRunRequest, ShardingRequiredError, scheduledRun } from './run-request.js';
export { type RunScraperOptions, runScraper } from './run-scraper.js';
export { parseScheduledEvent, ScheduledEventSchema } from './scheduled-event.js';
export type { CreateScraper, ScrapeContext, Scraper, ScraperFactoryInput } from './scraper.js';
export {
  BASE_URL_DEFAULTS,
  type BaseUrlVariable,
  DEFAULT_FAILURE_THRESHOLD,
  DEFAULT_SCRAPE_CONCURRENCY,
  type LoadScraperConfigOptions,
  loadScraperConfig,
  MAX_RETAIN_WEEKS,
  NEWS_PROVIDERS,
  type NewsProvider,
  REPLAY_CREDENTIALS,
  type ScraperConfig,
  type ScraperCredentials,
  SOCIAL_PROVIDERS,
  type SocialProvider,
} from './scraper-config.js';
export { anyOfQuery, quotedPhrase } from './search-terms.js';
export { CREDENTIAL_VARIABLES, type CredentialVariable, readCredentialSecret } from './secrets.js';
export {
  celebrityListHash,
  isShardEventLike,
  parseShardEvent,
  SHARD_EVENT_KIND,
  type ShardEvent,
  ShardEventSchema,
  type ShardSlice,
  ShardSliceSchema,
} from './shard-event.js';
export {
  DEFAULT_PROVIDERS,
  maxConcurrencyOf,
  type RequestCost,
  SCRAPER_TIMEOUT_SECONDS,
  SHARD_BUDGET_SHARE,
  type Shard,
  type ShardSizingInput,
  sizeShards,
  sourceMaxConcurrency,
} from './shard-sizing.js';
export {
  PROVIDERS,
  type Provider,
  PUBLISHED_LIMITS,
  type PublishedLimit,
  RATE_SAFETY_MARGIN,
  SOURCE_LIMITS,
  type SourceLimit,
  spacingMs,
} from './source-limits.js';
export {
  createScraperLogger,
  createScraperMetrics,
  METRICS_NAMESPACE,
  publishRunMetrics,
  RUN_STARTED_MESSAGE,
  SCRAPER_METRICS,
  scraperMetricDimensions,
  scraperServiceName,
} from './telemetry.js';
export { buildUserAgent, REPLAY_CONTACT, SCRAPER_KIT_VERSION } from './user-agent.js';
