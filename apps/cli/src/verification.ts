import type { TableDescription } from '@aws-sdk/client-dynamodb';
import {
  CELEBRITY_TABLE,
  type CelebrityItem,
  type Check,
  missingCheckIds,
  OBSERVATION_ENTITY,
  SOURCES,
  WEEK_CHECK_IDS,
  type WeekCheckId,
  weekChecks,
} from '@celebrity-pipeline/core';
import { type LedgerRun, tableShapeProblems } from '@celebrity-pipeline/core/dynamodb';
import type { InvocationRecord } from '@celebrity-pipeline/local-runtime';
import {
  matchesStreamFilters,
  STREAM_FILTER_PATTERNS,
  STREAM_MAPPING_SETTINGS,
} from '@celebrity-pipeline/post-processor';

/** Every check `verify` must print on the local database, by stable id: a missing one fails the verdict. */
export const LOCAL_VERIFY_CHECK_IDS = [
  'table-stream',
  'parallel-start',
  'stream-filter',
  ...WEEK_CHECK_IDS,
  'dlq-empty',
] as const;

/** Every check `verify --aws` must print on the deployed stack, by stable id. */
export const AWS_VERIFY_CHECK_IDS = [
  'table-stream',
  'weekly-rule',
  'parallel-start',
  'stream-mapping',
  ...WEEK_CHECK_IDS,
  'dlq-empty',
] as const;

/** Largest spread of the scrapers' start times the spec accepts (4A step 3: "within 1000ms"). */
export const MAXIMUM_START_SPREAD_MS = 1_000;

/** 4B step 1: the table exists with a `NEW_AND_OLD_IMAGES` stream (and core's shape). */
export function tableCheck(table: TableDescription | undefined, tableName: string): Check<'table-stream'> {
  const id = 'table-stream';
  const name = 'table exists with stream NEW_AND_OLD_IMAGES';
  if (!table) return { id, name, isPassed: false, detail: `table \`${tableName}\` does not exist` };
  const problems = tableShapeProblems(table);
  return {
    id,
    name,
    isPassed: problems.length === 0,
    detail: problems.length === 0 ? `${tableName}, stream ${CELEBRITY_TABLE.streamViewType}` : problems.join('; '),
  };
}

/**
 * 4A step 3: the four scrapers of the last run started within 1 s of each other (each source's first shard).
 * Locally the invocation times are used (Lambda's `START` lines, which the spec reads); without them (on AWS) the
 * `startedAt` the scrapers recorded in the ledger.
 */
export function parallelStartCheck(
  run: LedgerRun | undefined,
  invocations: readonly InvocationRecord[] = [],
): Check<'parallel-start'> {
  const id = 'parallel-start';
  const name = 'the four scrapers started within 1 s of each other in the last run';
  if (!run) return { id, name, isPassed: false, detail: 'no run in the run ledger' };
  const isInvocationLog = SOURCES.every((source) => invocations.some((record) => record.source === source));
  const recorded = isInvocationLog
    ? invocations.map((record) => ({ source: record.source, at: record.invokedAt }))
    : run.summaries.map((summary) => ({ source: summary.source, at: summary.startedAt }));
  // A source's start is its first shard's: later shards wait for MaxConcurrency by design.
  const starts = SOURCES.flatMap((source) => {
    const times = recorded.filter((start) => start.source === source).map((start) => start.at);
    return times.length === 0
      ? []
      : [{ source, at: times.reduce((first, at) => (Date.parse(at) < Date.parse(first) ? at : first)) }];
  });
  const missing = SOURCES.filter((source) => !starts.some((start) => start.source === source));
  if (missing.length > 0)
    return { id, name, isPassed: false, detail: `run ${run.runId}: no record for ${missing.join(', ')}` };
  const times = starts.map((start) => Date.parse(start.at));
  const spreadMs = Math.max(...times) - Math.min(...times);
  return {
    id,
    name,
    isPassed: spreadMs <= MAXIMUM_START_SPREAD_MS,
    detail: `run ${run.runId}: ${isInvocationLog ? 'invocations' : 'recorded starts'} spread over ${spreadMs} ms`,
  };
}

/**
 * 4B: the filter patterns the local poller applies are the post-processor's, and they do what they must —
 * accept a scraper's INSERT, reject the post-processor's own MODIFY (no loop) — with the deployed batch size.
 */
export function localFilterCheck(): Check<'stream-filter'> {
  const image = { entity: { S: OBSERVATION_ENTITY } };
  const isInsertAccepted = matchesStreamFilters({ eventName: 'INSERT', dynamodb: { NewImage: image } });
  const isOwnUpdateRejected = !matchesStreamFilters({
    eventName: 'MODIFY',
    dynamodb: { NewImage: { ...image, weight: { N: '0.5' } } },
  });
  const isPassed = STREAM_FILTER_PATTERNS.length > 0 && isInsertAccepted && isOwnUpdateRejected;
  return {
    id: 'stream-filter',
    name: 'stream filter patterns in force',
    isPassed,
    detail: `${STREAM_FILTER_PATTERNS.length} pattern(s); INSERT ${isInsertAccepted ? 'accepted' : 'REJECTED'}, own MODIFY ${isOwnUpdateRejected ? 'rejected' : 'ACCEPTED'}; batch size ${STREAM_MAPPING_SETTINGS.batchSize}`,
  };
}

/** 4C: core's checks of the last run's week (written, un-enriched below core's threshold, weights in range). */
export function dataQualityChecks(
  week: string | undefined,
  items: readonly CelebrityItem[],
  expectedItems: number,
): Check<WeekCheckId>[] {
  const checks = weekChecks({ items, expectedItems });
  if (!week) return checks.map((check) => ({ ...check, isPassed: false, detail: 'no run to check' }));
  return checks.map((check) => ({ ...check, name: `${check.name} (week ${week})` }));
}

/** The DLQ holds nothing. */
export function emptyDeadLetterCheck(count: number, where: string): Check<'dlq-empty'> {
  return { id: 'dlq-empty', name: 'DLQ empty', isPassed: count === 0, detail: `${count} message(s) in ${where}` };
}

/** The outcome of a verification: passed only when every required check is present and passing. */
export function verificationOutcome(checks: readonly Check[], requiredIds: readonly string[]) {
  const missing = missingCheckIds(checks, requiredIds);
  const failing = checks.filter((check) => !check.isPassed).map((check) => check.name);
  const isPassed = missing.length === 0 && failing.length === 0;
  const problems = [...failing, ...missing.map((id) => `check \`${id}\` missing`)];
  const verdict = isPassed
    ? 'All checks passed: safe to enable the schedule.'
    : `NOT safe to enable the schedule; failing: ${problems.join('; ')}`;
  return { isPassed, missing, verdict };
}
