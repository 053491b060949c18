import { DescribeTableCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { describe, expect, inject, it } from 'vitest';
import { addIndexInput, assertTableShape, createTableInput, missingIndexes } from '../../src/dynamodb/index.js';
import { CELEBRITY_TABLE, TableShapeError } from '../../src/index.js';

describe('createTableInput on DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));

  it('creates a table with a NEW_AND_OLD_IMAGES stream that passes the shape check', async () => {
    const { tableName, drop } = await createTestTable(client, createTableInput());
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(Table?.LatestStreamArn).toBeDefined();
      expect(() => assertTableShape(Table ?? {})).not.toThrow();
    } finally {
      await drop();
    }
  });

  it('reports a table of the wrong shape with every difference', async () => {
    const { tableName, drop } = await createTestTable(client, {
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      expect(() => assertTableShape(Table ?? {})).toThrow(TableShapeError);
      expect(() => assertTableShape(Table ?? {})).toThrow(
        /partition key is `id`[\s\S]*sort key is `missing`[\s\S]*stream is disabled/,
      );
    } finally {
      await drop();
    }
  });
});

describe('missingIndexes and addIndexInput on DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));

  it('names a table created before the ranking index and adds the index to it', async () => {
    const current = createTableInput();
    const { tableName, drop } = await createTestTable(client, {
      ...current,
      AttributeDefinitions: current.AttributeDefinitions?.filter(
        (definition) => !['summary_week', 'score'].includes(definition.AttributeName ?? ''),
      ),
      GlobalSecondaryIndexes: current.GlobalSecondaryIndexes?.filter(
        (index) => index.IndexName !== CELEBRITY_TABLE.rankingIndex.name,
      ),
    });
    try {
      const before = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table ?? {};
      expect(missingIndexes(before).map((index) => index.name)).toEqual(['ranking-index']);
      expect(() => assertTableShape(before)).toThrow(/global secondary index `ranking-index` is missing/);
      await client.send(new UpdateTableCommand(addIndexInput(tableName, CELEBRITY_TABLE.rankingIndex)));
      const after = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table ?? {};
      expect(missingIndexes(after)).toEqual([]);
      expect(() => assertTableShape(after)).not.toThrow();
    } finally {
      await drop();
    }
  });
});
