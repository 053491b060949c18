import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CelebrityItem, formatItemKey, type IsoWeek } from '@celebrity-pipeline/core';
import { listWeekItems, type RollUpResult } from '@celebrity-pipeline/core/dynamodb';
import { needsRescore, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { rollUpChangedWeek } from './roll-up.js';

/** What happened to one item handed to the post-processor. */
export type RescoreOutcome = { status: 'rescored' | 'unchanged' } | { status: 'failed'; reason: string };

/**
 * Hands a batch of stored items to the post-processor (in-process, or the deployed function) and says what
 * happened to each, in order.
 */
export type DeliverRescoreBatch = (items: readonly CelebrityItem[]) => Promise<RescoreOutcome[]>;

/** Counts of a re-score. */
export interface RescoreResult {
  processorVersion: string;
  isDryRun: boolean;
  weeks: IsoWeek[];
  /** Items re-enriched (with `--dry-run`: items that would be). */
  rescored: number;
  /** Items already enriched by `processorVersion`, or found so when their turn came. */
  unchanged: number;
  failed: number;
  failures: { key: string; reason: string }[];
  rollUps: RollUpResult[];
}

/** Options of {@link rescoreWeeks}. */
export interface RescoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  weeks: readonly IsoWeek[];
  processorVersion: string;
  isDryRun: boolean;
  deliver: DeliverRescoreBatch;
  onProgress?: (progress: { week: IsoWeek; done: number; total: number }) => void;
}

/**
 * Re-scores every item of `weeks` whose `processor_version` is not `processorVersion`, in batches of the stream
 * mapping's size, then rolls each changed week up. Idempotent: a second pass finds every item current and
 * changes nothing.
 */
export async function rescoreWeeks(options: RescoreOptions): Promise<RescoreResult> {
  const result: RescoreResult = {
    processorVersion: options.processorVersion,
    isDryRun: options.isDryRun,
    weeks: [...options.weeks],
    rescored: 0,
    unchanged: 0,
    failed: 0,
    failures: [],
    rollUps: [],
  };
  for (const week of [...options.weeks].sort()) {
    const { items } = await listWeekItems({ client: options.client, tableName: options.tableName, week });
    const outdated = items.filter((item) => needsRescore(item, options.processorVersion));
    result.unchanged += items.length - outdated.length;
    if (options.isDryRun) {
      result.rescored += outdated.length;
      continue;
    }
    const rescoredBefore = result.rescored;
    await rescoreItems(options, week, outdated, result);
    if (result.rescored > rescoredBefore) result.rollUps.push(...(await rollUpChangedWeek(options, week)));
  }
  return result;
}

async function rescoreItems(
  options: RescoreOptions,
  week: IsoWeek,
  outdated: readonly CelebrityItem[],
  result: RescoreResult,
): Promise<void> {
  for (let start = 0; start < outdated.length; start += STREAM_MAPPING_SETTINGS.batchSize) {
    const batch = outdated.slice(start, start + STREAM_MAPPING_SETTINGS.batchSize);
    const outcomes = await options.deliver(batch);
    batch.forEach((item, index) => {
      const outcome = outcomes[index] ?? { status: 'failed', reason: 'no outcome reported' };
      if (outcome.status === 'failed') {
        result.failed += 1;
        result.failures.push({ key: formatItemKey(item), reason: outcome.reason });
      } else result[outcome.status] += 1;
    });
    options.onProgress?.({ week, done: Math.min(outdated.length, start + batch.length), total: outdated.length });
  }
}

/** `Re-scored 120, unchanged 280, failed 0 (post-processor@0.2.0+weight@1)`. */
export function formatRescore(result: RescoreResult): string {
  const verb = result.isDryRun ? 'Would re-score' : 'Re-scored';
  return `${verb} ${result.rescored}, unchanged ${result.unchanged}, failed ${result.failed} over ${result.weeks.length} week(s) (current version ${result.processorVersion})`;
}
