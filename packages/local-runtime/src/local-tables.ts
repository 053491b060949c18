import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAME } from '@celebrity-pipeline/core';
import {
  addIndexInput,
  assertTableShape,
  createRunLedgerTableInput,
  createTableInput,
  missingIndexes,
  tableShapeProblems,
} from '@celebrity-pipeline/core/dynamodb';
import { StateTableShapeError, StreamMissingError } from './errors.js';

/** The three tables of a local deployment: observations, run ledger, local state (checkpoints + DLQ). */
export interface LocalTableNames {
  items: string;
  runLedger: string;
  state: string;
}

/**
 * Names derived from the observation table, so `--table foo` moves all three together
 * (`foo`, `foo-runs`, `foo-local`).
 * @example localTableNames() // { items: 'celebrity-database', runLedger: 'celebrity-database-runs', state: 'celebrity-database-local' }
 */
export function localTableNames(itemsTable: string = DEFAULT_TABLE_NAME): LocalTableNames {
  return { items: itemsTable, runLedger: `${itemsTable}-runs`, state: `${itemsTable}-local` };
}

/** CreateTable input of the local state table: `pk`/`sk` strings, on demand, no stream. */
export function createStateTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
  };
}

/** Differences between a plain `pk`/`sk` table and `description`; empty when it matches. */
export function keySchemaProblems(description: TableDescription): string[] {
  const keyOf = (type: 'HASH' | 'RANGE') => description.KeySchema?.find((key) => key.KeyType === type)?.AttributeName;
  const problems: string[] = [];
  if (keyOf('HASH') !== 'pk') problems.push(`partition key is \`${keyOf('HASH') ?? 'missing'}\`, expected \`pk\``);
  if (keyOf('RANGE') !== 'sk') problems.push(`sort key is \`${keyOf('RANGE') ?? 'missing'}\`, expected \`sk\``);
  return problems;
}

/** DescribeTable, or `undefined` when the table does not exist. */
export async function describeTableIfExists(
  client: DynamoDBClient,
  tableName: string,
): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** What {@link ensureLocalTables} found and did. */
export interface EnsuredTables {
  streamArn: string;
  created: string[];
  /** Indexes added to an existing observation table created before they were defined (e.g. `ranking-index`). */
  indexesAdded: string[];
}

/**
 * Creates the missing tables from core's definitions. Every existing table is checked first, so a table in
 * the wrong shape stops the run before anything is created or written. A persistent observation table that
 * only lacks an index added since it was created (e.g. `ranking-index`) gets it with UpdateTable (DynamoDB
 * backfills it from the stored items); any other difference stops the run.
 * @throws TableShapeError (core) for a wrong observation table; StateTableShapeError for the other two.
 */
export async function ensureLocalTables(client: DynamoDBClient, names: LocalTableNames): Promise<EnsuredTables> {
  const [existingItems, runLedger, state] = await Promise.all(
    [names.items, names.runLedger, names.state].map((tableName) => describeTableIfExists(client, tableName)),
  );
  const { description: items, indexesAdded } = await addMissingIndexes(client, names.items, existingItems);
  if (items) assertTableShape(items);
  for (const [description, tableName] of [
    [runLedger, names.runLedger],
    [state, names.state],
  ] as const) {
    const problems = description ? keySchemaProblems(description) : [];
    if (problems.length > 0) throw new StateTableShapeError(tableName, problems);
  }
  const missing: CreateTableCommandInput[] = [];
  if (!items) missing.push(createTableInput(names.items));
  if (!runLedger) missing.push(createRunLedgerTableInput(names.runLedger));
  if (!state) missing.push(createStateTableInput(names.state));
  await Promise.all(missing.map((input) => createAndWait(client, input)));
  const streamArn = (await describeTableIfExists(client, names.items))?.LatestStreamArn;
  if (!streamArn) throw new StreamMissingError(names.items);
  return { streamArn, created: missing.map((input) => input.TableName ?? ''), indexesAdded };
}

async function addMissingIndexes(
  client: DynamoDBClient,
  tableName: string,
  description: TableDescription | undefined,
): Promise<{ description: TableDescription | undefined; indexesAdded: string[] }> {
  if (!description) return { description, indexesAdded: [] };
  const missing = missingIndexes(description);
  // Only a table whose one difference is a missing index is updated: any other difference (keys, stream) stops
  // the run with the shape message before anything is sent to the table.
  if (tableShapeProblems(description).length > missing.length) assertTableShape(description);
  // DynamoDB creates one index per UpdateTable call, and the table must be ACTIVE between calls.
  for (const index of missing) {
    await client.send(new UpdateTableCommand(addIndexInput(tableName, index)));
    await waitUntilIndexesActive(client, tableName);
  }
  if (missing.length === 0) return { description, indexesAdded: [] };
  return {
    description: await describeTableIfExists(client, tableName),
    indexesAdded: missing.map((index) => index.name),
  };
}

async function createAndWait(client: DynamoDBClient, input: CreateTableCommandInput): Promise<void> {
  await client.send(new CreateTableCommand(input));
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: input.TableName });
}

const INDEX_WAIT = { timeoutMs: 120_000, pollMs: 250 } as const;

async function waitUntilIndexesActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + INDEX_WAIT.timeoutMs;
  for (;;) {
    const table = await describeTableIfExists(client, tableName);
    const isActive =
      table?.TableStatus === 'ACTIVE' &&
      (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (isActive) return;
    if (Date.now() > deadline) {
      throw new Error(`Table \`${tableName}\`: its new index is not ACTIVE after ${INDEX_WAIT.timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, INDEX_WAIT.pollMs));
  }
}
