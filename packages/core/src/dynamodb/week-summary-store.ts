import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type IsoWeek, parseIsoWeek, previousIsoWeek } from '../iso-week.js';
import { canonicalJson } from '../item.js';
import { CELEBRITY_TABLE } from '../table-definition.js';
import {
  buildWeekSummaries,
  WEEK_SUMMARY_ENTITY,
  type WeekSummary,
  WeekSummarySchema,
  weekSummaryKey,
} from '../week-summary.js';
import { formatZodIssues } from '../zod-issues.js';
import { DYNAMODB_RETRY_POLICY, type RetryPolicy, retryDynamoDb } from './retry-policy.js';
import { type InvalidStoredItem, listWeekItems } from './week-reader.js';

/** The table the summaries live in (the observation table) and how to reach it. */
export interface WeekSummaryStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  retry?: Partial<RetryPolicy>;
}

/** What {@link rollUpWeek} did. */
export interface RollUpResult {
  week: IsoWeek;
  /** Summaries of the week after the roll-up (one per celebrity with an enriched item). */
  summaries: number;
  /** Summaries put because they were new or differed from the stored ones. */
  written: number;
  /** Summaries equal to the stored ones: not written. */
  unchanged: number;
  /** Stored summaries of celebrities that no longer have an enriched item that week: deleted. */
  removed: number;
  /** Stored observations of the week that fail the item schema (left out of the scores, never dropped silently). */
  invalidItems: InvalidStoredItem[];
}

/**
 * The roll-up step at the end of a run: scores every celebrity of `week` from the week's enriched items
 * ({@link buildWeekSummaries}), ranks them, compares with the previous week's summaries and stores one summary
 * per celebrity. Idempotent under at-least-once invocation: the summaries are a pure function of the stored
 * items, a summary equal to the stored one is not written, and a repeated or concurrent roll-up of the same data
 * writes the same values. Roll weeks up oldest first (a week's `previous_*` come from the week before).
 * @example await rollUpWeek({ client, tableName: 'celebrity-database', week: '2026-W48' })
 */
export async function rollUpWeek(options: WeekSummaryStoreOptions & { week: IsoWeek | string }): Promise<RollUpResult> {
  const week = parseIsoWeek(options.week);
  const [current, previous, stored] = await Promise.all([
    listWeekItems({ client: options.client, tableName: options.tableName, week, retry: options.retry }),
    listWeekRanking({ ...options, week: previousIsoWeek(week) }),
    listWeekRanking({ ...options, week }),
  ]);
  const summaries = buildWeekSummaries(week, current.items, previous.summaries);
  const storedById = new Map(stored.summaries.map((summary) => [summary.celebrity_id, summary]));
  const changed = summaries.filter(
    (summary) => canonicalJson(storedById.get(summary.celebrity_id)) !== canonicalJson(summary),
  );
  const keep = new Set(summaries.map((summary) => summary.celebrity_id));
  const gone = stored.summaries.filter((summary) => !keep.has(summary.celebrity_id));
  const policy = { ...DYNAMODB_RETRY_POLICY, ...options.retry };
  for (const summary of changed) {
    await retryDynamoDb(
      () => options.client.send(new PutCommand({ TableName: options.tableName, Item: summary })),
      policy,
    );
  }
  for (const summary of gone) {
    const Key = weekSummaryKey(summary.celebrity_id, week);
    await retryDynamoDb(() => options.client.send(new DeleteCommand({ TableName: options.tableName, Key })), policy);
  }
  return {
    week,
    summaries: summaries.length,
    written: changed.length,
    unchanged: summaries.length - changed.length,
    removed: gone.length,
    invalidItems: current.invalid,
  };
}

/** A stored summary that fails {@link WeekSummarySchema}. */
export type InvalidStoredSummary = InvalidStoredItem;

