import type { CelebrityFailure, IsoWeek, RunShard, RunSummary, Source } from '@celebrity-pipeline/core';

/** Largest `reason` a run summary stores. */
const MAX_REASON_LENGTH = 1_000;

/** Shortens a reason to what the run summary accepts. */
export function boundedReason(reason: string): string {
  const text = reason.trim() || 'unknown error';
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH - 1)}…` : text;
}

/** Share of attempted celebrities that failed (0 when none was attempted). */
export function failedShare(summary: Pick<RunSummary, 'attempted' | 'failed'>): number {
  return summary.attempted === 0 ? 0 : summary.failed.length / summary.attempted;
}

/**
 * Whether a run failed: more than `threshold` of its celebrities failed.
 * @example exceedsFailureThreshold({ attempted: 100, failed: 51 entries }, 0.5) // true
 */
export function exceedsFailureThreshold(summary: Pick<RunSummary, 'attempted' | 'failed'>, threshold: number): boolean {
  return failedShare(summary) > threshold;
}

/** Builds the summary of a finished run. Pure: times are passed in. */
export function summarizeRun(input: {
  source: Source;
  runId: string;
  week: IsoWeek;
  startedAt: Date;
  finishedAt: Date;
  attempted: number;
  written: number;
  unchanged: number;
  failed: readonly CelebrityFailure[];
  requestsRetried: number;
  failureThreshold: number;
  skippedReason?: string;
  shard?: RunShard;
  listHash?: string;
  /** Where the list was read (`formatCelebrityListUri`). */
  listLocation?: string;
}): RunSummary {
  const failed = [...input.failed].sort((left, right) => left.celebrityId.localeCompare(right.celebrityId));
  const base = {
    source: input.source,
    runId: input.runId,
    week: input.week,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    durationMs: Math.max(0, input.finishedAt.getTime() - input.startedAt.getTime()),
    attempted: input.attempted,
    written: input.written,
    unchanged: input.unchanged,
    failed,
    requestsRetried: input.requestsRetried,
    ...(input.shard ? { shard: input.shard } : {}),
    ...(input.listHash ? { listHash: input.listHash } : {}),
    ...(input.listLocation ? { listLocation: input.listLocation } : {}),
  };
  if (input.skippedReason !== undefined) return { ...base, status: 'skipped', skippedReason: input.skippedReason };
  const status = exceedsFailureThreshold(base, input.failureThreshold) ? 'failed' : 'succeeded';
  return { ...base, status };
}
