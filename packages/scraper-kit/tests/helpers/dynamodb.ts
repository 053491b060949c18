import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createItemWriter, createTableInput } from '@celebrity-pipeline/core/dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { inject } from 'vitest';

/** A fresh item table on the run's DynamoDB Local, core's writer on it, and a scan helper. */
export async function itemTable() {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const { tableName, drop } = await createTestTable(client, createTableInput(), 'kit');
  const documentClient = createDocumentClient({ client });
  return {
    tableName,
    drop,
    writer: createItemWriter({ client: documentClient, tableName, retry: { minTimeout: 5, maxTimeout: 20 } }),
    scan: async () => (await documentClient.send(new ScanCommand({ TableName: tableName }))).Items ?? [],
  };
}
