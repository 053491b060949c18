import type {
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  TableDescription,
  UpdateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { TableShapeError } from '../errors.js';

import {
  CELEBRITY_TABLE,
  CELEBRITY_TABLE_INDEXES,
  type CelebrityTableIndex,
  DEFAULT_TABLE_NAME,
  RUN_LEDGER_TABLE,
} from '../table-definition.js';

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
  const { partitionKey, sortKey } = CELEBRITY_TABLE;
  return {
    TableName: tableName,
    BillingMode: CELEBRITY_TABLE.billingMode,
    AttributeDefinitions: [
      { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
      { AttributeName: sortKey.name, AttributeType: sortKey.type },
      ...CELEBRITY_TABLE_INDEXES.flatMap(indexAttributeDefinitions),
    ],
    KeySchema: [
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: CELEBRITY_TABLE_INDEXES.map(globalSecondaryIndex),
    StreamSpecification: { StreamEnabled: true, StreamViewType: CELEBRITY_TABLE.streamViewType },
  };
}

/** Attribute definitions an index adds (its keys that are not the table's own `pk`/`sk`). */
function indexAttributeDefinitions(index: CelebrityTableIndex) {
  const tableKeys: readonly string[] = [CELEBRITY_TABLE.partitionKey.name, CELEBRITY_TABLE.sortKey.name];
  return [index.partitionKey, index.sortKey]
    .filter((key) => !tableKeys.includes(key.name))
    .map((key) => ({ AttributeName: key.name, AttributeType: key.type }));
}

function globalSecondaryIndex(index: CelebrityTableIndex): GlobalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: index.projectionType },
  };
}

/** The indexes of {@link CELEBRITY_TABLE_INDEXES} an existing table lacks (a table created before they existed). */
export function missingIndexes(description: TableDescription): CelebrityTableIndex[] {
  const present = new Set((description.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  return CELEBRITY_TABLE_INDEXES.filter((index) => !present.has(index.name));
}

/**
 * UpdateTable input that adds one missing index to an existing table (DynamoDB adds one index per call and
 * backfills it from the items already stored).
 */
export function addIndexInput(tableName: string, index: CelebrityTableIndex): UpdateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: indexAttributeDefinitions(index),
    GlobalSecondaryIndexUpdates: [{ Create: globalSecondaryIndex(index) }],
  };
}

/** Lists how an existing table differs from {@link CELEBRITY_TABLE}; empty when it matches. */
export function tableShapeProblems(description: TableDescription): string[] {
  const problems: string[] = [];
  const keyOf = (type: 'HASH' | 'RANGE') => description.KeySchema?.find((key) => key.KeyType === type)?.AttributeName;
  const { partitionKey, sortKey, streamViewType } = CELEBRITY_TABLE;
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
  for (const index of missingIndexes(description)) {
    problems.push(`global secondary index \`${index.name}\` is missing`);
  }
  return problems;
}

/** @throws TableShapeError when the table does not match {@link CELEBRITY_TABLE}. */
export function assertTableShape(description: TableDescription): void {
  const problems = tableShapeProblems(description);
  if (problems.length > 0) throw new TableShapeError(description.TableName ?? 'unknown', problems);
}
