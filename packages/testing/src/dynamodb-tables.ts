import { randomUUID } from 'node:crypto';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DeleteTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';

/** Credentials DynamoDB Local accepts (any value works; these make intent obvious). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** A DynamoDB client for DynamoDB Local at `endpoint`. */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 3 });
}

/** A table name no other test file uses, so test files can run in parallel against one DynamoDB Local. */
export function uniqueTableName(prefix = 'test'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Creates a table from `input` under a unique name and returns the name and a function that deletes it. */
export async function createTestTable(
  client: DynamoDBClient,
  input: Omit<CreateTableCommandInput, 'TableName'>,
  prefix = 'test',
): Promise<{ tableName: string; drop: () => Promise<void> }> {
  const tableName = uniqueTableName(prefix);
  await client.send(new CreateTableCommand({ ...input, TableName: tableName }));
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
  return { tableName, drop: async () => void (await client.send(new DeleteTableCommand({ TableName: tableName }))) };
}
