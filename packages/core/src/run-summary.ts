import { z } from 'zod';
import { type IsoWeek, parseIsoWeek } from './iso-week.js';
import { SOURCES } from './sources.js';

/** One celebrity a source could not collect, with the reason and whether a retry may help. */
export const CelebrityFailureSchema = z
  .object({ celebrityId: z.string().min(1), reason: z.string().min(1).max(1_000), retryable: z.boolean() })
  .strict();
export type CelebrityFailure = z.infer<typeof CelebrityFailureSchema>;

/** Which shard of a source's plan an invocation ran (absent: the whole list in one invocation). */
export const RunShardSchema = z
  .object({ index: z.number().int().nonnegative(), count: z.number().int().positive() })
  .strict()
  .refine((shard) => shard.index < shard.count, { message: 'index must be below count', path: ['index'] });
export type RunShard = z.infer<typeof RunShardSchema>;

/**
 * What one scraper invocation did: returned by every scraper handler and stored in the run ledger.
 * `status` is `running` from the invocation's start until it records its end (`finishedAt` is then the time of
 * that first record, and `deadlineAt` its function timeout: past it, {@link effectiveRunStatus} says
 * `timed-out`); `skipped` when the source's credentials are missing in live mode (`skippedReason` says which).
 */
export const RunSummarySchema = z
  .object({
    source: z.enum(SOURCES),
    runId: z.string().min(1),
    week: z.string().transform((value) => parseIsoWeek(value) as IsoWeek),
    status: z.enum(['running', 'succeeded', 'failed', 'skipped']),
    skippedReason: z.string().optional(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    durationMs: z.number().int().nonnegative(),
    attempted: z.number().int().nonnegative(),
    written: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    failed: z.array(CelebrityFailureSchema),
    requestsRetried: z.number().int().nonnegative().default(0),
    shard: RunShardSchema.optional(),
    /** When a `running` record is stale: its start plus the function timeout. */
    deadlineAt: z.iso.datetime().optional(),
    /** sha256 of the celebrity list the invocation scraped (scraper-kit `celebrityListHash`). */
    listHash: z.string().optional(),
    /**
     * Where that list was read (scraper-kit `formatCelebrityListUri`: `bundled`, `file:PATH`, `s3://…`, `ssm:…`), so
     * `verify` and `report` judge the week against the list its run used.
     */
    listLocation: z.string().optional(),
  })
  .strict()
  .refine((summary) => summary.status !== 'running' || summary.deadlineAt !== undefined, {
    message: 'a running record needs deadlineAt',
    path: ['deadlineAt'],
  });
export type RunSummary = z.infer<typeof RunSummarySchema>;

/** A ledger record's status as of `now`: a `running` record past its `deadlineAt` was killed by its timeout. */
export type EffectiveRunStatus = RunSummary['status'] | 'timed-out';

/**
 * The status to show for a record at `now`.
 * @example effectiveRunStatus({ status: 'running', deadlineAt: '2026-11-29T02:03:00Z' }, new Date('2026-11-29T03:00:00Z')) // 'timed-out'
 */
export function effectiveRunStatus(summary: Pick<RunSummary, 'status' | 'deadlineAt'>, now: Date): EffectiveRunStatus {
  if (summary.status !== 'running' || summary.deadlineAt === undefined) return summary.status;
  return now.getTime() > Date.parse(summary.deadlineAt) ? 'timed-out' : 'running';
}

/** One source's shards of one run, rolled up. */
export interface SourceRollUp {
  source: RunSummary['source'];
  /** Shards the plan has (the largest `shard.count` recorded; 1 for an unsharded invocation). */
  shards: number;
  /** Shards with a record, by effective status. */
  byStatus: Record<EffectiveRunStatus, number>;
  attempted: number;
  written: number;
  unchanged: number;
  failed: number;
}

/**
 * Rolls a run's records up per source: shards planned and recorded by status, and the summed counts. A planned
 * shard with no record yet (not started) is `shards` minus the recorded ones.
 */
export function rollUpBySource(summaries: readonly RunSummary[], now: Date): SourceRollUp[] {
  const rollUps = new Map<RunSummary['source'], SourceRollUp>();
  for (const summary of summaries) {
    const rollUp = rollUps.get(summary.source) ?? {
      source: summary.source,
      shards: 0,
      byStatus: { running: 0, succeeded: 0, failed: 0, skipped: 0, 'timed-out': 0 },
      attempted: 0,
      written: 0,
      unchanged: 0,
      failed: 0,
    };
    rollUp.shards = Math.max(rollUp.shards, summary.shard?.count ?? 1);
    rollUp.byStatus[effectiveRunStatus(summary, now)] += 1;
    rollUp.attempted += summary.attempted;
    rollUp.written += summary.written;
    rollUp.unchanged += summary.unchanged;
    rollUp.failed += summary.failed.length;
    rollUps.set(summary.source, rollUp);
  }
  return [...rollUps.values()];
}
