import {
  branchStateNames,
  buildCollectionDefinition,
  mapSettings,
  planCollection,
  planWeek,
  SHARD_TASK_RETRY,
  TOLERATED_FAILURE_PERCENTAGE,
} from '@celebrity-pipeline/collection-plan';
import {
  type CelebrityList,
  SCRAPER_FUNCTION_NAMES,
  SOURCES,
  type Source,
  scheduledEvent,
} from '@celebrity-pipeline/core';
import type { ShardEvent } from '@celebrity-pipeline/scraper-kit';
import { describe, expect, it } from 'vitest';
import { StatesError, UnsupportedDefinitionError } from '../../src/errors.js';
import { type ExecutionEvent, executeStateMachine, retryDelaySeconds } from '../../src/state-machine-executor.js';
import { fakeClock } from '../helpers/factories.js';

const PLANNER = 'planner';
const functions = { planner: PLANNER, scrapers: SCRAPER_FUNCTION_NAMES };
const definition = buildCollectionDefinition(functions);
const event = scheduledEvent({ id: 'run-1', time: new Date('2026-11-29T02:00:00Z'), week: '2026-W48' });

function inventedList(count: number): CelebrityList {
  return {
    version: 1,
    celebrities: Array.from({ length: count }, (_, index) => {
      const name = `Person ${String(index).padStart(5, '0')}`;
      return { id: `person-${index}`, name, aliases: [], wikipediaTitle: name, hashtags: [] };
    }),
  };
}

const sourceOf = (functionName: string) =>
  SOURCES.find((source) => SCRAPER_FUNCTION_NAMES[source] === functionName) as Source;

/**
 * A fake `invoke`: the real planner over `list`, scrapers that take a few real milliseconds and return a summary;
 * `fail(shard, attempt)` returns an error to throw instead. Records every call and the peak in flight per source.
 */
function fakeFunctions(
  list: CelebrityList,
  fail: (shard: ShardEvent, attempt: number) => Error | undefined = () => undefined,
) {
  const calls: ShardEvent[] = [];
  const inFlight = new Map<Source, number>();
  const peak = new Map<Source, number>();
  const invoke = async (functionName: string, payload: unknown) => {
    if (functionName === PLANNER) return planWeek(payload as typeof event, list);
    const shard = payload as ShardEvent;
    const source = sourceOf(functionName);
    expect(shard.source).toBe(source);
    calls.push(shard);
    inFlight.set(source, (inFlight.get(source) ?? 0) + 1);
    peak.set(source, Math.max(peak.get(source) ?? 0, inFlight.get(source) ?? 0));
    try {
      await new Promise((resolve) => setTimeout(resolve, 2));
      const attempt = calls.filter((call) => call.source === source && call.shard.index === shard.shard.index).length;
      const error = fail(shard, attempt);
      if (error) throw error;
      const attempted = shard.shard.end - shard.shard.start;
      return { status: 'succeeded', written: attempted, attempted, failed: [] };
    } finally {
      inFlight.set(source, (inFlight.get(source) ?? 0) - 1);
    }
  };
  return { invoke, calls, peak };
}

