import { createServer } from 'node:net';
import { CreateTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient, uniqueTableName } from '@celebrity-pipeline/testing';
import { describe, expect, inject, it } from 'vitest';
import { cli } from '../helpers/cli.js';

async function occupiedPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('bad environment', () => {
  it('refuses a port in use with one message naming it', async () => {
    const taken = await occupiedPort();
    try {
      const fixtures = await cli(['fixtures', 'serve', '--port', String(taken.port)]);
      expect(fixtures).toMatchObject({ code: 1 });
      expect(fixtures.stderr).toContain(`Port ${taken.port} is already in use`);
      const local = await cli(['local', 'up', '--port', String(taken.port), '--in-memory']);
      expect(local.code).toBe(1);
      expect(local.stderr).toContain(`Port ${taken.port} is already in use`);
    } finally {
      await taken.close();
    }
  });

  it('names a missing Java', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const result = await cli(['run', '--in-memory', '--sources', 'tmdb']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^celebrity-pipeline: Java was not found/);
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses a table in the wrong shape and writes nothing', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const client = localDynamoDbClient(endpoint);
    const table = uniqueTableName('wrong');
    await client.send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: table });
    const result = await cli(['run', '--endpoint', endpoint, '--table', table, '--sources', 'tmdb']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Table \`${table}\` has the wrong shape`);
    expect(result.stderr).toContain('partition key is `id`, expected `pk`');
    const status = await cli(['status', '--endpoint', endpoint, '--table', table]);
    expect(status.stdout).toContain('No runs recorded yet');
    client.destroy();
  });

  it('stops cleanly when interrupted: exit 130 and a message saying how to complete the week', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1_500);
    const result = await cli(
      ['run', '--endpoint', endpoint, '--table', uniqueTableName('stop'), '--sources', 'tmdb', '--week', '2026-W48'],
      {
        signal: controller.signal,
      },
    );
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Interrupted: scrapers and stream poller stopped');
    expect(result.stderr).toContain('celebrity-pipeline run --week 2026-W48');
  });
});
