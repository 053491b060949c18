import { describe, expect, it } from 'vitest';
import { backoffDelayMs, HTTP_RETRY_POLICY, retryDelayMs } from '../../src/index.js';

describe('backoffDelayMs', () => {
  it('grows exponentially from minTimeoutMs and stops at maxTimeoutMs', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, HTTP_RETRY_POLICY, 0))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(backoffDelayMs(20, HTTP_RETRY_POLICY, 0)).toBe(60_000);
  });

  it('adds up to 100% jitter when randomize is on', () => {
    expect(backoffDelayMs(1, HTTP_RETRY_POLICY, 0.5)).toBe(1_500);
    expect(backoffDelayMs(1, { ...HTTP_RETRY_POLICY, randomize: false }, 0.5)).toBe(1_000);
  });
});

describe('retryDelayMs', () => {
  it("uses the server's wait instead of the backoff", () => {
    expect(retryDelayMs(1, HTTP_RETRY_POLICY, 0, 2_000)).toBe(2_000);
  });

  it('gives up when the server asks for longer than maxRetryAfterMs', () => {
    expect(retryDelayMs(1, HTTP_RETRY_POLICY, 0, HTTP_RETRY_POLICY.maxRetryAfterMs + 1)).toBeUndefined();
  });
});
