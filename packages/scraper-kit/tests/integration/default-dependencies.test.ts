import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scheduledEvent } from '@celebrity-pipeline/core';
import {
  createDocumentClient,
  createRunLedger,
  createRunLedgerTableInput,
  createTableInput,
} from '@celebrity-pipeline/core/dynamodb';
import { startReplayServer } from '@celebrity-pipeline/fixtures';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createScraperHandler, defaultHandlerDependencies, requireCredentials } from '../../src/index.js';
import { captureOutput } from '../helpers/capture-stdout.js';

const client = localDynamoDbClient(inject('dynamodbEndpoint'));
let items: Awaited<ReturnType<typeof createTestTable>>;
let ledgerTable: Awaited<ReturnType<typeof createTestTable>>;
let server: Awaited<ReturnType<typeof startReplayServer>>;

beforeAll(async () => {
  items = await createTestTable(client, createTableInput(), 'kit-items');
  ledgerTable = await createTestTable(client, createRunLedgerTableInput(), 'kit-ledger');
  server = await startReplayServer();
});
afterAll(async () => {
  await items.drop();
  await ledgerTable.drop();
  await server.close();
});

describe('defaultHandlerDependencies', () => {
  it('wires config, the list file, the writer and the run ledger from the environment alone', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'kit-'));
    const file = join(directory, 'celebrities.json');
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        celebrities: [{ id: 'tom-hanks', name: 'Tom Hanks', tmdbId: 31, wikipediaTitle: 'Tom_Hanks' }],
      }),
    );
    const env = {
      ...server.baseUrls,
      SCRAPER_MODE: 'replay',
      DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
      AWS_REGION: 'us-east-1',
      TABLE_NAME: items.tableName,
      RUN_LEDGER_TABLE_NAME: ledgerTable.tableName,
      CELEBRITIES_FILE: file,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    };
    const handler = createScraperHandler({
      source: 'tmdb',
      createScraper: ({ config, http }) => {
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
      },
      dependencies: () => defaultHandlerDependencies('tmdb', env),
    });
    const output = captureOutput();
    let summary: Awaited<ReturnType<typeof handler>>;
    try {
      summary = await handler(scheduledEvent({ id: 'run-default', time: new Date('2026-11-29T02:00:00Z') }));
    } finally {
      output.restore();
    }
    expect(output.text()).not.toContain('"level"'); // POWERTOOLS_LOG_LEVEL=SILENT from the given environment
    expect(summary).toMatchObject({ status: 'succeeded', attempted: 1, written: 1 });
    const ledger = createRunLedger({ client: createDocumentClient({ client }), tableName: ledgerTable.tableName });
    const { runs } = await ledger.listRuns({ week: '2026-W47' });
    expect(runs.map((run) => run.runId)).toEqual(['run-default']);
    expect(runs[0]?.summaries[0]).toMatchObject({ source: 'tmdb', written: 1 });
  });
});
