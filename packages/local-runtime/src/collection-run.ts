import { buildCollectionDefinition, type WeekPlan } from '@celebrity-pipeline/collection-plan';
import {
  COLLECTION_PLANNER_FUNCTION_NAME,
  type IsoWeek,
  SCRAPER_FUNCTION_NAMES,
  type ScheduledEvent,
  type Source,
} from '@celebrity-pipeline/core';
import type { ShardEvent } from '@celebrity-pipeline/scraper-kit';
import type { ScheduleTarget } from './async-invoker.js';
import type { Clock } from './clock.js';
import type { DeadLetter, DeadLetterQueue } from './dead-letter-queue.js';
import type { InvocationLog } from './invocation-log.js';
import { type ExecutionEvent, executeStateMachine, type InvokeFunction } from './state-machine-executor.js';

/** A scraper function of the collection: it receives its shard events. */
export type ScraperTarget<Result> = ScheduleTarget<Result, ShardEvent>;

/** What became of one planned shard. */
export type ShardOutcome<Result> =
  | { status: 'succeeded'; shard: ShardEvent; result: Result; attempts: number; startedAt: Date; finishedAt: Date }
  | {
      status: 'failed';
      shard: ShardEvent;
      error: Error;
      attempts: number;
      startedAt: Date;
      finishedAt: Date;
      deadLetter?: DeadLetter;
    }
  /** Never invoked: the execution failed or was stopped first. */
  | { status: 'not-run'; shard: ShardEvent; deadLetter?: DeadLetter };

/** What one source did: its shards' outcomes in shard order (none when the week could not be planned). */
export interface SourceOutcome<Result> {
  source: Source;
  status: 'succeeded' | 'failed';
  shards: ShardOutcome<Result>[];
  /** Why it failed when no shard says (the planner failed). */
  error?: Error;
}

/** Progress of a collection, for a progress display. */
export type CollectionEvent =
  | { type: 'scraper-started'; source: Source; shards: number }
  | { type: 'shard-settled'; source: Source; outcome: ShardOutcome<unknown>; done: number; total: number }
  | { type: 'scraper-settled'; source: Source; outcome: SourceOutcome<unknown> };

/** Options of {@link runCollection}. */
export interface CollectionRunOptions<Result> {
  event: ScheduledEvent;
  week: IsoWeek;
  /** The planner (`PlanWeek`): collection-plan's `planWeek` over the week's list, or its handler. */
  planWeek: (event: ScheduledEvent) => Promise<WeekPlan> | WeekPlan;
  /** One per source to collect: the definition gets a branch for each. */
  targets: readonly ScraperTarget<Result>[];
  deadLetters: DeadLetterQueue;
  invocationLog?: InvocationLog;
  clock: Clock;
  /** Multiplies the Task Retry delays. */
  timeScale?: number;
  random?: () => number;
  signal?: AbortSignal;
  onEvent?: (event: CollectionEvent) => void;
}

/** What a collection did. */
export interface CollectionRun<Result> {
  plan?: WeekPlan;
  sources: SourceOutcome<Result>[];
  /** Why the execution failed (a one-shard source failed, a Map above its tolerance, the planner). */
  executionError?: Error;
}

/** The local functions the definition invokes, by name: the planner and each target's scraper (loaded once). */
export function localFunctions<Result>(
  planWeek: CollectionRunOptions<Result>['planWeek'],
  targets: readonly ScraperTarget<Result>[],
): InvokeFunction {
  const handlers = new Map<string, () => Promise<(payload: ShardEvent) => Promise<Result>>>();
  for (const target of targets) {
    let loading: ReturnType<typeof target.loadHandler> | undefined;
    handlers.set(SCRAPER_FUNCTION_NAMES[target.source], () => {
      // Built on the first invocation, like a cold start; a failed build is tried again by the next one.
      loading ??= target.loadHandler().catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
      return loading;
    });
  }
  return async (functionName, payload) => {
    if (functionName === COLLECTION_PLANNER_FUNCTION_NAME) return planWeek(payload as ScheduledEvent);
    const load = handlers.get(functionName);
    if (!load)
      throw Object.assign(new Error(`No local function ${functionName}`), { name: 'Lambda.ResourceNotFoundException' });
    return (await load())(payload as ShardEvent);
  };
}

