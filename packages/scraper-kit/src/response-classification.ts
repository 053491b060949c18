import {
  ExpiredTokenError,
  MalformedResponseError,
  NotFoundError,
  RateLimitedError,
  RequestRejectedError,
  type ScraperError,
  type ScraperErrorContext,
  SourceAuthError,
  UpstreamError,
} from './errors.js';

/** What the client saw, before any interpretation. */
export interface RawResponse {
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  text: string;
}

/** GDELT's throttle answer; it comes with 429 and sometimes with 200 (`research/source-apis.md` §3.1). */
export const GDELT_THROTTLE_PATTERN = /please limit requests/i;

const BODY_SNIPPET_LENGTH = 200;

/** The first characters of a body, on one line, for error messages. */
export function bodySnippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_SNIPPET_LENGTH ? `${flat.slice(0, BODY_SNIPPET_LENGTH)}…` : flat;
}

/**
 * The wait a server asked for, in ms: `Retry-After` (seconds or HTTP date), Bluesky's `ratelimit-reset`
 * (epoch seconds) or Mastodon's `x-ratelimit-reset` (ISO time). `undefined` when none is usable.
 */
export function retryAfterMs(headers: RawResponse['headers'], now: Date): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1_000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now.getTime());
  }
  const reset = headers['ratelimit-reset']?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1_000 - now.getTime());
  const isoReset = headers['x-ratelimit-reset']?.trim();
  if (isoReset && !Number.isNaN(Date.parse(isoReset))) return Math.max(0, Date.parse(isoReset) - now.getTime());
  return undefined;
}

/** True when the content type says JSON (`application/json`, `application/problem+json`, …). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /[/+]json\b/i.test(contentType);
}

function jsonErrorName(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && 'error' in value && typeof value.error === 'string') {
      return value.error;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Turns a response into the error it means, or `undefined` when it is a usable answer. Pure.
 * 2xx plain text is a throttle (GDELT, retryable) or a rejected query; 429 → rate limited (with the
 * server's wait); 401/403 → auth (ExpiredToken → {@link ExpiredTokenError}); 404 → not found;
 * 5xx → upstream; other statuses → rejected.
 */
export function classifyResponse(
  response: RawResponse,
  context: ScraperErrorContext,
  now: Date,
  options: { expectJson: boolean },
): ScraperError | undefined {
  const { status, text } = response;
  const where = `${context.provider ?? 'source'} ${context.route ?? ''}`.trim();
  const detail = `HTTP ${status}: ${bodySnippet(text) || '(empty body)'}`;
  const withStatus = { ...context, status };
  const isTextBody = !/^\s*[[{]/.test(text);
  if (status === 429 || (isTextBody && GDELT_THROTTLE_PATTERN.test(text.slice(0, 500)))) {
    return new RateLimitedError(`${where} rate limited (${detail})`, withStatus, retryAfterMs(response.headers, now));
  }
  if (status >= 200 && status < 300) {
    const isJson = isJsonContentType(response.headers['content-type']);
    if (options.expectJson && !isJson && isTextBody) {
      return new RequestRejectedError(`${where} answered with text instead of JSON (${detail})`, withStatus);
    }
    return undefined;
  }
  const errorName = jsonErrorName(text);
  if ((status === 400 || status === 401) && errorName === 'ExpiredToken') {
    return new ExpiredTokenError(`${where} access token expired (${detail})`, withStatus);
  }
  if (status === 401 || status === 403)
    return new SourceAuthError(`${where} refused the credentials (${detail})`, withStatus);
  if (status === 404) return new NotFoundError(`${where} not found (${detail})`, withStatus);
  if (status >= 500) return new UpstreamError(`${where} failed (${detail})`, withStatus);
  return new RequestRejectedError(`${where} rejected the request (${detail})`, withStatus);
}

/**
 * Parses a JSON body.
 * @throws MalformedResponseError naming the route when the body is not JSON.
 */
export function parseJsonBody(text: string, context: ScraperErrorContext): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedResponseError(
      `${context.provider ?? 'source'} ${context.route ?? ''} returned a body that is not JSON: ${bodySnippet(text) || '(empty body)'}`,
      context,
      { cause: error },
    );
  }
}
