import {
  type CelebrityItem,
  formatItemKey,
  type IsoWeek,
  isEnriched,
  isoWeekRange,
  type ScheduledEvent,
  type Source,
  scheduledEvent,
} from '@celebrity-pipeline/core';
import { fireSchedule, type InvocationOutcome, type ScheduleTarget } from './async-invoker.js';
import { type Clock, systemClock } from './clock.js';
import type { DeadLetter, DeadLetterQueue } from './dead-letter-queue.js';
import type { InvocationLog } from './invocation-log.js';
import type { LocalInvokePolicy } from './invoke-policy.js';
import type { StreamPoller } from './stream-poller.js';

/** Progress of a cycle, for a progress display. */
export type CycleEvent =
  | { type: 'scraper-started'; source: Source }
  | { type: 'scraper-settled'; source: Source; outcome: InvocationOutcome<unknown> }
  | { type: 'enrichment-progress'; written: number; enriched: number; deadLettered: number };

/** Options of {@link runWeeklyCycle}. */
export interface WeeklyCycleOptions<Result> {
  week: IsoWeek;
  runId: string;
  /** The event to send; default: the Scheduled Event of `runId` at the week's schedule time (a redrive resends the original). */
  event?: ScheduledEvent;
  targets: readonly ScheduleTarget<Result>[];
  poller: StreamPoller;
  deadLetters: DeadLetterQueue;
  invokePolicy: LocalInvokePolicy;
  /** Where the invocation times are recorded (the local `START` lines); optional. */
  invocationLog?: InvocationLog;
  /** Every stored item of the week (core's `listWeekItems`). */
  readWeek: () => Promise<CelebrityItem[]>;
  /** Give up waiting when nothing has moved (no record read, no item enriched) for this long. Default 15 s. */
  idleTimeoutMs?: number;
  /**
   * Completion is checked (one read of the week) after each batch the poller finishes, and at least this
   * often. Default 1 000 ms.
   */
  checkIntervalMs?: number;
  clock?: Clock;
  signal?: AbortSignal;
  onEvent?: (event: CycleEvent) => void;
}

/** What a cycle did. */
export interface CycleResult<Result> {
  event: ScheduledEvent;
  invocations: Array<{ source: Source; outcome: InvocationOutcome<Result> }>;
  items: CelebrityItem[];
  /** Written items that are neither enriched nor dead-lettered when the cycle ended. */
  pending: CelebrityItem[];
  /** Keys (`pk|sk`) of items whose stream records are in the DLQ. */
  deadLetteredKeys: Set<string>;
  /** True when it stopped because `signal` aborted. */
  isInterrupted: boolean;
}

/**
 * The time the rule fires for `week`: Sunday 02:00 UTC of that ISO week (scrapers derive the week from it).
 * @example scheduleTimeOf('2026-W48').toISOString() // '2026-11-29T02:00:00.000Z'
 */
export function scheduleTimeOf(week: IsoWeek): Date {
  const { end } = isoWeekRange(week);
  return new Date(end.getTime() - 22 * 3_600_000);
}

/** Item keys named by the stream-batch messages of the DLQ. */
export function deadLetteredItemKeys(letters: readonly DeadLetter[]): Set<string> {
  const keys = new Set<string>();
  for (const letter of letters) {
    if (letter.payload.kind !== 'stream-batch') continue;
    for (const record of letter.payload.records) {
      const pk = record.dynamodb?.Keys?.pk?.S;
      const sk = record.dynamodb?.Keys?.sk?.S;
      if (pk && sk) keys.add(formatItemKey({ pk, sk }));
    }
  }
  return keys;
}

/** Items neither enriched nor dead-lettered. */
export function pendingItems(items: readonly CelebrityItem[], deadLetteredKeys: ReadonlySet<string>): CelebrityItem[] {
  return items.filter((item) => !isEnriched(item) && !deadLetteredKeys.has(formatItemKey(item)));
}

