import {
  CreateTableCommand,
  DeleteTableCommand,
  PutItemCommand,
  QueryCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { CELEBRITY_TABLE, TableShapeError } from '@celebrity-pipeline/core';
import { createTableInput, missingIndexes } from '@celebrity-pipeline/core/dynamodb';
import { uniqueTableName } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalClients, localClients } from '../../src/local-database.js';
import { describeTableIfExists, ensureLocalTables, localTableNames } from '../../src/local-tables.js';

let clients: LocalClients;
beforeAll(() => {
  clients = localClients(inject('dynamodbEndpoint'));
});
afterAll(() => clients.dynamodb.destroy());

describe('ensureLocalTables', () => {
  it('creates the three tables from core definitions once, with the stream on', async () => {
    const names = localTableNames(uniqueTableName('tables'));
    const first = await ensureLocalTables(clients.dynamodb, names);
    expect(first.created).toEqual([names.items, names.runLedger, names.state]);
    const again = await ensureLocalTables(clients.dynamodb, names);
    expect(again).toEqual({ streamArn: first.streamArn, created: [], indexesAdded: [] });
    const items = await describeTableIfExists(clients.dynamodb, names.items);
    expect(items?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('adds the ranking index to a persistent table created before it, keeping the stored items', async () => {
    const names = localTableNames(uniqueTableName('old'));
    const current = createTableInput(names.items);
    await clients.dynamodb.send(
      new CreateTableCommand({
        ...current,
        AttributeDefinitions: current.AttributeDefinitions?.filter(
          (definition) => !['summary_week', 'score'].includes(definition.AttributeName ?? ''),
        ),
        GlobalSecondaryIndexes: current.GlobalSecondaryIndexes?.filter(
          (index) => index.IndexName !== CELEBRITY_TABLE.rankingIndex.name,
        ),
      }),
    );
    await waitUntilTableExists({ client: clients.dynamodb, maxWaitTime: 30 }, { TableName: names.items });
    await clients.dynamodb.send(
      new PutItemCommand({
        TableName: names.items,
        Item: {
          pk: { S: 'CELEBRITY#a' },
          sk: { S: 'WEEK#2026-W47#SUMMARY' },
          summary_week: { S: '2026-W47' },
          score: { N: '0.5' },
        },
      }),
    );
    const ensured = await ensureLocalTables(clients.dynamodb, names);
    expect(ensured.indexesAdded).toEqual(['ranking-index']);
    const items = await describeTableIfExists(clients.dynamodb, names.items);
    expect(missingIndexes(items ?? {})).toEqual([]);
    const ranked = await clients.dynamodb.send(
      new QueryCommand({
        TableName: names.items,
        IndexName: CELEBRITY_TABLE.rankingIndex.name,
        KeyConditionExpression: 'summary_week = :week',
        ExpressionAttributeValues: { ':week': { S: '2026-W47' } },
      }),
    );
    expect(ranked.Items?.map((item) => item.pk?.S)).toEqual(['CELEBRITY#a']);
    expect((await ensureLocalTables(clients.dynamodb, names)).indexesAdded).toEqual([]);
    for (const table of [names.items, names.runLedger, names.state]) {
      await clients.dynamodb.send(new DeleteTableCommand({ TableName: table }));
    }
  });

  it('refuses an observation table in the wrong shape and creates nothing', async () => {
    const names = localTableNames(uniqueTableName('wrong'));
    const { StreamSpecification: _stream, ...withoutStream } = createTableInput(names.items);
    await clients.dynamodb.send(new CreateTableCommand(withoutStream));
    await waitUntilTableExists({ client: clients.dynamodb, maxWaitTime: 30 }, { TableName: names.items });
    const attempt = ensureLocalTables(clients.dynamodb, names);
    await expect(attempt).rejects.toBeInstanceOf(TableShapeError);
    await expect(attempt).rejects.toThrow(/stream is disabled/);
    expect(await describeTableIfExists(clients.dynamodb, names.runLedger)).toBeUndefined();
    expect(await describeTableIfExists(clients.dynamodb, names.state)).toBeUndefined();
    await clients.dynamodb.send(new DeleteTableCommand({ TableName: names.items }));
  });

  it('refuses a table with other keys and no index with the shape message, without adding an index', async () => {
    const names = localTableNames(uniqueTableName('other-keys'));
    await clients.dynamodb.send(
      new CreateTableCommand({
        TableName: names.items,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await waitUntilTableExists({ client: clients.dynamodb, maxWaitTime: 30 }, { TableName: names.items });
    const attempt = ensureLocalTables(clients.dynamodb, names);
    await expect(attempt).rejects.toBeInstanceOf(TableShapeError);
    await expect(attempt).rejects.toThrow(/partition key is `id`/);
    expect((await describeTableIfExists(clients.dynamodb, names.items))?.GlobalSecondaryIndexes).toBeUndefined();
    expect(await describeTableIfExists(clients.dynamodb, names.runLedger)).toBeUndefined();
    await clients.dynamodb.send(new DeleteTableCommand({ TableName: names.items }));
  });
});
