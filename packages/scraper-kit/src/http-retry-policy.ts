/** How the HTTP clients retry retryable failures (network errors, timeouts, 5xx, 429, throttle answers). */
export interface HttpRetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** Backoff growth per attempt. */
  factor: number;
  /** First backoff. */
  minTimeoutMs: number;
  /** Largest backoff. */
  maxTimeoutMs: number;
  /** Multiply each backoff by a random factor in [1, 2) so clients do not retry in lockstep. */
  randomize: boolean;
  /** A Retry-After longer than this is not waited for: the request fails as rate limited. */
  maxRetryAfterMs: number;
}

/**
 * The one HTTP retry policy (`research/source-apis.md` §5: retries 3–4, factor 2, 1 s to 60 s, jitter).
 * `Retry-After` (or a rate-limit reset header) replaces the backoff when the server sends one.
 * 400/401/403/404 are never retried.
 */
export const HTTP_RETRY_POLICY: Readonly<HttpRetryPolicy> = Object.freeze({
  retries: 4,
  factor: 2,
  minTimeoutMs: 1_000,
  maxTimeoutMs: 60_000,
  randomize: true,
  maxRetryAfterMs: 120_000,
});

/**
 * Backoff before retry number `attempt` (1-based), with jitter from `random` (0 ≤ random < 1).
 * @example backoffDelayMs(3, HTTP_RETRY_POLICY, 0) // 4000
 */
export function backoffDelayMs(attempt: number, policy: HttpRetryPolicy, random: number): number {
  const jitter = policy.randomize ? 1 + random : 1;
  const delay = Math.round(jitter * policy.minTimeoutMs * policy.factor ** Math.max(0, attempt - 1));
  return Math.min(delay, policy.maxTimeoutMs);
}

/**
 * The wait before the next attempt: the server's `retryAfterMs` when it sent one, else the backoff.
 * Returns `undefined` when the server asks for longer than `maxRetryAfterMs` (give up now).
 */
export function retryDelayMs(
  attempt: number,
  policy: HttpRetryPolicy,
  random: number,
  retryAfterMs?: number,
): number | undefined {
  if (retryAfterMs === undefined) return backoffDelayMs(attempt, policy, random);
  return retryAfterMs > policy.maxRetryAfterMs ? undefined : retryAfterMs;
}
