import type { RunSummary, Source } from '@celebrity-pipeline/core';
import type { Provider } from './source-limits.js';

/** Where a scraper error happened: which source/provider, which celebrity, which HTTP status. */
export interface ScraperErrorContext {
  source?: Source;
  provider?: Provider;
  celebrityId?: string;
  status?: number;
  /** Route or URL path (never with credentials). */
  route?: string;
}

/**
 * Base class of every error the scrapers throw. `retryable` is derived from the error's class (and, for
 * {@link UpstreamError}, its status), never guessed at the call site.
 */
export class ScraperError extends Error {
  override name = 'ScraperError';
  readonly source?: Source;
  readonly provider?: Provider;
  readonly celebrityId?: string;
  readonly status?: number;
  readonly route?: string;

  constructor(message: string, context: ScraperErrorContext = {}, options?: ErrorOptions) {
    super(message, options);
    this.source = context.source;
    this.provider = context.provider;
    this.celebrityId = context.celebrityId;
    this.status = context.status;
    this.route = context.route;
  }

  /** True when repeating the same request may succeed. */
  get retryable(): boolean {
    return false;
  }
}

/** 429, or a throttle answer such as GDELT's plain-text "Please limit requests…" with 200. */
export class RateLimitedError extends ScraperError {
  override name = 'RateLimitedError';
  constructor(
    message: string,
    context: ScraperErrorContext = {},
    /** Wait the server asked for (Retry-After, rate-limit reset headers), when it said. */
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, context, options);
  }
  override get retryable(): boolean {
    return true;
  }
}

/** 5xx: the provider failed; worth another try. */
export class UpstreamError extends ScraperError {
  override name = 'UpstreamError';
  override get retryable(): boolean {
    return true;
  }
}

/** No response: connection refused/reset, DNS, or the request timed out. */
export class NetworkError extends ScraperError {
  override name = 'NetworkError';
  override get retryable(): boolean {
    return true;
  }
}

/** The request took longer than the provider's `timeoutMs`. */
export class TimeoutError extends NetworkError {
  override name = 'TimeoutError';
}

/** 401/403: credentials missing, invalid or refused; retrying cannot help. */
export class SourceAuthError extends ScraperError {
  override name = 'SourceAuthError';
}

/** An access token expired (Bluesky `ExpiredToken`): refresh the session once, then retry. */
export class ExpiredTokenError extends SourceAuthError {
  override name = 'ExpiredTokenError';
}

/** 404: the person, article or hashtag does not exist at the source. */
export class NotFoundError extends ScraperError {
  override name = 'NotFoundError';
}

/** Any other 4xx, or a query the provider rejected (e.g. GDELT's "phrase is too short"). */
export class RequestRejectedError extends ScraperError {
  override name = 'RequestRejectedError';
}

/** The body did not have the documented shape (not JSON, missing fields, wrong types). */
export class MalformedResponseError extends ScraperError {
  override name = 'MalformedResponseError';
}

/** Configuration is invalid; the message names the environment variable. */
export class ScraperConfigError extends ScraperError {
  override name = 'ScraperConfigError';
}

/** A source's credentials are missing in live mode: the run is skipped, never crashed. */
export class MissingCredentialsError extends ScraperError {
  override name = 'MissingCredentialsError';
  constructor(
    readonly variables: readonly string[],
    context: ScraperErrorContext = {},
  ) {
    super(
      `Expected ${variables.map((variable) => `\`${variable}\``).join(' and ')} to be set (live mode, source ${context.source ?? 'unknown'})`,
      context,
    );
  }
}

/** More than the allowed share of celebrities failed: the invocation fails so the platform retries it. */
export class FailureThresholdError extends ScraperError {
  override name = 'FailureThresholdError';
  constructor(
    message: string,
    context: ScraperErrorContext,
    readonly failedShare: number,
    readonly threshold: number,
    /** The run's recorded summary (what it wrote before failing), for a caller in the same process. */
    readonly summary?: RunSummary,
  ) {
    super(message, context);
  }
}

/** True for errors a retry may fix; unknown errors are not retried. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ScraperError && error.retryable;
}
