import { scheduledEvent } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { attemptWithinLimits, fireSchedule, invokeScheduled } from '../../src/async-invoker.js';
import { localInvokePolicy } from '../../src/invoke-policy.js';
import { fakeClock, memoryDeadLetterQueue } from '../helpers/factories.js';

const event = scheduledEvent({ id: 'run-1', time: new Date('2026-11-29T02:00:00Z') });
const limits = { retryAttempts: 2, firstRetryDelayMs: 1_000, backoffFactor: 2, maximumEventAgeMs: 60_000 };

describe('attemptWithinLimits', () => {
  it('retries with exponential backoff and succeeds on the last allowed attempt', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await attemptWithinLimits(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error(`failure ${calls}`);
        return 'ok';
      },
      limits,
      { eventTimeMs: clock.now(), clock },
    );
    expect(result).toEqual({ ok: true, value: 'ok', attempts: 3 });
    expect(clock.sleeps).toEqual([1_000, 2_000]);
  });

  it('stops before a retry that would exceed the maximum event age', async () => {
    const clock = fakeClock();
    const result = await attemptWithinLimits(
      async () => {
        throw new Error('down');
      },
      { ...limits, retryAttempts: 10, maximumEventAgeMs: 5_000 },
      { eventTimeMs: clock.now(), clock },
    );
    expect(result).toMatchObject({ ok: false, condition: 'event-too-old', attempts: 3 });
    expect(clock.sleeps).toEqual([1_000, 2_000]);
  });
});

describe('invokeScheduled', () => {
  it('dead-letters a handler that keeps failing with its error, after 1 + retryAttempts attempts', async () => {
    const deadLetters = memoryDeadLetterQueue();
    let calls = 0;
    const outcome = await invokeScheduled(
      {
        source: 'news',
        loadHandler: async () => async () => {
          calls += 1;
          throw new Error('GDELT is down');
        },
      },
      { event, week: '2026-W48', policy: localInvokePolicy(), deadLetters, clock: fakeClock() },
    );
    expect(calls).toBe(3);
    expect(outcome).toMatchObject({ status: 'failed', stage: 'function', condition: 'retries-exhausted', attempts: 3 });
    expect(deadLetters.letters[0]).toMatchObject({
      errorMessage: 'GDELT is down',
      payload: { kind: 'scraper-invocation', stage: 'function', source: 'news', week: '2026-W48', event },
    });
  });

  it('retries a handler that cannot be loaded under the rule policy and records a delivery failure', async () => {
    const deadLetters = memoryDeadLetterQueue();
    let loads = 0;
    const outcome = await invokeScheduled(
      {
        source: 'tmdb',
        loadHandler: async () => {
          loads += 1;
          throw new Error('missing TABLE_NAME');
        },
      },
      { event, week: '2026-W48', policy: localInvokePolicy(), deadLetters, clock: fakeClock() },
    );
    expect(loads).toBe(4);
    expect(outcome).toMatchObject({ status: 'failed', stage: 'delivery' });
    expect(deadLetters.letters[0]?.payload).toMatchObject({ stage: 'delivery' });
  });
});

describe('fireSchedule', () => {
  it('starts every target in the same tick with the same event', async () => {
    const started: string[] = [];
    const received: unknown[] = [];
    const pending = fireSchedule(
      (['tmdb', 'wikipedia', 'news', 'social'] as const).map((source) => ({
        source,
        loadHandler: async () => async (incoming: unknown) => {
          received.push(incoming);
          return source;
        },
      })),
      { event, week: '2026-W48', policy: localInvokePolicy(), deadLetters: memoryDeadLetterQueue() },
    ).then((results) => started.push(...results.map((result) => result.source)));
    await pending;
    expect(started).toEqual(['tmdb', 'wikipedia', 'news', 'social']);
    expect(received).toEqual([event, event, event, event]);
  });
});

describe('localInvokePolicy', () => {
  it('scales core policies: async retries 1 s then 2 s, event age 60 s, rule retries 3 within 5 s', () => {
    const policy = localInvokePolicy();
    expect(policy.function).toEqual({
      retryAttempts: 2,
      firstRetryDelayMs: 1_000,
      backoffFactor: 2,
      maximumEventAgeMs: 60_000,
    });
    expect(policy.delivery).toMatchObject({ retryAttempts: 3, maximumEventAgeMs: 5_000 });
    expect(() => localInvokePolicy(0)).toThrow(RangeError);
  });
});

describe('invokeScheduled when stopped', () => {
  it('abandons a running handler as soon as the signal aborts, without dead-lettering it', async () => {
    const controller = new AbortController();
    const deadLetters = memoryDeadLetterQueue();
    const pending = invokeScheduled(
      { source: 'social', loadHandler: async () => () => new Promise<never>(() => {}) },
      { event, week: '2026-W48', policy: localInvokePolicy(), deadLetters, signal: controller.signal },
    );
    controller.abort();
    expect(await pending).toMatchObject({ status: 'failed', condition: 'aborted', attempts: 1 });
    expect(deadLetters.letters).toEqual([]);
  });
});
