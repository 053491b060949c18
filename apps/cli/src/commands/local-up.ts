import { ensureLocalTables, localTableNames, openLocalDatabase } from '@celebrity-pipeline/local-runtime';
import { type CommandIo, printLine } from '../command-io.js';
import type { DatabaseFlags } from '../flags.js';
import { databaseModeOf, tableNameOf } from '../local-context.js';
import { untilAborted } from '../wait-for-signal.js';

/** Default port of `local up`, the one the spec's `aws ... --endpoint-url http://localhost:8000` examples use. */
export const DEFAULT_LOCAL_PORT = 8_000;

/** Shell commands that check the data with the AWS CLI (note `#ts`: `timestamp` is a reserved word). */
export function awsCliExamples(endpoint: string, tableName: string): string[] {
  const base = `aws dynamodb scan --table-name ${tableName} --endpoint-url ${endpoint}`;
  return [
    `${base} --select COUNT`,
    `${base} --select COUNT --filter-expression "attribute_exists(#ts)" --expression-attribute-names '{"#ts":"timestamp"}'`,
    `${base} --select COUNT --filter-expression "attribute_exists(weight) AND attribute_exists(sentiment)"`,
  ];
}

/** `local up`: DynamoDB Local on the persistent data (tables ensured) until interrupted. */
export async function localUpCommand(flags: DatabaseFlags, io: CommandIo): Promise<number> {
  const mode = databaseModeOf({ ...flags, dbPort: flags.dbPort ?? DEFAULT_LOCAL_PORT });
  if (mode.kind === 'endpoint') throw new Error('local up starts its own DynamoDB Local; drop --endpoint');
  const names = localTableNames(tableNameOf(flags, io.environment));
  const database = await openLocalDatabase(mode);
  try {
    await ensureLocalTables(database.dynamodb, names);
    const endpoint = `http://localhost:${database.instance?.port ?? DEFAULT_LOCAL_PORT}`;
    printLine(
      io,
      `DynamoDB Local is serving ${mode.kind === 'persistent' ? mode.dataDirectory : 'an in-memory database'} at ${endpoint} (sharedDb: any credentials and region see the same tables).`,
    );
    printLine(
      io,
      `Tables: ${names.items}, ${names.runLedger}, ${names.state}. Try (any credentials, e.g. AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1):`,
    );
    for (const example of awsCliExamples(endpoint, names.items)) printLine(io, `  ${example}`);
    printLine(io, 'Ctrl-C to stop.');
    await untilAborted(io.signal);
    return 0;
  } finally {
    await database.close();
    printLine(io, 'DynamoDB Local stopped.');
  }
}
