import { SCHEDULE_TARGET_RETRY_POLICY, SCRAPER_ASYNC_INVOKE_POLICY } from '@celebrity-pipeline/core';

/** Bounded retries with exponential backoff and a maximum event age, in milliseconds. */
export interface RetryLimits {
  retryAttempts: number;
  firstRetryDelayMs: number;
  backoffFactor: number;
  maximumEventAgeMs: number;
}

/** The two layers the deployed stack applies to a scheduled scraper invocation. */
export interface LocalInvokePolicy {
  /** EventBridge rule target: getting the event to the function (here: loading the handler). */
  delivery: RetryLimits;
  /** Lambda async invoke config: the function's own errors. */
  function: RetryLimits;
}

/** Local runs wait one second where AWS waits one minute. */
export const DEFAULT_LOCAL_TIME_SCALE = 1 / 60;

/** AWS's first delays: EventBridge's first retry (the spec's 1 s) and Lambda's async retries (1 min, then 2 min). */
const AWS_FIRST_RETRY_DELAY_MS = { delivery: 1_000, function: 60_000 } as const;

/**
 * Core's {@link SCHEDULE_TARGET_RETRY_POLICY} and {@link SCRAPER_ASYNC_INVOKE_POLICY} with every duration
 * multiplied by `timeScale` (attempt counts unchanged).
 * @example localInvokePolicy().function // { retryAttempts: 2, firstRetryDelayMs: 1000, backoffFactor: 2, maximumEventAgeMs: 60000 }
 */
export function localInvokePolicy(timeScale: number = DEFAULT_LOCAL_TIME_SCALE): LocalInvokePolicy {
  if (!(timeScale > 0 && timeScale <= 1)) throw new RangeError(`timeScale must be in (0, 1], got ${timeScale}`);
  const scaled = (milliseconds: number) => Math.max(1, Math.round(milliseconds * timeScale));
  return {
    delivery: {
      retryAttempts: SCHEDULE_TARGET_RETRY_POLICY.maximumRetryAttempts,
      firstRetryDelayMs: scaled(AWS_FIRST_RETRY_DELAY_MS.delivery),
      backoffFactor: 2,
      maximumEventAgeMs: scaled(SCHEDULE_TARGET_RETRY_POLICY.maximumEventAgeSeconds * 1_000),
    },
    function: {
      retryAttempts: SCRAPER_ASYNC_INVOKE_POLICY.retryAttempts,
      firstRetryDelayMs: scaled(AWS_FIRST_RETRY_DELAY_MS.function),
      backoffFactor: 2,
      maximumEventAgeMs: scaled(SCRAPER_ASYNC_INVOKE_POLICY.maximumEventAgeSeconds * 1_000),
    },
  };
}

/** Delay before retry number `retry` (1-based). */
export function retryDelayMs(limits: RetryLimits, retry: number): number {
  return limits.firstRetryDelayMs * limits.backoffFactor ** (retry - 1);
}
