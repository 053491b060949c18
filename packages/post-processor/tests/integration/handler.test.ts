import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createItemWriter, createTableInput } from '@celebrity-pipeline/core/dynamodb';
import { createTestTable, LOCAL_CREDENTIALS, localDynamoDbClient } from '@celebrity-pipeline/testing';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { weekItems } from '../helpers/items.js';
import { dynamodbStreamEvent, insertRecord } from '../helpers/stream-records.js';

const lambdaContext: Context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'post-processor',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:post-processor',
  memoryLimitInMB: '512',
  awsRequestId: 'request-1',
  logGroupName: '/aws/lambda/post-processor',
  logStreamName: 'stream-1',
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** The Lambda environment, with the SDK pointed at DynamoDB Local through its standard variables. */
function lambdaEnvironment(tableName: string | undefined): Record<string, string | undefined> {
  return {
    TABLE_NAME: tableName,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
}

describe('handler (the Lambda entry point)', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const documentClient = createDocumentClient({ client });
  let tableName = '';
  let drop: () => Promise<void> = async () => {};

  beforeAll(async () => {
    ({ tableName, drop } = await createTestTable(client, createTableInput(), 'handler'));
  });
  beforeEach(() => {
    vi.resetModules();
    vi.unstubAllEnvs();
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await drop();
    client.destroy();
  });

  it('reads TABLE_NAME once and enriches the batch it is invoked with', async () => {
    for (const [name, value] of Object.entries(lambdaEnvironment(tableName))) vi.stubEnv(name, value);
    const items = weekItems(4, { runId: 'handler-run' });
    await createItemWriter({ client: documentClient, tableName }).putItems(items);
    const { handler } = await import('../../src/handler.js');

    expect(await handler(dynamodbStreamEvent(items.map(insertRecord)), lambdaContext)).toEqual({
      batchItemFailures: [],
    });

    for (const item of items) {
      const { Item } = await documentClient.send(
        new GetCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }),
      );
      expect(Item).toHaveProperty('weight');
      expect(Item).toHaveProperty('sentiment');
    }
    vi.stubEnv('TABLE_NAME', 'some-other-table');
    expect(await handler(dynamodbStreamEvent(items.map(insertRecord)), lambdaContext)).toEqual({
      batchItemFailures: [],
    });
  });

  it('fails the invocation with a ConfigurationError naming TABLE_NAME when it is missing', async () => {
    for (const [name, value] of Object.entries(lambdaEnvironment(undefined))) vi.stubEnv(name, value);
    const { handler } = await import('../../src/handler.js');
    // The same module graph as the handler's (resetModules gives every test a fresh one).
    const { ConfigurationError } = await import('../../src/errors.js');
    const event = dynamodbStreamEvent(weekItems(1).map(insertRecord));
    const failure = handler(event, lambdaContext);
    await expect(failure).rejects.toBeInstanceOf(ConfigurationError);
    await expect(handler(event, lambdaContext)).rejects.toThrow('Expected `TABLE_NAME` to be set');
  });
});
