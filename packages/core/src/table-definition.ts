import { type IsoWeek, weekWindow } from './iso-week.js';

/** Default table name, as the spec names it. */
export const DEFAULT_TABLE_NAME = 'celebrity-database';

/**
 * The table as data: imported by `infra/` (CDK) and by the local runtime (CreateTable on DynamoDB Local),
 * so both build the same table.
 */
export const CELEBRITY_TABLE = {
  defaultName: DEFAULT_TABLE_NAME,
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  billingMode: 'PAY_PER_REQUEST',
  streamViewType: 'NEW_AND_OLD_IMAGES',
  /** All items of one ISO week, for reports and verification without a scan. */
  weekIndex: {
    name: 'week-index',
    partitionKey: { name: 'week', type: 'S' },
    sortKey: { name: 'pk', type: 'S' },
    projectionType: 'ALL',
  },
  /**
   * The celebrity-week summaries of one week by score: top-N is a Query (descending, `Limit` N), not a scan.
   * Sparse: only summaries carry `summary_week`.
   */
  rankingIndex: {
    name: 'ranking-index',
    partitionKey: { name: 'summary_week', type: 'S' },
    sortKey: { name: 'score', type: 'N' },
    projectionType: 'ALL',
  },
  /**
   * DynamoDB TTL attribute (epoch seconds). Written only when a retention is configured (`RETAIN_WEEKS`,
   * the construct's `retainWeeks`); items without it never expire. DynamoDB Local ignores TTL.
   */
  timeToLiveAttribute: 'expires_at',
} as const;

const WEEK_SECONDS = 7 * 24 * 60 * 60;

/**
 * When an item of `week` expires under a retention of `retainWeeks` weeks: the end of its week (the next
 * Monday 00:00 UTC) plus `retainWeeks` weeks, in epoch seconds (the unit DynamoDB TTL reads). Pure.
 * @example itemExpiresAt('2026-W47', 4) // 2026-12-21T00:00:00Z in seconds
 */
export function itemExpiresAt(week: IsoWeek, retainWeeks: number): number {
  if (!Number.isInteger(retainWeeks) || retainWeeks < 1) {
    throw new RangeError(`retainWeeks must be a whole number of weeks >= 1, got ${retainWeeks}`);
  }
  return Math.floor(weekWindow(week).end.getTime() / 1_000) + retainWeeks * WEEK_SECONDS;
}

/** The global secondary indexes of {@link CELEBRITY_TABLE}, in creation order. */
export const CELEBRITY_TABLE_INDEXES = [CELEBRITY_TABLE.weekIndex, CELEBRITY_TABLE.rankingIndex] as const;

/** One of {@link CELEBRITY_TABLE_INDEXES}. */
export type CelebrityTableIndex = (typeof CELEBRITY_TABLE_INDEXES)[number];

/**
 * The run ledger: one item per (run, source) with its `RunSummary`, so `status` works locally and on
 * AWS. A table of its own keeps the observation table (and its stream) to observations only.
 */
export const RUN_LEDGER_TABLE = {
  defaultName: `${DEFAULT_TABLE_NAME}-runs`,
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  billingMode: 'PAY_PER_REQUEST',
} as const;
