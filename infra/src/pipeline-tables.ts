import { CELEBRITY_TABLE, CELEBRITY_TABLE_INDEXES, RUN_LEDGER_TABLE } from '@celebrity-pipeline/core';
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  type Attribute,
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TableDefinitionError } from './errors.js';

type CoreKey = { readonly name: string; readonly type: string };

const ATTRIBUTE_TYPES: Readonly<Record<string, AttributeType>> = {
  S: AttributeType.STRING,
  N: AttributeType.NUMBER,
  B: AttributeType.BINARY,
};

/** Maps a key of core's table definition to CDK's attribute. */
export function toAttribute(key: CoreKey): Attribute {
  const type = ATTRIBUTE_TYPES[key.type];
  if (!type) throw new TableDefinitionError(`Key \`${key.name}\` has type ${key.type}, expected one of S, N, B`);
  return { name: key.name, type };
}

/** Core's billing mode as CDK billing; only on-demand is part of the design. */
export function toBilling(billingMode: string): Billing {
  if (billingMode !== 'PAY_PER_REQUEST') {
    throw new TableDefinitionError(`Billing mode ${billingMode} is not mapped, expected PAY_PER_REQUEST`);
  }
  return Billing.onDemand();
}

function toStreamViewType(viewType: string): StreamViewType {
  const match = Object.values(StreamViewType).find((candidate) => candidate === viewType);
  if (!match) throw new TableDefinitionError(`Stream view type ${viewType} is not a DynamoDB stream view type`);
  return match;
}

/** Settings every table of the pipeline shares: data outlives the stack and survives mistakes. */
const DURABLE_TABLE = {
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  deletionProtection: true,
  removalPolicy: RemovalPolicy.RETAIN,
} as const;

/**
 * The observation table built from core's {@link CELEBRITY_TABLE}: stream, every index of
 * {@link CELEBRITY_TABLE_INDEXES} (week and ranking), PITR, retained; with `timeToLive`, DynamoDB TTL on core's
 * `timeToLiveAttribute` (items carry it only when a retention is set).
 */
export function createCelebrityTable(
  scope: Construct,
  id: string,
  tableName: string,
  options: { timeToLive?: boolean } = {},
): TableV2 {
  const { partitionKey, sortKey } = CELEBRITY_TABLE;
  return new TableV2(scope, id, {
    tableName,
    partitionKey: toAttribute(partitionKey),
    sortKey: toAttribute(sortKey),
    billing: toBilling(CELEBRITY_TABLE.billingMode),
    dynamoStream: toStreamViewType(CELEBRITY_TABLE.streamViewType),
    globalSecondaryIndexes: CELEBRITY_TABLE_INDEXES.map((index) => ({
      indexName: index.name,
      partitionKey: toAttribute(index.partitionKey),
      sortKey: toAttribute(index.sortKey),
      projectionType: ProjectionType[index.projectionType],
    })),
    ...(options.timeToLive ? { timeToLiveAttribute: CELEBRITY_TABLE.timeToLiveAttribute } : {}),
    ...DURABLE_TABLE,
  });
}

/** The run ledger built from core's {@link RUN_LEDGER_TABLE} (one item per run and source). */
export function createRunLedgerTable(scope: Construct, id: string, tableName: string): TableV2 {
  return new TableV2(scope, id, {
    tableName,
    partitionKey: toAttribute(RUN_LEDGER_TABLE.partitionKey),
    sortKey: toAttribute(RUN_LEDGER_TABLE.sortKey),
    billing: toBilling(RUN_LEDGER_TABLE.billingMode),
    ...DURABLE_TABLE,
  });
}
