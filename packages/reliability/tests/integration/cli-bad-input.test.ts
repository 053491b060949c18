import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { localDynamoDbClient } from '@celebrity-pipeline/testing';
import { describe, expect, inject, it } from 'vitest';
import {
  cliEnvironment,
  isolatedTable,
  itemsUnder,
  runCliBinary,
  scratchDirectory,
  writeInput,
} from '../helpers/cli-process.js';
import { createMatrixLog } from '../helpers/matrix-log.js';

const matrix = createMatrixLog(import.meta.url);
/** The first two lines of a message, with this run's scratch paths and table names replaced by placeholders. */
const firstLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(0, 2)
    .join(' ')
    .replaceAll(directory, '<scratch>')
    .replace(/rel-cli-[\w-]+/g, '<table>')
    .slice(0, 160);
const directory = scratchDirectory();
const celebrities = defaultCelebrityList().celebrities.slice(0, 3);
let validLists = 0;
const validList = () =>
  writeInput(directory, `valid-${++validLists}.json`, JSON.stringify({ version: 1, celebrities }));

interface BadInput {
  input: string;
  args: (flags: string[]) => string[];
  environment?: Record<string, string | undefined>;
  /** What the message must name. */
  message: RegExp;
  /** Set up state first (e.g. a table in the wrong shape); returns tables that may legitimately hold nothing. */
  prepare?: (endpoint: string, table: string) => Promise<void>;
}

const BAD_INPUTS: BadInput[] = [
  {
    input: 'malformed celebrities.json',
    args: (flags) => [
      'run',
      ...flags,
      '--celebrities',
      writeInput(directory, 'malformed.json', '{"version":1,"celebrities":[{"id":'),
    ],
    message: /malformed\.json|JSON/i,
  },
  {
    input: 'duplicate celebrity ids',
    args: (flags) => [
      'run',
      ...flags,
      '--celebrities',
      writeInput(
        directory,
        'duplicates.json',
        JSON.stringify({ version: 1, celebrities: [celebrities[0], celebrities[1], celebrities[0]] }),
      ),
    ],
    message: new RegExp(`duplicate.*${celebrities[0]?.id ?? 'id'}|${celebrities[0]?.id ?? 'id'}.*duplicate`, 'is'),
  },
  {
    input: 'empty celebrity list',
    args: (flags) => [
      'run',
      ...flags,
      '--celebrities',
      writeInput(directory, 'empty.json', JSON.stringify({ version: 1, celebrities: [] })),
    ],
    message: /empty|at least 1|too small|>=\s*1/i,
  },
  {
    input: 'unknown source name',
    args: (flags) => ['run', ...flags, '--celebrities', validList(), '--sources', 'tmdb,myspace'],
    message: /myspace/,
  },
  {
    input: 'non-numeric limit (SCRAPE_CONCURRENCY=lots)',
    args: (flags) => ['run', ...flags, '--celebrities', validList(), '--sources', 'tmdb'],
    environment: { SCRAPE_CONCURRENCY: 'lots' },
    message: /SCRAPE_CONCURRENCY/,
  },
  {
    input: 'non-numeric FAILURE_THRESHOLD=half',
    args: (flags) => ['run', ...flags, '--celebrities', validList(), '--sources', 'wikipedia'],
    environment: { FAILURE_THRESHOLD: 'half' },
    message: /FAILURE_THRESHOLD/,
  },
  {
    input: 'bad URL in the environment (TMDB_BASE_URL=not-a-url, --live)',
    args: (flags) => ['run', ...flags, '--celebrities', validList(), '--sources', 'tmdb', '--live'],
    environment: { TMDB_BASE_URL: 'not-a-url', TMDB_API_TOKEN: 'tmdb-secret-token-bad-url' },
    message: /TMDB_BASE_URL/,
  },
  {
    input: 'bad URL (--endpoint not-a-url)',
    args: () => ['run', '--endpoint', 'not-a-url', '--celebrities', validList()],
    message: /--endpoint.*not-a-url|not-a-url.*URL/i,
  },
  {
    input: 'wrong table shape',
    args: (flags) => ['run', ...flags, '--celebrities', validList(), '--sources', 'tmdb'],
    message: /shape|key|expected/i,
    prepare: async (endpoint, table) => {
      const client = localDynamoDbClient(endpoint);
      await client.send(
        new CreateTableCommand({
          TableName: table,
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      client.destroy();
    },
  },
];

describe('bad input to the CLI binary: clear message, non-zero exit, nothing written', () => {
  it.each(BAD_INPUTS)('$input', async (badInput) => {
    const cell = matrix.open({
      area: 'bad-input',
      subject: 'cli',
      fault: badInput.input,
      expected: 'clear message, non-zero exit, nothing written',
      duplicatesMeasure: 'not-measured',
    });
    const endpoint = inject('dynamodbEndpoint');
    const { table, flags } = isolatedTable(endpoint);
    await badInput.prepare?.(endpoint, table);
    const result = await runCliBinary(badInput.args(flags), { environment: cliEnvironment(badInput.environment) });
    const stored = await itemsUnder(endpoint, table);
    cell.measure({
      observed: `exit ${result.code}, ${stored.items} item(s) written: ${firstLines(result.stderr)}`,
      faultsInjected: 0, // bad input is what the cell gives, not a fault the harness injected
      pairs: 0,
      itemsLost: 0,
      duplicates: 0,
    });
    expect(result.isTimedOut).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toMatch(badInput.message);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // a message, not a stack trace
    expect(`${result.stdout}${result.stderr}`).not.toContain('tmdb-secret-token');
    expect(stored.items).toBe(0);
  });

  it('Java missing (PATH and JAVA_HOME without java)', async () => {
    const cell = matrix.open({
      area: 'bad-input',
      subject: 'cli',
      fault: 'Java missing (PATH without java)',
      expected: 'clear message, non-zero exit, nothing written',
      duplicatesMeasure: 'not-measured',
    });
    const result = await runCliBinary(['run', '--in-memory', '--celebrities', validList()], {
      environment: cliEnvironment({ PATH: '/nonexistent', JAVA_HOME: undefined }),
    });
    cell.measure({
      observed: `exit ${result.code}: ${firstLines(result.stderr)}`,
      faultsInjected: 0,
      pairs: 0,
      itemsLost: 0,
      duplicates: 0,
    });
    expect(result.isTimedOut).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/java/i);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});
