import { GetObjectCommand, type GetObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { CELEBRITY_TABLE, itemExpiresAt, scheduledEvent } from '@celebrity-pipeline/core';
import { createDocumentClient, createTableInput } from '@celebrity-pipeline/core/dynamodb';
import { type ReplayServer, startReplayServer } from '@celebrity-pipeline/fixtures';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  type CreateScraper,
  createScraperHandler,
  defaultHandlerDependencies,
  loadCelebrityList,
  loadScraperConfig,
  requireCredentials,
  ScraperConfigError,
} from '../../src/index.js';
import { captureOutput } from '../helpers/capture-stdout.js';

const s3 = mockClient(S3Client);
const ssm = mockClient(SSMClient);
const client = localDynamoDbClient(inject('dynamodbEndpoint'));
let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  s3.reset();
  ssm.reset();
});

const listJson = (ids: { id: string; name: string; tmdbId: number }[]) =>
  JSON.stringify({ version: 1, celebrities: ids.map((entry) => ({ ...entry, wikipediaTitle: entry.name })) });
/** An S3 body as the SDK hands it out: only `transformToString` is read. */
const objectBody = (text: string) => ({
  Body: { transformToString: async () => text } as unknown as GetObjectCommandOutput['Body'],
});

const createScraper: CreateScraper<'tmdb'> = ({ config, http }) => {
  const { tmdbToken } = requireCredentials(config, 'tmdb', ['tmdbToken']);
  return {
    source: 'tmdb',
    scrape: async (celebrity) => {
      const { data } = await http('tmdb').get(`${config.baseUrls.TMDB_BASE_URL}/person/${celebrity.tmdbId}`, {
        headers: { Authorization: `Bearer ${tmdbToken}` },
      });
      return { source: 'tmdb', signals: { popularity: (data as { popularity: number }).popularity }, texts: [] };
    },
  };
};

async function handlerOn(env: Record<string, string>) {
  const table = await createTestTable(client, createTableInput(), 'kit-list');
  const handler = createScraperHandler({
    source: 'tmdb',
    createScraper,
    dependencies: () =>
      defaultHandlerDependencies(
        'tmdb',
        {
          ...server.baseUrls,
          SCRAPER_MODE: 'replay',
          DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
          AWS_REGION: 'us-east-1',
          TABLE_NAME: table.tableName,
          POWERTOOLS_LOG_LEVEL: 'SILENT',
          ...env,
        },
        { s3: new S3Client({ region: 'us-east-1' }), ssm: new SSMClient({ region: 'us-east-1' }) },
      ),
  });
  const documentClient = createDocumentClient({ client });
  const scan = async () => (await documentClient.send(new ScanCommand({ TableName: table.tableName }))).Items ?? [];
  const run = async (id: string) => {
    const output = captureOutput();
    try {
      return await handler(scheduledEvent({ id, time: new Date('2026-11-22T02:00:00Z') }));
    } finally {
      output.restore();
    }
  };
  return { run, scan, drop: table.drop };
}

/** Each of these runs the handler against DynamoDB Local; a loaded machine needs more than the default. */
const HANDLER_RUN_TIMEOUT_MS = 120_000;

describe('a celebrity list in S3 or SSM', { timeout: HANDLER_RUN_TIMEOUT_MS }, () => {
  it('is read again at every run, so a changed object takes effect without a redeploy', async () => {
    s3.on(GetObjectCommand, { Bucket: 'lists', Key: 'celebrities.json' })
      .resolvesOnce(objectBody(listJson([{ id: 'tom-hanks', name: 'Tom Hanks', tmdbId: 31 }])))
      .resolvesOnce(
        objectBody(
          listJson([
            { id: 'tom-hanks', name: 'Tom Hanks', tmdbId: 31 },
            { id: 'meryl-streep', name: 'Meryl Streep', tmdbId: 5064 },
          ]),
        ),
      );
    const pipeline = await handlerOn({ CELEBRITIES_S3_URI: 's3://lists/celebrities.json' });
    try {
      expect(await pipeline.run('run-1')).toMatchObject({ attempted: 1 });
      expect(await pipeline.run('run-2')).toMatchObject({ attempted: 2 });
      expect(s3.commandCalls(GetObjectCommand)).toHaveLength(2);
    } finally {
      await pipeline.drop();
    }
  });

  it('fails the run with the validation message and writes nothing when the list is malformed', async () => {
    ssm.on(GetParameterCommand, { Name: '/celebrity-pipeline/list' }).resolves({
      Parameter: { Value: JSON.stringify({ version: 1, celebrities: [{ id: 'x', name: '' }] }) },
    });
    const pipeline = await handlerOn({ CELEBRITIES_SSM_PARAMETER: '/celebrity-pipeline/list' });
    try {
      await expect(pipeline.run('run-bad')).rejects.toThrow(
        /Invalid celebrity list SSM parameter \/celebrity-pipeline\/list/,
      );
      expect(await pipeline.scan()).toEqual([]);
    } finally {
      await pipeline.drop();
    }
  });

  it('names the object when it cannot be read', async () => {
    s3.on(GetObjectCommand).rejects(new Error('Access Denied'));
    await expect(
      loadCelebrityList({ kind: 's3', bucket: 'lists', key: 'missing.json' }, { s3: new S3Client({}) }),
    ).rejects.toThrow('Cannot read the celebrity list at `s3://lists/missing.json`: Access Denied');
  });

  it('refuses two list locations at once and a malformed S3 URI', async () => {
    await expect(
      loadScraperConfig({ CELEBRITIES_FILE: 'a.json', CELEBRITIES_S3_URI: 's3://lists/a.json' }),
    ).rejects.toThrow(/set only one of `CELEBRITIES_FILE`, `CELEBRITIES_S3_URI`/);
    await expect(loadScraperConfig({ CELEBRITIES_S3_URI: 'https://lists/a.json' })).rejects.toThrow(ScraperConfigError);
    await expect(loadScraperConfig({ CELEBRITIES_S3_URI: 'https://lists/a.json' })).rejects.toThrow(
      /`CELEBRITIES_S3_URI`: must be s3:\/\/bucket\/key/,
    );
  });
});

describe('RETAIN_WEEKS', { timeout: HANDLER_RUN_TIMEOUT_MS }, () => {
  it('writes the TTL attribute on every item of the run', async () => {
    const pipeline = await handlerOn({
      RETAIN_WEEKS: '12',
      CELEBRITIES_SSM_PARAMETER: '/list',
    });
    ssm.on(GetParameterCommand).resolves({
      Parameter: { Value: listJson([{ id: 'tom-hanks', name: 'Tom Hanks', tmdbId: 31 }]) },
    });
    try {
      await pipeline.run('run-ttl');
      const [item] = await pipeline.scan();
      // The Sunday 2026-11-22 02:00 UTC run collects 2026-W46, the last fully ended week (core's collectedWeekAt).
      expect(item?.week).toBe('2026-W46');
      expect(item?.[CELEBRITY_TABLE.timeToLiveAttribute]).toBe(itemExpiresAt('2026-W46', 12));
    } finally {
      await pipeline.drop();
    }
  });

  it('is a whole number of weeks', async () => {
    await expect(loadScraperConfig({ RETAIN_WEEKS: '0' })).rejects.toThrow(
      /`RETAIN_WEEKS`: must be a whole number of weeks between 1 and 520/,
    );
    expect((await loadScraperConfig({ SCRAPER_MODE: 'replay' })).retainWeeks).toBeUndefined();
  });
});
