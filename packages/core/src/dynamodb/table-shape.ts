import type { CreateTableCommandInput, TableDescription } from '@aws-sdk/client-dynamodb';
import { TableShapeError } from '../errors.js';
import { CELEBRITY_TABLE, DEFAULT_TABLE_NAME, RUN_LEDGER_TABLE } from '../table-definition.js';

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
