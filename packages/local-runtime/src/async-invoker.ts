import type { ScheduledEvent, Source } from '@celebrity-pipeline/core';
import { type Clock, systemClock } from './clock.js';
import type { DeadLetter, DeadLetterQueue } from './dead-letter-queue.js';
import { type LocalInvokePolicy, type RetryLimits, retryDelayMs } from './invoke-policy.js';

/** A Lambda-style handler: one event in, a result (or a thrown error) out. */
export type EventHandler<Event, Result> = (event: Event) => Promise<Result>;

/** Why an invocation gave up. */
export type FailureCondition = 'retries-exhausted' | 'event-too-old' | 'aborted';

/** The result of one invocation under the policy. */
export type InvocationOutcome<Result> =
  | { status: 'succeeded'; result: Result; attempts: number; startedAt: Date; finishedAt: Date }
  | {
      status: 'failed';
      stage: 'delivery' | 'function';
      condition: FailureCondition;
      error: Error;
      attempts: number;
      startedAt: Date;
      finishedAt: Date;
      deadLetter?: DeadLetter;
    };

type Attempted<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: Error; attempts: number; condition: FailureCondition };

/**
 * Runs `operation` until it succeeds or `limits` say stop: at most `retryAttempts` retries, waiting
 * `firstRetryDelayMs × backoffFactor^(n-1)` before retry n, and never retrying once the event would be older
 * than `maximumEventAgeMs` (age counted from `eventTimeMs`).
 */
export async function attemptWithinLimits<T>(
  operation: () => Promise<T>,
  limits: RetryLimits,
  options: { eventTimeMs: number; clock?: Clock; signal?: AbortSignal },
): Promise<Attempted<T>> {
  const clock = options.clock ?? systemClock;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await untilAborted(operation(), options.signal), attempts: attempt };
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      if (options.signal?.aborted) return { ok: false, error, attempts: attempt, condition: 'aborted' };
      if (attempt > limits.retryAttempts)
        return { ok: false, error, attempts: attempt, condition: 'retries-exhausted' };
      const delayMs = retryDelayMs(limits, attempt);
      if (clock.now() + delayMs - options.eventTimeMs > limits.maximumEventAgeMs) {
        return { ok: false, error, attempts: attempt, condition: 'event-too-old' };
      }
      await clock.sleep(delayMs, options.signal);
      if (options.signal?.aborted) return { ok: false, error, attempts: attempt, condition: 'aborted' };
    }
  }
}

/** Thrown when the signal aborts while a handler runs: the invocation is abandoned (the process is stopping). */
export class InvocationAbortedError extends Error {
  override name = 'InvocationAbortedError';
}

/** `promise`, or a rejection as soon as `signal` aborts (the work itself cannot be cancelled, only abandoned). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new InvocationAbortedError('stopped by a signal'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * One scraper function: its source and how to get its handler (building it may fail, like a delivery). The
 * schedule sends it the Scheduled Event; the collection definition sends it shard events (`Event`).
 */
export interface ScheduleTarget<Result, Event = ScheduledEvent> {
  source: Source;
  loadHandler: () => Promise<EventHandler<Event, Result>>;
}

/** Options of {@link invokeScheduled}. */
export interface InvokeScheduledOptions {
  event: ScheduledEvent;
  week: string;
  policy: LocalInvokePolicy;
  deadLetters: DeadLetterQueue;
  clock?: Clock;
  signal?: AbortSignal;
}

/**
 * Invokes one target the way the rule and Lambda's async invoke would: delivery retried under the rule's
 * policy, function errors under the async invoke policy; what exhausts them goes to the DLQ with its error
 * (an aborted invocation does not: it was stopped, not failed).
 */
export async function invokeScheduled<Result>(
  target: ScheduleTarget<Result>,
  options: InvokeScheduledOptions,
): Promise<InvocationOutcome<Result>> {
  const clock = options.clock ?? systemClock;
  const startedAt = new Date(clock.now());
  const eventTimeMs = clock.now();
  const common = { eventTimeMs, clock, ...(options.signal ? { signal: options.signal } : {}) };
  const delivered = await attemptWithinLimits(target.loadHandler, options.policy.delivery, common);
  const outcome = delivered.ok
    ? await attemptWithinLimits(() => delivered.value(options.event), options.policy.function, common)
    : delivered;
  const finishedAt = new Date(clock.now());
  if (outcome.ok)
    return { status: 'succeeded', result: outcome.value, attempts: outcome.attempts, startedAt, finishedAt };
  const stage: 'delivery' | 'function' = delivered.ok ? 'function' : 'delivery';
  const failure = { status: 'failed' as const, stage, ...pick(outcome), startedAt, finishedAt };
  if (outcome.condition === 'aborted') return failure;
  const deadLetter = await options.deadLetters.send({
    condition: outcome.condition,
    errorName: outcome.error.name,
    errorMessage: outcome.error.message,
    attempts: outcome.attempts,
    payload: { kind: 'scraper-invocation', stage, source: target.source, event: options.event, week: options.week },
  });
  return { ...failure, deadLetter };
}

function pick(failed: Extract<Attempted<unknown>, { ok: false }>) {
  return { condition: failed.condition, error: failed.error, attempts: failed.attempts };
}

/**
 * Fires the schedule: every target invoked concurrently with the same Scheduled Event (all started in the
 * same tick, as the rule fans out), each under {@link invokeScheduled}.
 */
export function fireSchedule<Result>(
  targets: readonly ScheduleTarget<Result>[],
  options: InvokeScheduledOptions & { onSettled?: (source: Source, outcome: InvocationOutcome<Result>) => void },
): Promise<Array<{ source: Source; outcome: InvocationOutcome<Result> }>> {
  return Promise.all(
    targets.map(async (target) => {
      const outcome = await invokeScheduled(target, options);
      options.onSettled?.(target.source, outcome);
      return { source: target.source, outcome };
    }),
  );
}