function named(name: string, message = name): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('executeStateMachine on the collection definition', () => {
  it('plans the week, then takes the direct Task for a one-shard source and the Map for the others', async () => {
    const list = inventedList(100);
    const plan = planCollection(list);
    const { invoke, calls } = fakeFunctions(list);
    const events: ExecutionEvent[] = [];
    const output = await executeStateMachine(definition, event, { invoke, onEvent: (entry) => events.push(entry) });
    expect(output).toMatchObject({ ...event, plan: { shards: planWeek(event, list).shards } });
    const started = events.filter((entry) => entry.type === 'task-started').map((entry) => entry.state);
    expect(started[0]).toBe('PlanWeek');
    for (const sourcePlan of plan.sources) {
      const names = branchStateNames(sourcePlan.source);
      const expected = sourcePlan.shards.length === 1 ? names.single : names.invoke;
      expect(started.filter((state) => state === expected)).toHaveLength(sourcePlan.shards.length);
    }
    expect(plan.sources.some((sourcePlan) => sourcePlan.shards.length === 1)).toBe(true);
    expect(calls).toHaveLength(plan.sources.reduce((total, sourcePlan) => total + sourcePlan.shards.length, 0));
  });

  it('runs every shard of a multi-shard list exactly once, never more at once than its MaxConcurrency', async () => {
    const list = inventedList(1_000);
    const plan = planCollection(list);
    const { invoke, calls, peak } = fakeFunctions(list);
    await executeStateMachine(definition, event, { invoke });
    for (const sourcePlan of plan.sources) {
      const indexes = calls.filter((call) => call.source === sourcePlan.source).map((call) => call.shard.index);
      expect(indexes.sort((left, right) => left - right)).toEqual(sourcePlan.shards.map((shard) => shard.index));
      const { maxConcurrency } = mapSettings(sourcePlan.source);
      expect(peak.get(sourcePlan.source), sourcePlan.source).toBe(Math.min(maxConcurrency, sourcePlan.shards.length));
    }
    expect(plan.sources.some((sourcePlan) => sourcePlan.shards.length > sourcePlan.maxConcurrency)).toBe(true);
  });

  it("retries a shard that hit one of Lambda's transient errors, after the Retry's jittered backoff", async () => {
    const list = inventedList(100);
    const { invoke, calls } = fakeFunctions(list, (shard, attempt) =>
      shard.source === 'tmdb' && attempt === 1 ? named('Lambda.TooManyRequestsException') : undefined,
    );
    const clock = fakeClock();
    const events: ExecutionEvent[] = [];
    await executeStateMachine(definition, event, {
      invoke,
      clock,
      random: () => 0.5,
      timeScale: 1 / 60,
      onEvent: (entry) => events.push(entry),
    });
    expect(calls.filter((call) => call.source === 'tmdb')).toHaveLength(2);
    const expectedMs = 0.5 * SHARD_TASK_RETRY.intervalSeconds * 1_000 * (1 / 60);
    expect(clock.sleeps).toEqual([expectedMs]);
    expect(
      events.find((entry) => entry.type === 'task-succeeded' && entry.functionName === 'scraper-tmdb'),
    ).toMatchObject({ attempts: 2 });
  });

  it("gives up after the Retry's MaxAttempts, and does not retry a shard's own failure", async () => {
    const list = inventedList(100);
    const { invoke, calls } = fakeFunctions(list, (shard) =>
      shard.source === 'tmdb'
        ? named('Lambda.ServiceException')
        : shard.source === 'social'
          ? named('FailureThresholdError')
          : undefined,
    );
    const events: ExecutionEvent[] = [];
    await executeStateMachine(definition, event, {
      invoke,
      clock: fakeClock(),
      onEvent: (entry) => events.push(entry),
    });
    expect(calls.filter((call) => call.source === 'social')).toHaveLength(1);
    expect(calls.filter((call) => call.source === 'tmdb')).toHaveLength(1 + SHARD_TASK_RETRY.maxAttempts);
    const failed = events.filter((entry) => entry.type === 'task-failed').map((entry) => entry.functionName);
    expect(failed.sort()).toEqual(['scraper-social', 'scraper-tmdb']);
  });

  it('tolerates a failing shard within ToleratedFailurePercentage; above it the source fails, caught in its branch', async () => {
    const list = inventedList(1_000);
    const news = planCollection(list).sources.find((sourcePlan) => sourcePlan.source === 'news');
    const shardCount = news?.shards.length ?? 0;
    const allowed = Math.floor((shardCount * TOLERATED_FAILURE_PERCENTAGE) / 100);
    expect(allowed).toBeGreaterThanOrEqual(1);
    const failing = (count: number) => (shard: ShardEvent) =>
      shard.source === 'news' && shard.shard.index < count ? named('FailureThresholdError') : undefined;

    const events: ExecutionEvent[] = [];
    const tolerated = fakeFunctions(list, failing(allowed));
    await executeStateMachine(definition, event, { invoke: tolerated.invoke, onEvent: (entry) => events.push(entry) });
    const finished = events.find((entry) => entry.type === 'map-finished' && entry.state === 'NewsShards');
    expect(finished).toMatchObject({
      total: shardCount,
      failures: Array.from({ length: allowed }, (_, index) => ({ index })),
    });
    expect(events.some((entry) => entry.type === 'caught')).toBe(false);

    const overEvents: ExecutionEvent[] = [];
    const over = fakeFunctions(list, failing(allowed + 1));
    const output = await executeStateMachine(definition, event, {
      invoke: over.invoke,
      onEvent: (entry) => overEvents.push(entry),
    });
    const caught = overEvents.find((entry) => entry.type === 'caught');
    expect(caught).toMatchObject({ state: 'NewsShards', next: branchStateNames('news').failed });
    const caughtError = caught?.type === 'caught' ? caught.error : undefined;
    expect(caughtError).toBeInstanceOf(StatesError);
    expect((caughtError as StatesError).error).toBe('States.ExceedToleratedFailureThreshold');
    expect(output).toBeDefined();
  });

  it("a failing source ends its own branch only: every other source's shards still run", async () => {
    const list = inventedList(1_000);
    const plan = planCollection(list);
    const failTmdb = (shard: ShardEvent) => (shard.source === 'tmdb' ? named('Error', 'boom') : undefined);
    const { invoke, calls } = fakeFunctions(list, failTmdb);
    const events: ExecutionEvent[] = [];
    await executeStateMachine(definition, event, { invoke, onEvent: (entry) => events.push(entry) });
    for (const sourcePlan of plan.sources.filter((candidate) => candidate.source !== 'tmdb')) {
      const ran = calls.filter((call) => call.source === sourcePlan.source).map((call) => call.shard.index);
      expect(
        ran.sort((left, right) => left - right),
        sourcePlan.source,
      ).toEqual(sourcePlan.shards.map((shard) => shard.index));
    }
    expect(events.filter((entry) => entry.type === 'caught').map((entry) => entry.state)).toEqual(['TmdbShards']);

    const small = inventedList(100);
    const mixed = fakeFunctions(small, failTmdb);
    const smallEvents: ExecutionEvent[] = [];
    await executeStateMachine(definition, event, { invoke: mixed.invoke, onEvent: (entry) => smallEvents.push(entry) });
    expect(smallEvents.find((entry) => entry.type === 'caught')).toMatchObject({
      state: branchStateNames('tmdb').single,
      next: branchStateNames('tmdb').failed,
    });
    expect(new Set(mixed.calls.map((call) => call.source))).toEqual(new Set(SOURCES));
  });
});

