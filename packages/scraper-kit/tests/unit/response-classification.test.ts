import { describe, expect, it } from 'vitest';
import {
  classifyResponse,
  ExpiredTokenError,
  MalformedResponseError,
  NotFoundError,
  parseJsonBody,
  RateLimitedError,
  RequestRejectedError,
  retryAfterMs,
  SourceAuthError,
  UpstreamError,
} from '../../src/index.js';

const now = new Date('2026-11-22T00:00:00Z');
const json = { 'content-type': 'application/json' };
const classify = (status: number, text: string, headers: Record<string, string> = json, expectJson = true) =>
  classifyResponse({ status, headers, text }, { provider: 'tmdb', route: '/3/person/31' }, now, { expectJson });

describe('classifyResponse', () => {
  it('accepts 2xx JSON', () => {
    expect(classify(200, '{"id":1}')).toBeUndefined();
  });

  it('treats 429 as rate limited with the Retry-After wait, and retryable', () => {
    const error = classify(429, '{"status_code":25}', { ...json, 'retry-after': '2' });
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(2_000);
    expect(error?.retryable).toBe(true);
    expect(error?.status).toBe(429);
  });

  it("treats GDELT's throttle text answered with 200 as rate limited", () => {
    const error = classify(200, 'Please limit requests to one every 5 seconds or contact kalev', {
      'content-type': 'text/html',
    });
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error?.retryable).toBe(true);
  });

  it('treats other 200 text as a rejected query, not retryable', () => {
    const error = classify(200, 'The specified phrase is too short.', { 'content-type': 'text/html' });
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error?.retryable).toBe(false);
    expect(error?.message).toContain('phrase is too short');
  });

  it('never retries 400/401/403/404 and retries 5xx', () => {
    expect(classify(400, '{}')?.retryable).toBe(false);
    expect(classify(401, '{}')).toBeInstanceOf(SourceAuthError);
    expect(classify(403, 'Forbidden', { 'content-type': 'text/html' })).toBeInstanceOf(SourceAuthError);
    expect(classify(404, '{}')).toBeInstanceOf(NotFoundError);
    for (const status of [400, 401, 403, 404]) expect(classify(status, '{}')?.retryable).toBe(false);
    expect(classify(503, '{}')).toBeInstanceOf(UpstreamError);
    expect(classify(503, '{}')?.retryable).toBe(true);
  });

  it('recognises Bluesky ExpiredToken', () => {
    expect(classify(400, '{"error":"ExpiredToken","message":"Token has expired"}')).toBeInstanceOf(ExpiredTokenError);
  });

  it('names provider, route and status in the message', () => {
    expect(classify(500, '{"status_code":11}')?.message).toBe(
      'tmdb /3/person/31 failed (HTTP 500: {"status_code":11})',
    );
  });
});

describe('retryAfterMs', () => {
  it('reads seconds, HTTP dates, Bluesky ratelimit-reset and Mastodon x-ratelimit-reset', () => {
    expect(retryAfterMs({ 'retry-after': '3' }, now)).toBe(3_000);
    expect(retryAfterMs({ 'retry-after': 'Sun, 22 Nov 2026 00:00:05 GMT' }, now)).toBe(5_000);
    expect(retryAfterMs({ 'ratelimit-reset': String(now.getTime() / 1_000 + 4) }, now)).toBe(4_000);
    expect(retryAfterMs({ 'x-ratelimit-reset': '2026-11-22T00:00:01.000Z' }, now)).toBe(1_000);
    expect(retryAfterMs({}, now)).toBeUndefined();
  });
});

describe('parseJsonBody', () => {
  it('throws MalformedResponseError for a truncated body', () => {
    expect(() => parseJsonBody('{"results": [', { provider: 'tmdb', route: '/3/search/person' })).toThrow(
      MalformedResponseError,
    );
  });
});
