import {
  type Celebrity,
  type CelebrityList,
  COLLECTION_STATE_MACHINE_NAME,
  collectedWeekOf,
  type IsoWeek,
  type RunShard,
  type ScheduledEvent,
  type Source,
} from '@celebrity-pipeline/core';
import { ScraperConfigError } from './errors.js';
import { celebrityListHash, type ShardEvent } from './shard-event.js';
import { type RequestCost, SCRAPER_TIMEOUT_SECONDS, sizeShards } from './shard-sizing.js';

/** What one invocation scrapes, from either input a handler accepts. */
export interface RunRequest {
  runId: string;
  week: IsoWeek;
  /** When the run was scheduled (the items' collection time). */
  scheduledAt: Date;
  celebrities: readonly Celebrity[];
  /** Absent for the whole list in one invocation (a Scheduled Event). */
  shard?: RunShard;
  listHash: string;
}

/** A Scheduled Event whose list needs more than one invocation of a source. */
export class ShardingRequiredError extends ScraperConfigError {
  override name = 'ShardingRequiredError';
}

function fromShard(event: ShardEvent, list: CelebrityList, source: Source): RunRequest {
  if (event.source !== source) {
    throw new ScraperConfigError(`Shard event for source ${event.source} sent to the ${source} scraper`, { source });
  }
  const listHash = celebrityListHash(list);
  if (event.listHash !== listHash) {
    throw new ScraperConfigError(
      `The celebrity list changed since run ${event.runId} was planned (planned ${event.listHash.slice(0, 12)}, loaded ${listHash.slice(0, 12)}): plan the run again`,
      { source },
    );
  }
  if (event.shard.end > list.celebrities.length) {
    throw new ScraperConfigError(
      `Shard ${event.shard.index} ends at ${event.shard.end}, past the ${list.celebrities.length} celebrities of the list`,
      { source },
    );
  }
  return {
    runId: event.runId,
    week: event.week,
    scheduledAt: new Date(event.scheduledAt),
    celebrities: list.celebrities.slice(event.shard.start, event.shard.end),
    shard: { index: event.shard.index, count: event.shard.count },
    listHash,
  };
}

/** The run a Scheduled Event starts: its id, the week it collects (core's `collectedWeekOf`) and when it was scheduled. */
export function scheduledRun(event: ScheduledEvent): { runId: string; week: IsoWeek; scheduledAt: Date } {
  return { runId: event.id, week: collectedWeekOf(event), scheduledAt: new Date(event.time) };
}

function fromSchedule(event: ScheduledEvent, list: CelebrityList, source: Source, cost?: RequestCost): RunRequest {
  if (cost) {
    const shards = sizeShards(list.celebrities, { source, requestCost: cost });
    if (shards.length > 1) {
      throw new ShardingRequiredError(
        `${list.celebrities.length} celebrities need ${shards.length} invocations of the ${source} scraper (each within half its ${SCRAPER_TIMEOUT_SECONDS[source]} s timeout): start the state machine ${COLLECTION_STATE_MACHINE_NAME} (\`celebrity-pipeline trigger --aws\`) instead of invoking the scraper with a Scheduled Event`,
        { source },
      );
    }
  }
  return {
    ...scheduledRun(event),
    celebrities: list.celebrities,
    listHash: celebrityListHash(list),
  };
}

/**
 * Resolves a handler input to what the invocation scrapes: a shard event's slice of the list (checked against
 * the list it was planned on), or a Scheduled Event's whole list when it fits one invocation at the source's
 * pace (`requestCost` given: the deployed handlers), else a {@link ShardingRequiredError}.
 */
export function resolveRunRequest(
  event: ScheduledEvent | ShardEvent,
  list: CelebrityList,
  source: Source,
  requestCost?: RequestCost,
): RunRequest {
  return 'kind' in event ? fromShard(event, list, source) : fromSchedule(event, list, source, requestCost);
}
