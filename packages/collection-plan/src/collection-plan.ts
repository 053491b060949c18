import { type CelebrityList, type IsoWeek, SOURCES, type Source } from '@celebrity-pipeline/core';
import { celebrityListHash, SHARD_EVENT_KIND, type ShardEvent } from '@celebrity-pipeline/scraper-kit';
import { planSource, type SourcePlan } from './source-plan.js';

/** The whole week's plan: one {@link SourcePlan} per source, over one list identified by its hash. */
export interface CollectionPlan {
  celebrityCount: number;
  listHash: string;
  sources: SourcePlan[];
  /** The slowest source's estimated wall time (the sources run in parallel). */
  estimatedSeconds: number;
}

/**
 * Plans a weekly run of `sources` (default: all four) over `list`. Pure: the same list always gives the same
 * shards, which is what lets a shard be re-run, and lets the local runtime execute the plan AWS executes.
 * @example planCollection(defaultCelebrityList()).sources.map((plan) => plan.shards.length) // [1, 1, 1, 1]
 */
export function planCollection(list: CelebrityList, sources: readonly Source[] = SOURCES): CollectionPlan {
  const plans = sources.map((source) => planSource(source, list.celebrities));
  return {
    celebrityCount: list.celebrities.length,
    listHash: celebrityListHash(list),
    sources: plans,
    estimatedSeconds: Math.max(...plans.map((plan) => plan.estimatedSeconds)),
  };
}

/** The run a plan's shard events belong to. */
export interface PlannedRun {
  runId: string;
  week: IsoWeek;
  /** When the run was scheduled (the items' collection time). */
  scheduledAt: Date;
}

/** The shard events of one source's plan, in shard order: what each invocation of its scraper receives. */
export function shardEvents(plan: CollectionPlan, sourcePlan: SourcePlan, run: PlannedRun): ShardEvent[] {
  return sourcePlan.shards.map((shard) => ({
    kind: SHARD_EVENT_KIND,
    runId: run.runId,
    week: run.week,
    source: sourcePlan.source,
    scheduledAt: run.scheduledAt.toISOString(),
    shard: { index: shard.index, count: sourcePlan.shards.length, start: shard.start, end: shard.end },
    listHash: plan.listHash,
  }));
}
