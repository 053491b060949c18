import type { CreateTableCommandInput, TableDescription } from '@aws-sdk/client-dynamodb';
import { TableShapeError } from './errors.js';
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

/** CreateTable input for {@link RUN_LEDGER_TABLE} under `tableName`. */
export function createRunLedgerTableInput(tableName: string = RUN_LEDGER_TABLE.defaultName): CreateTableCommandInput {
  const { partitionKey, sortKey } = RUN_LEDGER_TABLE;
  return {
    TableName: tableName,
    BillingMode: RUN_LEDGER_TABLE.billingMode,
    AttributeDefinitions: [
      { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
      { AttributeName: sortKey.name, AttributeType: sortKey.type },
    ],
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
  };
}

/** CreateTable input for {@link CELEBRITY_TABLE} under `tableName`. */
export function createTableInput(tableName: string = DEFAULT_TABLE_NAME): CreateTableCommandInput {
  const { partitionKey, sortKey, weekIndex } = CELEBRITY_TABLE;
  return {
    TableName: tableName,
    BillingMode: CELEBRITY_TABLE.billingMode,
    AttributeDefinitions: [
      { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
      { AttributeName: sortKey.name, AttributeType: sortKey.type },
      { AttributeName: weekIndex.partitionKey.name, AttributeType: weekIndex.partitionKey.type },
    ],
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: weekIndex.name,
        KeySchema: [
          { AttributeName: weekIndex.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: weekIndex.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: weekIndex.projectionType },
      },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: CELEBRITY_TABLE.streamViewType },
  };
}

/** Lists how an existing table differs from {@link CELEBRITY_TABLE}; empty when it matches. */
export function tableShapeProblems(description: TableDescription): string[] {
  const problems: string[] = [];
  const keyOf = (type: 'HASH' | 'RANGE') => description.KeySchema?.find((key) => key.KeyType === type)?.AttributeName;
  const { partitionKey, sortKey, weekIndex, streamViewType } = CELEBRITY_TABLE;
  if (keyOf('HASH') !== partitionKey.name) {
    problems.push(`partition key is \`${keyOf('HASH') ?? 'missing'}\`, expected \`${partitionKey.name}\``);
  }
  if (keyOf('RANGE') !== sortKey.name) {
    problems.push(`sort key is \`${keyOf('RANGE') ?? 'missing'}\`, expected \`${sortKey.name}\``);
  }
  const stream = description.StreamSpecification;
  if (!stream?.StreamEnabled) problems.push('stream is disabled, expected a stream');
  else if (stream.StreamViewType !== streamViewType) {
    problems.push(`stream view type is ${stream.StreamViewType}, expected ${streamViewType}`);
  }
  if (!description.GlobalSecondaryIndexes?.some((index) => index.IndexName === weekIndex.name)) {
    problems.push(`global secondary index \`${weekIndex.name}\` is missing`);
  }
  return problems;
}

/** @throws TableShapeError when the table does not match {@link CELEBRITY_TABLE}. */
export function assertTableShape(description: TableDescription): void {
  const problems = tableShapeProblems(description);
  if (problems.length > 0) throw new TableShapeError(description.TableName ?? 'unknown', problems);
}
