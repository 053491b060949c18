import type { CelebrityList, IsoWeek, ScheduledEvent, Source } from '@celebrity-pipeline/core';
import { type ShardEvent, scheduledRun } from '@celebrity-pipeline/scraper-kit';
import { planCollection, shardEvents } from './collection-plan.js';

/** What `PlanWeek` passes on: the run, the list it planned, and each source's shard events. */
export interface WeekPlan {
  runId: string;
  week: IsoWeek;
  listHash: string;
  celebrityCount: number;
  shards: Record<Source, ShardEvent[]>;
}

/**
 * Plans the week a Scheduled Event starts: the same run id and week a scraper would derive from that event,
 * and every source's shard events over `list`. Pure.
 */
export function planWeek(event: ScheduledEvent, list: CelebrityList): WeekPlan {
  const run = scheduledRun(event);
  const plan = planCollection(list);
  const shards = Object.fromEntries(
    plan.sources.map((sourcePlan) => [sourcePlan.source, shardEvents(plan, sourcePlan, run)]),
  ) as Record<Source, ShardEvent[]>;
  return { runId: run.runId, week: run.week, listHash: plan.listHash, celebrityCount: plan.celebrityCount, shards };
}
