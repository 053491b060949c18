import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CelebrityItem, DEFAULT_TABLE_NAME } from '@celebrity-pipeline/core';
import {
  createDocumentClient,
  createRunLedger,
  listWeekItems,
  type RunLedger,
} from '@celebrity-pipeline/core/dynamodb';
import {
  createDeadLetterQueue,
  createInvocationLog,
  type DatabaseMode,
  DEFAULT_DATA_DIRECTORY,
  type DeadLetterQueue,
  describeTableIfExists,
  ensureLocalTables,
  type InvocationLog,
  type LocalDatabase,
  type LocalTableNames,
  localTableNames,
  openLocalDatabase,
} from '@celebrity-pipeline/local-runtime';
import { UsageError } from './errors.js';
import type { DatabaseFlags } from './flags.js';
import { parseEndpointOption } from './option-parsers.js';

/** Environment variable that overrides the observation table name (tests use it to stay parallel-safe). */
export const TABLE_ENVIRONMENT_VARIABLE = 'CELEBRITY_PIPELINE_TABLE';

// DynamoDB table names: 3–255 of letters, digits, `_`, `-`, `.`; `-runs`/`-local` are appended to it.
const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,249}$/;

/** `--table`, else `CELEBRITY_PIPELINE_TABLE`, else core's default; checked before anything starts. */
export function tableNameOf(flags: DatabaseFlags, environment: Readonly<Record<string, string | undefined>>): string {
  const name = flags.table ?? environment[TABLE_ENVIRONMENT_VARIABLE] ?? DEFAULT_TABLE_NAME;
  if (!TABLE_NAME_PATTERN.test(name)) {
    throw new UsageError(
      `${flags.table ? '--table' : TABLE_ENVIRONMENT_VARIABLE}: \`${name}\` is not a usable DynamoDB table name (3–249 of A-Z a-z 0-9 _ . -)`,
    );
  }
  return name;
}

/** The database mode the flags ask for. */
export function databaseModeOf(flags: DatabaseFlags): DatabaseMode {
  if (flags.endpoint && flags.inMemory) throw new UsageError('--endpoint and --in-memory exclude each other');
  if (flags.endpoint) return { kind: 'endpoint', endpoint: parseEndpointOption(flags.endpoint) };
  const port = flags.dbPort === undefined ? {} : { port: flags.dbPort };
  if (flags.inMemory) return { kind: 'in-memory', ...port };
  return { kind: 'persistent', dataDirectory: flags.dataDir ?? DEFAULT_DATA_DIRECTORY, ...port };
}

/** An open local database with the pipeline's tables and stores. */
export interface LocalContext {
  database: LocalDatabase;
  names: LocalTableNames;
  /** Undefined when the tables were not created and do not exist yet. */
  streamArn: string | undefined;
  documentClient: DynamoDBDocumentClient;
  deadLetters: DeadLetterQueue;
  invocationLog: InvocationLog;
  ledger: RunLedger;
  readWeek(week: string): Promise<CelebrityItem[]>;
  close(): Promise<void>;
}

/**
 * Opens the database and, with `createTables`, creates the missing tables (an existing table in the wrong
 * shape stops here, before anything is written).
 */
export async function openLocalContext(
  flags: DatabaseFlags,
  options: { createTables: boolean; environment?: Readonly<Record<string, string | undefined>> },
): Promise<LocalContext> {
  const names = localTableNames(tableNameOf(flags, options.environment ?? process.env));
  const database = await openLocalDatabase(databaseModeOf(flags));
  try {
    const streamArn = options.createTables
      ? (await ensureLocalTables(database.dynamodb, names)).streamArn
      : (await describeTableIfExists(database.dynamodb, names.items))?.LatestStreamArn;
    const documentClient = createDocumentClient({ client: database.dynamodb });
    return {
      database,
      names,
      streamArn,
      documentClient,
      deadLetters: createDeadLetterQueue({ documentClient, tableName: names.state }),
      invocationLog: createInvocationLog({ documentClient, tableName: names.state }),
      ledger: createRunLedger({ client: documentClient, tableName: names.runLedger }),
      readWeek: async (week) => (await listWeekItems({ client: documentClient, tableName: names.items, week })).items,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