/** Summaries read back, best first. */
export interface WeekRanking {
  week: IsoWeek;
  /** Ordered by rank, then celebrity id. */
  summaries: WeekSummary[];
  invalid: InvalidStoredSummary[];
}

/**
 * The summaries of one week from the `ranking-index` GSI, highest score first: with `limit`, a Query that
 * stops after `limit` summaries (top-N), never a scan.
 * @example const { summaries } = await listWeekRanking({ client, tableName, week: '2026-W48', limit: 20 });
 */
export async function listWeekRanking(
  options: WeekSummaryStoreOptions & { week: IsoWeek | string; limit?: number },
): Promise<WeekRanking> {
  const week = parseIsoWeek(options.week);
  const policy = { ...DYNAMODB_RETRY_POLICY, ...options.retry };
  const ranking: WeekRanking = { week, summaries: [], invalid: [] };
  const { rankingIndex } = CELEBRITY_TABLE;
  let startKey: Record<string, unknown> | undefined;
  do {
    const remaining = options.limit === undefined ? undefined : options.limit - ranking.summaries.length;
    const page = await retryDynamoDb(
      () =>
        options.client.send(
          new QueryCommand({
            TableName: options.tableName,
            IndexName: rankingIndex.name,
            KeyConditionExpression: '#week = :week',
            ExpressionAttributeNames: { '#week': rankingIndex.partitionKey.name },
            ExpressionAttributeValues: { ':week': week },
            ScanIndexForward: false,
            ExclusiveStartKey: startKey,
            Limit: remaining,
          }),
        ),
      policy,
    );
    for (const stored of page.Items ?? []) addSummary(ranking, stored);
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined && (options.limit === undefined || ranking.summaries.length < options.limit));
  ranking.summaries.sort((left, right) => left.rank - right.rank || compareText(left.celebrity_id, right.celebrity_id));
  return ranking;
}

/** One celebrity's summaries over a range of weeks. */
export interface CelebrityHistory {
  celebrityId: string;
  /** Oldest first; weeks without a summary are absent. */
  summaries: WeekSummary[];
  invalid: InvalidStoredSummary[];
}

/**
 * The summaries of one celebrity from `fromWeek` to `toWeek` (inclusive): one Query on the celebrity's
 * partition over the weeks' sort-key range, keeping the summaries.
 */
export async function listCelebrityHistory(
  options: WeekSummaryStoreOptions & { celebrityId: string; fromWeek: IsoWeek; toWeek: IsoWeek },
): Promise<CelebrityHistory> {
  const policy = { ...DYNAMODB_RETRY_POLICY, ...options.retry };
  const from = weekSummaryKey(options.celebrityId, parseIsoWeek(options.fromWeek));
  const to = weekSummaryKey(options.celebrityId, parseIsoWeek(options.toWeek));
  const history: CelebrityHistory = { celebrityId: options.celebrityId, summaries: [], invalid: [] };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await retryDynamoDb(
      () =>
        options.client.send(
          new QueryCommand({
            TableName: options.tableName,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
            FilterExpression: '#entity = :entity',
            ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#entity': 'entity' },
            ExpressionAttributeValues: {
              ':pk': from.pk,
              ':from': from.sk,
              ':to': to.sk,
              ':entity': WEEK_SUMMARY_ENTITY,
            },
            ExclusiveStartKey: startKey,
          }),
        ),
      policy,
    );
    for (const stored of page.Items ?? []) addSummary(history, stored);
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return history;
}

function addSummary(
  target: { summaries: WeekSummary[]; invalid: InvalidStoredSummary[] },
  stored: Record<string, unknown>,
) {
  const parsed = WeekSummarySchema.safeParse(stored);
  if (parsed.success) {
    target.summaries.push(parsed.data);
    return;
  }
  const pk = typeof stored.pk === 'string' ? stored.pk : undefined;
  const sk = typeof stored.sk === 'string' ? stored.sk : undefined;
  target.invalid.push({ pk, sk, issues: formatZodIssues(parsed.error) });
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
