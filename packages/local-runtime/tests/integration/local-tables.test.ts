import { CreateTableCommand, DeleteTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { TableShapeError } from '@celebrity-pipeline/core';
import { createTableInput } from '@celebrity-pipeline/core/dynamodb';
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
    expect(again).toEqual({ streamArn: first.streamArn, created: [] });
    const items = await describeTableIfExists(clients.dynamodb, names.items);
    expect(items?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
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
});