function sourceOutcome<Result>(source: Source, shards: ShardOutcome<Result>[]): SourceOutcome<Result> {
  return { source, status: shards.every((shard) => shard.status === 'succeeded') ? 'succeeded' : 'failed', shards };
}

/**
 * Items a shard wrote (new or changed: each gives one stream record): its summary's `written`, or for a shard that
 * failed after writing (scraper-kit's `FailureThresholdError`), the summary its error carries; else 0.
 */
export function writtenOf(outcome: ShardOutcome<unknown>): number {
  const source =
    outcome.status === 'succeeded'
      ? outcome.result
      : outcome.status === 'failed'
        ? (outcome.error as { summary?: unknown }).summary
        : undefined;
  const written = (source as { written?: unknown } | undefined)?.written;
  return typeof written === 'number' ? written : 0;
}

const shardKey = (shard: ShardEvent) => `${shard.source}#${shard.shard.index}`;
const isShardEvent = (payload: unknown): payload is ShardEvent =>
  typeof payload === 'object' && payload !== null && 'shard' in payload && 'source' in payload;

/** Turns the executor's task events into shard outcomes, invocation records and progress events. */
function createShardBook<Result>(options: CollectionRunOptions<Result>) {
  const startedAt = new Map<string, Date>();
  const outcomes = new Map<string, ShardOutcome<Result>>();
  const writes: Promise<void>[] = [];
  let plan: WeekPlan | undefined;
  const planned = (source: Source) => plan?.shards[source] ?? [];
  const settledOf = (source: Source) => planned(source).filter((shard) => outcomes.has(shardKey(shard))).length;

  const reported = new Set<Source>();
  const outcomesOf = (source: Source): ShardOutcome<Result>[] =>
    planned(source).map((shard) => outcomes.get(shardKey(shard)) ?? { status: 'not-run', shard });
  /** Reports a source once, when its last shard settled (or at the end, for a source with shards not run). */
  const report = (outcome: SourceOutcome<Result>) => {
    if (reported.has(outcome.source)) return;
    reported.add(outcome.source);
    options.onEvent?.({ type: 'scraper-settled', source: outcome.source, outcome });
  };
  const onPlanned = (weekPlan: WeekPlan) => {
    plan = weekPlan;
    for (const target of options.targets) {
      options.onEvent?.({ type: 'scraper-started', source: target.source, shards: planned(target.source).length });
    }
  };

  const settle = (outcome: Exclude<ShardOutcome<Result>, { status: 'not-run' }>) => {
    const { shard } = outcome;
    outcomes.set(shardKey(shard), outcome);
    const record = {
      runId: options.event.id,
      source: shard.source,
      invokedAt: outcome.startedAt.toISOString(),
      finishedAt: outcome.finishedAt.toISOString(),
      status: outcome.status,
      attempts: outcome.attempts,
      shard: { index: shard.shard.index, count: shard.shard.count },
    };
    if (options.invocationLog) writes.push(options.invocationLog.record([record]));
    const total = planned(shard.source).length;
    const done = settledOf(shard.source);
    options.onEvent?.({ type: 'shard-settled', source: shard.source, outcome, done, total });
    if (done === total) report(sourceOutcome(shard.source, outcomesOf(shard.source)));
  };

  return {
    onExecutionEvent(event: ExecutionEvent) {
      if (!('functionName' in event)) return;
      if (event.functionName === COLLECTION_PLANNER_FUNCTION_NAME) {
        if (event.type === 'task-succeeded') onPlanned(event.result as WeekPlan);
        return;
      }
      if (!isShardEvent(event.payload)) return;
      const shard = event.payload;
      const now = new Date(options.clock.now());
      if (event.type === 'task-started') startedAt.set(shardKey(shard), now);
      const common = { shard, startedAt: startedAt.get(shardKey(shard)) ?? now, finishedAt: now };
      if (event.type === 'task-succeeded') {
        settle({ ...common, status: 'succeeded', result: event.result as Result, attempts: event.attempts });
      } else if (event.type === 'task-failed') {
        settle({ ...common, status: 'failed', error: event.error, attempts: event.attempts });
      }
    },
    get plan() {
      return plan;
    },
    outcomesOf,
    report,
    flush: () => Promise.all(writes),
  };
}

