import type { WeekPlan } from '@celebrity-pipeline/collection-plan';
import {
  type CelebrityItem,
  formatItemKey,
  type IsoWeek,
  isEnriched,
  isoWeekRange,
  type ScheduledEvent,
  scheduledEvent,
} from '@celebrity-pipeline/core';
import type { DynamoDBRecord } from 'aws-lambda';
import { type Clock, systemClock } from './clock.js';
import {
  type CollectionEvent,
  type CollectionRun,
  runCollection,
  type ScraperTarget,
  writtenOf,
} from './collection-run.js';
import type { DeadLetter, DeadLetterQueue } from './dead-letter-queue.js';
import type { InvocationLog } from './invocation-log.js';
import type { StreamPoller } from './stream-poller.js';

/** Progress of a cycle, for a progress display: the collection's shards, then the enrichment of what they wrote. */
export type CycleEvent =
  | CollectionEvent
  | {
      type: 'enrichment-progress';
      /** Items this run wrote (new or changed), from the shards' summaries; grows as shards finish. */
      written: number;
      enriched: number;
      deadLettered: number;
    };

/** Options of {@link runWeeklyCycle}. */
export interface WeeklyCycleOptions<Result> {
  week: IsoWeek;
  runId: string;
  /** The event to send; default: the Scheduled Event of `runId` at the week's schedule time (a redrive resends the original). */
  event?: ScheduledEvent;
  /** The planner (`PlanWeek`): collection-plan's `planWeek` over the week's list (a redrive plans only its shards). */
  planWeek: (event: ScheduledEvent) => Promise<WeekPlan> | WeekPlan;
  /** The scrapers to run, one per source: the collection definition gets a branch for each. */
  targets: readonly ScraperTarget<Result>[];
  poller: StreamPoller;
  deadLetters: DeadLetterQueue;
  /** Multiplies the Task Retry delays (the CLI's `--time-scale`). Default 1. */
  timeScale?: number;
  /** Where every shard invocation is recorded (the local `START` lines); optional. */
  invocationLog?: InvocationLog;
  /** Every stored item of the week (core's `listWeekItems`): read once, when the cycle ends. */
  readWeek: () => Promise<CelebrityItem[]>;
  /** Give up waiting when nothing has moved (no record read, no item enriched) for this long. Default 15 s. */
  idleTimeoutMs?: number;
  /** Completion is checked (in memory) after each batch the poller finishes, and at least this often. Default 1 000 ms. */
  checkIntervalMs?: number;
  clock?: Clock;
  signal?: AbortSignal;
  onEvent?: (event: CycleEvent) => void;
}

/** What a cycle did. */
export interface CycleResult<Result> extends CollectionRun<Result> {
  event: ScheduledEvent;
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

/** Records of run `runId` the poller has finished (delivered or dead-lettered): an item's image carries its `run_id`. */
export function countRunRecords(poller: StreamPoller, runId: string) {
  const counts = { handled: 0, deadLettered: 0 };
  const ofRun = (records: readonly DynamoDBRecord[]) =>
    records.filter((record) => record.dynamodb?.NewImage?.run_id?.S === runId).length;
  const unsubscribe = poller.onBatch((batch) => {
    counts.handled += ofRun(batch.records);
    counts.deadLettered += ofRun(batch.deadLettered);
  });
  return { counts, unsubscribe };
}

/**
 * One weekly cycle: the stream poller runs while the collection definition executes (the planner plans the
 * week's shards from the Scheduled Event, then every source's shards run under the plan's limits); ends when
 * every item the run wrote has had its stream record enriched or dead-lettered (counted incrementally from the
 * shards' summaries and the poller's batches), or nothing has moved for `idleTimeoutMs`; then stops the poller
 * after its current batch and reads the week once for the result.
 */
export async function runWeeklyCycle<Result>(options: WeeklyCycleOptions<Result>): Promise<CycleResult<Result>> {
  const clock = options.clock ?? systemClock;
  const event =
    options.event ?? scheduledEvent({ id: options.runId, time: scheduleTimeOf(options.week), week: options.week });
  const stopPoller = new AbortController();
  const abortPoller = () => stopPoller.abort();
  options.signal?.addEventListener('abort', abortPoller, { once: true });
  const records = countRunRecords(options.poller, event.id);
  const polling = options.poller.run(stopPoller.signal);
  polling.catch(() => stopPoller.abort());
  try {
    const collection = await runCollection({
      event,
      week: options.week,
      planWeek: options.planWeek,
      targets: options.targets,
      deadLetters: options.deadLetters,
      clock,
      ...(options.invocationLog ? { invocationLog: options.invocationLog } : {}),
      ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
    const written = collection.sources
      .flatMap((source) => source.shards)
      .reduce((total, shard) => total + writtenOf(shard), 0);
    await waitForEnrichment(options, clock, { written, counts: records.counts }, () => stopPoller.signal.aborted);
    const [items, letters] = await Promise.all([options.readWeek(), options.deadLetters.list()]);
    const deadLetteredKeys = deadLetteredItemKeys(letters);
    const pending = pendingItems(items, deadLetteredKeys);
    return {
      event,
      ...collection,
      items,
      pending,
      deadLetteredKeys,
      isInterrupted: options.signal?.aborted ?? false,
    };
  } finally {
    records.unsubscribe();
    stopPoller.abort();
    options.signal?.removeEventListener('abort', abortPoller);
    await polling;
  }
}

/** Waits until `progress.counts.handled` reaches `progress.written`, the signal aborts, the poller stops or idles. */
async function waitForEnrichment<Result>(
  options: WeeklyCycleOptions<Result>,
  clock: Clock,
  progress: { written: number; counts: { handled: number; deadLettered: number } },
  isPollerStopped: () => boolean,
): Promise<void> {
  const idleTimeoutMs = options.idleTimeoutMs ?? 15_000;
  let lastProgressAt = clock.now();
  let lastFingerprint = '';
  for (;;) {
    const { handled, deadLettered } = progress.counts;
    const fingerprint = `${options.poller.stats.recordsRead}/${handled}`;
    if (fingerprint !== lastFingerprint) {
      options.onEvent?.({
        type: 'enrichment-progress',
        written: progress.written,
        enriched: handled - deadLettered,
        deadLettered,
      });
      lastFingerprint = fingerprint;
      lastProgressAt = clock.now();
    } else if (clock.now() - lastProgressAt > idleTimeoutMs) return;
    if (handled >= progress.written || options.signal?.aborted || isPollerStopped()) return;
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