/** The definition as loose JSON, to edit it outside the subset. */
interface EditableDefinition {
  States: Record<string, Record<string, unknown>> & {
    PlanWeek: Record<string, unknown> & { Parameters: Record<string, unknown> };
    CollectSources: { Branches: Array<{ States: Record<string, { Choices: unknown[] }> }> };
  };
}

describe('executeStateMachine outside the subset', () => {
  const edited = (change: (copy: EditableDefinition) => void) => {
    const copy = structuredClone(definition) as unknown as EditableDefinition;
    change(copy);
    return copy;
  };
  const cases: Array<[string, (copy: EditableDefinition) => void, RegExp]> = [
    [
      'a Catch that goes nowhere',
      (copy) => Object.assign(copy.States.PlanWeek, { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Nowhere' }] }),
      /PlanWeek.*Catch\[0\].*Next names no state: Nowhere/,
    ],
    [
      'a Catch field outside the subset',
      (copy) =>
        Object.assign(copy.States.PlanWeek, {
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'CollectSources', OutputPath: '$' }],
        }),
      /PlanWeek.*`OutputPath` is not supported/,
    ],
    [
      'a Wait state',
      (copy) => Object.assign(copy.States, { PlanWeek: { Type: 'Wait', Seconds: 1, Next: 'CollectSources' } }),
      /state type `Wait` is not supported/,
    ],
    [
      'another Resource',
      (copy) => Object.assign(copy.States.PlanWeek, { Resource: 'arn:aws:states:::sqs:sendMessage' }),
      /Resource arn:aws:states:::sqs:sendMessage/,
    ],
    [
      'a recursive-descent path',
      (copy) => Object.assign(copy.States.PlanWeek.Parameters, { 'Payload.$': '$..week' }),
      /\$\.\.week.*outside the supported JSONPath subset/,
    ],
    [
      'a numeric Choice',
      (copy) => {
        const choice = copy.States.CollectSources.Branches[0]?.States.TmdbShardCount;
        if (choice) choice.Choices[0] = { Variable: '$.x', NumericEquals: 1, Next: 'TmdbShards' };
      },
      /TmdbShardCount.*`NumericEquals` is not supported/,
    ],
  ];

  it.each(cases)('refuses %s before invoking anything', async (_name, change, message) => {
    let invoked = 0;
    const invoke = async () => {
      invoked += 1;
      return {};
    };
    const failure = executeStateMachine(edited(change), event, { invoke });
    await expect(failure).rejects.toThrow(UnsupportedDefinitionError);
    await expect(failure).rejects.toThrow(message);
    expect(invoked).toBe(0);
  });
});

describe('retryDelaySeconds', () => {
  it('backs off by BackoffRate up to MaxDelaySeconds, FULL jitter drawing within [0, delay]', () => {
    const retrier = { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, BackoffRate: 2, MaxDelaySeconds: 60 };
    expect([1, 2, 3, 6, 7].map((retry) => retryDelaySeconds(retrier, retry, () => 1))).toEqual([2, 4, 8, 60, 60]);
    expect(retryDelaySeconds({ ...retrier, JitterStrategy: 'FULL' }, 3, () => 0.25)).toBe(2);
    expect(retryDelaySeconds({ ...retrier, JitterStrategy: 'FULL' }, 3, () => 0)).toBe(0);
  });
});