/** Sends a shard that failed or never ran to the DLQ (the scraper failure queue), so `dlq redrive` runs it again. */
async function deadLetterShard<Result>(
  outcome: ShardOutcome<Result>,
  options: CollectionRunOptions<Result>,
  executionError: Error | undefined,
): Promise<ShardOutcome<Result>> {
  if (outcome.status === 'succeeded') return outcome;
  const error = outcome.status === 'failed' ? outcome.error : (executionError ?? new Error('not run'));
  const deadLetter = await options.deadLetters.send({
    condition: outcome.status === 'failed' ? 'task-failed' : 'not-run',
    errorName: error.name,
    errorMessage: error.message,
    attempts: outcome.status === 'failed' ? outcome.attempts : 0,
    payload: {
      kind: 'scraper-invocation',
      stage: 'function',
      source: outcome.shard.source,
      event: options.event,
      week: options.week,
      shard: outcome.shard,
    },
  });
  return { ...outcome, deadLetter };
}

/** Dead-letters a source the planner never planned (the whole source is planned again on redrive). */
async function deadLetterUnplanned<Result>(source: Source, error: Error, options: CollectionRunOptions<Result>) {
  await options.deadLetters.send({
    condition: 'not-run',
    errorName: error.name,
    errorMessage: error.message,
    attempts: 0,
    payload: { kind: 'scraper-invocation', stage: 'function', source, event: options.event, week: options.week },
  });
}

/**
 * Runs the week's collection the way the deployed state machine does: collection-plan's definition
 * (`buildCollectionDefinition`) for the targets' sources, executed by the local executor — `PlanWeek` plans the
 * shards, then every source's shards within its MaxConcurrency, Task retries and tolerated failures. Every shard
 * invocation is logged; a shard that finally fails, or never ran because the execution failed, goes to the DLQ
 * with its shard event (unless `signal` stopped the run).
 */
export async function runCollection<Result>(options: CollectionRunOptions<Result>): Promise<CollectionRun<Result>> {
  const sources = options.targets.map((target) => target.source);
  const definition = buildCollectionDefinition(
    { planner: COLLECTION_PLANNER_FUNCTION_NAME, scrapers: SCRAPER_FUNCTION_NAMES },
    sources,
  );
  const book = createShardBook(options);
  let executionError: Error | undefined;
  try {
    await executeStateMachine(definition, options.event, {
      invoke: localFunctions(options.planWeek, options.targets),
      clock: options.clock,
      ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
      ...(options.random ? { random: options.random } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      onEvent: (event) => book.onExecutionEvent(event),
    });
  } catch (error) {
    executionError = error instanceof Error ? error : new Error(String(error));
  }
  await book.flush();
  const isStopped = options.signal?.aborted ?? false;
  const outcomes: SourceOutcome<Result>[] = [];
  for (const source of sources) {
    if (!book.plan) {
      const error = executionError ?? new Error('the week was not planned');
      if (!isStopped) await deadLetterUnplanned(source, error, options);
      outcomes.push({ source, status: 'failed', shards: [], error });
    } else {
      const shards = isStopped
        ? book.outcomesOf(source)
        : await Promise.all(book.outcomesOf(source).map((shard) => deadLetterShard(shard, options, executionError)));
      outcomes.push(sourceOutcome(source, shards));
    }
    book.report(outcomes.at(-1) as SourceOutcome<Result>);
  }
  return {
    ...(book.plan ? { plan: book.plan } : {}),
    sources: outcomes,
    ...(executionError ? { executionError } : {}),
  };
}
