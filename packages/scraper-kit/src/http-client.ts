import { setTimeout as sleep } from 'node:timers/promises';
import type { Source } from '@celebrity-pipeline/core';
import axios, { type AxiosInstance, isAxiosError } from 'axios';
import pRetry from 'p-retry';
import { isRetryable, NetworkError, RateLimitedError, type ScraperError, TimeoutError } from './errors.js';
import { HTTP_RETRY_POLICY, type HttpRetryPolicy, retryDelayMs } from './http-retry-policy.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { classifyResponse, parseJsonBody, type RawResponse } from './response-classification.js';
import { type Provider, SOURCE_LIMITS, type SourceLimit } from './source-limits.js';
import { buildUserAgent } from './user-agent.js';

/** One request. `url` is absolute; credentials go in `headers` or `data`, never in `params`. */
export interface HttpRequest {
  method?: 'GET' | 'POST';
  url: string;
  params?: Readonly<Record<string, string | number | boolean | undefined>>;
  headers?: Readonly<Record<string, string>>;
  data?: unknown;
  /** Celebrity the request is for, attached to errors. */
  celebrityId?: string;
  /** Parse the body as JSON (default) or return the text. */
  expect?: 'json' | 'text';
  /**
   * `false`: a rate-limit answer (429, throttle text) is final for this request and thrown at once, never
   * retried (a daily quota such as NewsAPI's `rateLimited` only burns more quota when asked again). Default `true`.
   */
  retryRateLimited?: boolean;
}

/** A successful answer. `data` is parsed JSON (or the text when `expect: 'text'`). */
export interface HttpResponse {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  data: unknown;
}

/** What the client reports on each retry (for logs and the RequestsRetried metric). */
export interface RetryNotice {
  provider: Provider;
  route: string;
  celebrityId?: string;
  attempt: number;
  delayMs: number;
  error: ScraperError;
}

/** A rate-limited, retrying HTTP client for one provider. */
export interface HttpClient {
  readonly provider: Provider;
  /** @throws ScraperError subclasses: see `classifyResponse`. */
  request(request: HttpRequest): Promise<HttpResponse>;
  get(url: string, options?: Omit<HttpRequest, 'url' | 'method'>): Promise<HttpResponse>;
  post(url: string, data: unknown, options?: Omit<HttpRequest, 'url' | 'method' | 'data'>): Promise<HttpResponse>;
  /** Requests sent (attempts, retries included) and retries made so far. */
  readonly stats: { readonly requests: number; readonly retried: number };
}

/** Options of {@link createHttpClient}. */
export interface HttpClientOptions {
  provider: Provider;
  source?: Source;
  /** Defaults to `SOURCE_LIMITS[provider]`. */
  limit?: SourceLimit;
  /** Defaults to {@link HTTP_RETRY_POLICY}; tests shorten the waits. */
  retry?: HttpRetryPolicy;
  /** Defaults to {@link buildUserAgent}(). */
  userAgent?: string;
  /** An axios instance to send with (tests and the CLI inject their own); defaults to a new one. */
  axios?: AxiosInstance;
  /** Shares a limiter between clients of one provider (the Wikipedia scraper's two hosts). */
  limiter?: RateLimiter;
  onRetry?: (notice: RetryNotice) => void;
  /** Jitter source, 0 ≤ value < 1. */
  random?: () => number;
}

function lowerCaseHeaders(headers: unknown): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  if (headers === null || typeof headers !== 'object') return result;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value !== undefined && value !== null) result[name.toLowerCase()] = String(value);
  }
  return result;
}

/** The path of a URL, for messages and logs (no query string, so no credential can leak through it). */
export function routeOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

function transportError(error: unknown, context: Parameters<typeof classifyResponse>[1], timeoutMs: number) {
  const code = isAxiosError(error) ? error.code : undefined;
  const where = `${context.provider} ${context.route}`;
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    return new TimeoutError(`${where} timed out after ${timeoutMs} ms`, context);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NetworkError(`${where} network error (${code ?? 'no code'}: ${message})`, context);
}

