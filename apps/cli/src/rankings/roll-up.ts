import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type IsoWeek, nextIsoWeek } from '@celebrity-pipeline/core';
import { listWeekRanking, type RollUpResult, rollUpWeek } from '@celebrity-pipeline/core/dynamodb';

/**
 * The roll-up step after a week changed (a run or a re-score): the week's summaries, then the following week's
 * when it has any, since its `previous_rank`/`score_change` come from this week. Idempotent: a repeat writes
 * nothing.
 */
export async function rollUpChangedWeek(
  options: { client: DynamoDBDocumentClient; tableName: string },
  week: IsoWeek,
): Promise<RollUpResult[]> {
  const results = [await rollUpWeek({ ...options, week })];
  const next = nextIsoWeek(week);
  const { summaries } = await listWeekRanking({ ...options, week: next, limit: 1 });
  if (summaries.length > 0) results.push(await rollUpWeek({ ...options, week: next }));
  return results;
}

/** `Rankings of 2026-W46: 100 celebrities (written 100, unchanged 0, removed 0)`. */
export function formatRollUp(result: RollUpResult): string {
  const invalid = result.invalidItems.length > 0 ? `, ${result.invalidItems.length} invalid item(s) left out` : '';
  return `Rankings of ${result.week}: ${result.summaries} celebrities (written ${result.written}, unchanged ${result.unchanged}, removed ${result.removed}${invalid})`;
}

/** A roll-up's counts for `--json` (invalid items by key). */
export function rollUpCounts(result: RollUpResult) {
  const { invalidItems, ...counts } = result;
  return { ...counts, invalidItems: invalidItems.map((item) => `${item.pk ?? '?'}|${item.sk ?? '?'}`) };
}
