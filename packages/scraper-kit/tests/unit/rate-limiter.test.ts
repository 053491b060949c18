import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/index.js';

describe('createRateLimiter', () => {
  it('spaces starts by the limit and never exceeds the concurrency cap', async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 1_000, minSpacingMs: 20, maxConcurrency: 2 });
    const starts: number[] = [];
    let running = 0;
    let maxRunning = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limiter.schedule(async () => {
          starts.push(Date.now());
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          await new Promise((resolve) => setTimeout(resolve, 30));
          running -= 1;
        }),
      ),
    );
    const gaps = starts.slice(1).map((start, index) => start - (starts[index] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(19);
    expect(maxRunning).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('keeps running after a task fails', async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 1_000, minSpacingMs: 0, maxConcurrency: 1 });
    await expect(limiter.schedule(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.schedule(async () => 7)).toBe(7);
  });

  it('holds every start, queued ones included, until a pause has passed, and never shortens a pause', async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 1_000, minSpacingMs: 0, maxConcurrency: 1 });
    const starts: number[] = [];
    const run = () =>
      limiter.schedule(async () => {
        starts.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 5));
      });
    const pausedAt = Date.now();
    limiter.pauseUntil(pausedAt + 150);
    limiter.pauseUntil(pausedAt + 50); // an earlier end does not shorten the pause
    await Promise.all([run(), run(), run()]);
    expect(limiter.pausedUntil).toBe(pausedAt + 150);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(pausedAt + 150);
  });

  it('holds a start already sleeping for its spacing when a pause arrives meanwhile', async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 1_000, minSpacingMs: 40, maxConcurrency: 2 });
    const starts: number[] = [];
    const run = () => limiter.schedule(async () => starts.push(Date.now()));
    const first = run();
    const second = run(); // sleeps ~40 ms for its turn
    await first;
    const pausedAt = Date.now();
    limiter.pauseUntil(pausedAt + 120);
    await second;
    expect(starts[1]).toBeGreaterThanOrEqual(pausedAt + 120);
  });
});