/**
 * An HTTP client on axios + p-retry with the provider's limiter, timeout and User-Agent. Retries only
 * retryable errors (network, timeout, 5xx, 429, throttle text), with exponential backoff and jitter, or the
 * server's `Retry-After`; never 400/401/403/404. Every attempt goes through the limiter; backoff waits do not
 * hold a concurrency slot. A rate-limit answer (429, GDELT's throttle text) pauses the whole limiter, so no
 * request to the provider starts until the wait has passed (a wait the client refuses, above
 * `maxRetryAfterMs`, pauses it for `maxRetryAfterMs`).
 * @example
 * const http = createHttpClient({ provider: 'tmdb', source: 'tmdb' });
 * const { data } = await http.get(`${baseUrl}/person/31`, { headers: { Authorization: `Bearer ${token}` } });
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const limit = options.limit ?? SOURCE_LIMITS[options.provider];
  const policy = options.retry ?? HTTP_RETRY_POLICY;
  const limiter = options.limiter ?? createRateLimiter(limit);
  const instance = options.axios ?? axios.create();
  const userAgent = options.userAgent ?? buildUserAgent();
  const random = options.random ?? Math.random;
  const stats = { requests: 0, retried: 0 };

  const sendOnce = async (request: HttpRequest): Promise<HttpResponse> => {
    const context = {
      source: options.source,
      provider: options.provider,
      celebrityId: request.celebrityId,
      route: routeOf(request.url),
    };
    stats.requests += 1;
    let raw: RawResponse;
    try {
      const response = await instance.request<string>({
        method: request.method ?? 'GET',
        url: request.url,
        params: request.params,
        data: request.data,
        headers: { Accept: 'application/json', 'User-Agent': userAgent, ...request.headers },
        timeout: limit.timeoutMs,
        responseType: 'text',
        transformResponse: [(body: unknown) => body],
        validateStatus: () => true,
        maxRedirects: 5,
      });
      raw = { status: response.status, headers: lowerCaseHeaders(response.headers), text: String(response.data ?? '') };
    } catch (error) {
      throw transportError(error, context, limit.timeoutMs);
    }
    const expectJson = (request.expect ?? 'json') === 'json';
    const failure = classifyResponse(raw, context, new Date(), { expectJson });
    if (failure) throw failure;
    return {
      status: raw.status,
      headers: raw.headers,
      data: expectJson ? parseJsonBody(raw.text, { ...context, status: raw.status }) : raw.text,
    };
  };

  const request = (input: HttpRequest): Promise<HttpResponse> => {
    let givesUp = false;
    const willRetry = (error: unknown) =>
      isRetryable(error) && !(input.retryRateLimited === false && error instanceof RateLimitedError);
    return pRetry(() => limiter.schedule(() => sendOnce(input)), {
      retries: policy.retries,
      minTimeout: 0,
      factor: 1,
      randomize: false,
      onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
        if (!willRetry(error) || retriesLeft === 0) return;
        const scraperError = error as ScraperError;
        const serverWaitMs = scraperError instanceof RateLimitedError ? scraperError.retryAfterMs : undefined;
        const delayMs = retryDelayMs(attemptNumber, policy, random(), serverWaitMs);
        if (scraperError instanceof RateLimitedError) {
          // The provider said "slow down": hold every request to it, not only this URL's retry.
          limiter.pauseUntil(Date.now() + (delayMs ?? policy.maxRetryAfterMs));
        }
        if (delayMs === undefined) {
          givesUp = true;
          return;
        }
        stats.retried += 1;
        options.onRetry?.({
          provider: options.provider,
          route: routeOf(input.url),
          celebrityId: input.celebrityId,
          attempt: attemptNumber,
          delayMs,
          error: scraperError,
        });
        await sleep(delayMs);
      },
      shouldRetry: ({ error }) => willRetry(error) && !givesUp,
    });
  };

  return {
    provider: options.provider,
    request,
    get: (url, rest = {}) => request({ ...rest, url, method: 'GET' }),
    post: (url, data, rest = {}) => request({ ...rest, url, data, method: 'POST' }),
    stats,
  };
}
