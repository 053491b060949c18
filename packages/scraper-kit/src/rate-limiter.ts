import { setTimeout as sleep } from 'node:timers/promises';
import { type SourceLimit, spacingMs } from './source-limits.js';

/** Runs tasks no faster and no wider than a {@link SourceLimit}. */
export interface RateLimiter {
  /** Waits for a slot (concurrency) and a start time (spacing), then runs `task`. */
  schedule<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly pending: number;
  /**
   * Host-wide back-off: no task starts before `untilMs` (epoch ms), including tasks already waiting for a
   * slot or a start time. A later call can only extend the pause, never shorten it.
   */
  pauseUntil(untilMs: number): void;
  /** Epoch ms before which nothing starts (0 when never paused). */
  readonly pausedUntil: number;
}

/**
 * A FIFO limiter: at most `maxConcurrency` tasks in flight, and request starts at least
 * `max(minSpacingMs, 1000 / requestsPerSecond)` apart (so never more than `requestsPerSecond` in any second).
 * `pauseUntil` holds every start (queued ones too) until the provider's back-off has passed.
 * @example const limiter = createRateLimiter(SOURCE_LIMITS.gdelt); await limiter.schedule(() => fetchOnce());
 */
export function createRateLimiter(
  limit: Pick<SourceLimit, 'requestsPerSecond' | 'minSpacingMs' | 'maxConcurrency'>,
): RateLimiter {
  const gapMs = spacingMs(limit);
  const waiting: (() => void)[] = [];
  let active = 0;
  let lastStartAt = Number.NEGATIVE_INFINITY;
  let pausedUntil = 0;
  let turns: Promise<void> = Promise.resolve();

  const release = () => {
    active -= 1;
    const next = waiting.shift();
    if (next) {
      active += 1;
      next();
    }
  };
  // Starts are spaced from the *actual* previous start: a late timer (a busy event loop) must not let the
  // following requests catch up in a burst. The wait is re-checked after each sleep, because a pause can
  // arrive (or be extended) while a turn is already sleeping.
  const waitForTurn = () => {
    const turn = turns.then(async () => {
      for (;;) {
        const waitMs = Math.max(lastStartAt + gapMs, pausedUntil) - Date.now();
        if (waitMs <= 0) break;
        await sleep(waitMs);
      }
      lastStartAt = Date.now();
    });
    turns = turn;
    return turn;
  };
  const acquire = async () => {
    if (active < limit.maxConcurrency) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    await waitForTurn();
  };

  return {
    async schedule(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get pending() {
      return waiting.length;
    },
    pauseUntil(untilMs) {
      pausedUntil = Math.max(pausedUntil, untilMs);
    },
    get pausedUntil() {
      return pausedUntil;
    },
  };
}
