import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, PortInUseError, startDynamoDbLocal } from '../../src/index.js';

async function call(endpoint: string, target: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${target}`,
      authorization:
        'AWS4-HMAC-SHA256 Credential=other/20260101/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

const createTable = {
  TableName: 'persisted',
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
};

describe('startDynamoDbLocal', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ddb-local-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('keeps tables across restarts on a persistent path, shared by every access key', async () => {
    const first = await startDynamoDbLocal({ dbPath: directory });
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await call(first.endpoint, 'CreateTable', createTable);
    await first.stop();

    const second = await startDynamoDbLocal({ dbPath: directory });
    try {
      const tables = await call(second.endpoint, 'ListTables', {});
      expect(tables.TableNames).toEqual(['persisted']);
    } finally {
      await second.stop();
    }
  });

  it('starts in memory by default and forgets its tables when stopped', async () => {
    const local = await startDynamoDbLocal();
    expect(local.inMemory).toBe(true);
    expect(await call(local.endpoint, 'ListTables', {})).toEqual({ TableNames: [] });
    await local.stop();
    await local.stop();
  });

  it('refuses a port that is already taken', async () => {
    const port = await findFreePort();
    const blocker = createServer().listen(port, '0.0.0.0');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      await expect(startDynamoDbLocal({ port })).rejects.toThrow(PortInUseError);
    } finally {
      blocker.close();
    }
  });
});