/**
 * One weekly cycle: the stream poller runs while the schedule fires every target concurrently with the
 * Scheduled Event the rule would send; ends when every written item of the week is enriched or
 * dead-lettered (or nothing has moved for `idleTimeoutMs`), then stops the poller after its current batch.
 */
export async function runWeeklyCycle<Result>(options: WeeklyCycleOptions<Result>): Promise<CycleResult<Result>> {
  const clock = options.clock ?? systemClock;
  const event =
    options.event ?? scheduledEvent({ id: options.runId, time: scheduleTimeOf(options.week), week: options.week });
  const stopPoller = new AbortController();
  const abortPoller = () => stopPoller.abort();
  options.signal?.addEventListener('abort', abortPoller, { once: true });
  const polling = options.poller.run(stopPoller.signal);
  polling.catch(() => stopPoller.abort());
  try {
    for (const target of options.targets) options.onEvent?.({ type: 'scraper-started', source: target.source });
    const invocations = await fireSchedule(options.targets, {
      event,
      week: options.week,
      policy: options.invokePolicy,
      deadLetters: options.deadLetters,
      clock,
      ...(options.signal ? { signal: options.signal } : {}),
      onSettled: (source, outcome) => options.onEvent?.({ type: 'scraper-settled', source, outcome }),
    });
    await options.invocationLog?.record(
      invocations.map(({ source, outcome }) => ({
        runId: event.id,
        source,
        invokedAt: outcome.startedAt.toISOString(),
        finishedAt: outcome.finishedAt.toISOString(),
        status: outcome.status,
        attempts: outcome.attempts,
      })),
    );
    const settled = await waitForEnrichment(options, clock, () => stopPoller.signal.aborted);
    return { event, invocations, ...settled, isInterrupted: options.signal?.aborted ?? false };
  } finally {
    stopPoller.abort();
    options.signal?.removeEventListener('abort', abortPoller);
    await polling;
  }
}

async function waitForEnrichment<Result>(
  options: WeeklyCycleOptions<Result>,
  clock: Clock,
  isPollerStopped: () => boolean,
): Promise<Pick<CycleResult<Result>, 'items' | 'pending' | 'deadLetteredKeys'>> {
  const idleTimeoutMs = options.idleTimeoutMs ?? 15_000;
  let lastProgressAt = clock.now();
  let lastFingerprint = '';
  for (;;) {
    const [items, letters] = await Promise.all([options.readWeek(), options.deadLetters.list()]);
    const deadLetteredKeys = deadLetteredItemKeys(letters);
    const pending = pendingItems(items, deadLetteredKeys);
    options.onEvent?.({
      type: 'enrichment-progress',
      written: items.length,
      enriched: items.filter(isEnriched).length,
      deadLettered: deadLetteredKeys.size,
    });
    const isDone = pending.length === 0 || options.signal?.aborted || isPollerStopped();
    if (isDone) return { items, pending, deadLetteredKeys };
    const fingerprint = `${options.poller.stats.recordsRead}/${pending.length}`;
    if (fingerprint !== lastFingerprint) {
      lastFingerprint = fingerprint;
      lastProgressAt = clock.now();
    } else if (clock.now() - lastProgressAt > idleTimeoutMs) {
      return { items, pending, deadLetteredKeys };
    }
    await untilPollerProgress(options, clock);
  }
}

/** Sleeps until the poller finished another batch, or `checkIntervalMs` passed (cheap in-memory checks). */
async function untilPollerProgress<Result>(options: WeeklyCycleOptions<Result>, clock: Clock): Promise<void> {
  const handled = () => options.poller.stats.recordsDelivered + options.poller.stats.recordsDeadLettered;
  const before = handled();
  const deadline = clock.now() + (options.checkIntervalMs ?? 1_000);
  while (handled() === before && clock.now() < deadline && !options.signal?.aborted) {
    await clock.sleep(25, options.signal);
  }
}
