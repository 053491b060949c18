/** The HTTP providers the scrapers call; each has its own limiter. Wikipedia and Wikimedia share `wikimedia`. */
export const PROVIDERS = ['tmdb', 'wikimedia', 'gdelt', 'newsapi', 'bluesky', 'mastodon'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** How fast and how wide one provider may be called. */
export interface SourceLimit {
  /** Request starts per second (token spacing of 1000 / rps ms). */
  requestsPerSecond: number;
  /** Minimum time between two request starts, whatever `requestsPerSecond` says. */
  minSpacingMs: number;
  /** Requests in flight at once. */
  maxConcurrency: number;
  /** Per-request timeout. */
  timeoutMs: number;
}

/**
 * The one table of source limits (`research/source-apis.md` §0, §5). Infra, the Lambdas and the local runtime
 * import it; a copied constant is a bug.
 *
 * | provider | documented limit | ours |
 * | --- | --- | --- |
 * | TMDB | ~40 req/s | 20 req/s, 8 in flight |
 * | Wikipedia + Wikimedia | ≤ 3 concurrent, Retry-After on 429 | 3 in flight, 10 req/s |
 * | GDELT DOC 2.0 | 1 request / 5 s | single flight, 6 s between starts, 30 s timeout |
 * | NewsAPI | 50 req / 12 h (Developer plan) | single flight, 1 req/s |
 * | Bluesky | 3 000 req / 5 min per IP | 5 req/s, 4 in flight |
 * | Mastodon | 300 req / 5 min per IP | 1 req/s, 2 in flight |
 */
export const SOURCE_LIMITS: Readonly<Record<Provider, Readonly<SourceLimit>>> = Object.freeze({
  tmdb: { requestsPerSecond: 20, minSpacingMs: 0, maxConcurrency: 8, timeoutMs: 15_000 },
  wikimedia: { requestsPerSecond: 10, minSpacingMs: 0, maxConcurrency: 3, timeoutMs: 15_000 },
  gdelt: { requestsPerSecond: 1, minSpacingMs: 6_000, maxConcurrency: 1, timeoutMs: 30_000 },
  newsapi: { requestsPerSecond: 1, minSpacingMs: 0, maxConcurrency: 1, timeoutMs: 15_000 },
  bluesky: { requestsPerSecond: 5, minSpacingMs: 0, maxConcurrency: 4, timeoutMs: 15_000 },
  mastodon: { requestsPerSecond: 1, minSpacingMs: 0, maxConcurrency: 2, timeoutMs: 15_000 },
});

/** What a provider itself publishes as its limit, per client IP or key (all our invocations together). */
export interface PublishedLimit {
  /** Request starts per second the provider allows; none published → unbounded by rate. */
  requestsPerSecond?: number;
  /** Requests in flight at once the provider asks for; none published → unbounded by concurrency. */
  concurrentRequests?: number;
}

/**
 * The providers' published limits (`research/source-apis.md`), which bound how many invocations may run at once
 * (the collection plan's `MaxConcurrency`): TMDB "~40 requests per second"; Wikimedia "3 concurrent requests or
 * fewer"; GDELT "one every 5 seconds"; NewsAPI Developer 50 per 12 h; Bluesky 3 000 per 5 min per IP; Mastodon
 * 300 per 5 min per IP.
 */
export const PUBLISHED_LIMITS: Readonly<Record<Provider, Readonly<PublishedLimit>>> = Object.freeze({
  tmdb: { requestsPerSecond: 40 },
  wikimedia: { concurrentRequests: 3 },
  gdelt: { requestsPerSecond: 1 / 5, concurrentRequests: 1 },
  newsapi: { requestsPerSecond: 50 / (12 * 3_600) },
  bluesky: { requestsPerSecond: 3_000 / 300 },
  mastodon: { requestsPerSecond: 300 / 300 },
});

/**
 * Request starts are spaced 10% wider than `1000 / requestsPerSecond`, so network jitter cannot squeeze
 * `requestsPerSecond + 1` arrivals into one second at the server.
 */
export const RATE_SAFETY_MARGIN = 1.1;

/** Time between two request starts implied by a limit. */
export function spacingMs(limit: Pick<SourceLimit, 'requestsPerSecond' | 'minSpacingMs'>): number {
  return Math.max(limit.minSpacingMs, Math.ceil((1_000 / limit.requestsPerSecond) * RATE_SAFETY_MARGIN));
}
