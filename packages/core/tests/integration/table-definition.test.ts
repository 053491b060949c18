import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { describe, expect, inject, it } from 'vitest';
import { assertTableShape, createTableInput } from '../../src/dynamodb/index.js';
import { TableShapeError } from '../../src/index.js';

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
