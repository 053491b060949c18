import type { HttpRetryPolicy } from '../../src/index.js';

/** The house retry policy with millisecond waits, so retry tests stay fast (Retry-After is still honoured). */
export const FAST_RETRY: HttpRetryPolicy = {
  retries: 3,
  factor: 2,
  minTimeoutMs: 10,
  maxTimeoutMs: 50,
  randomize: true,
  maxRetryAfterMs: 5_000,
};
