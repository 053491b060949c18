import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CelebrityItem } from '@celebrity-pipeline/core';
import { createDocumentClient, listWeekItems } from '@celebrity-pipeline/core/dynamodb';
import { localDynamoDbClient, uniqueTableName } from '@celebrity-pipeline/testing';
import type { CommandIo } from '../../src/command-io.js';
import { main, type ProgramDependencies } from '../../src/program.js';

/** A writable that keeps what is written. */
function captured(): NodeJS.WritableStream & { text: () => string; isTTY: false } {
  const chunks: string[] = [];
  return {
    isTTY: false,
    write(chunk: string | Uint8Array) {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    },
    text: () => chunks.join(''),
  } as unknown as NodeJS.WritableStream & { text: () => string; isTTY: false };
}

/** Runs the CLI in-process with captured output. */
export async function cli(
  args: readonly string[],
  options: {
    environment?: Record<string, string | undefined>;
    signal?: AbortSignal;
    dependencies?: ProgramDependencies;
  } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = captured();
  const stderr = captured();
  const io: CommandIo = {
    stdout,
    stderr,
    environment: { ...process.env, ...options.environment },
    now: () => new Date(),
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await main(args, io, options.dependencies);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const binary = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

/** Starts the CLI as its own process (TypeScript through tsx), for tests that kill it. */
export function spawnCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', binary, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
}

/** A table name of its own for one test, and the flags that point the CLI at it on the shared DynamoDB Local. */
export function isolatedDatabase(endpoint: string): { table: string; flags: string[] } {
  const table = uniqueTableName('cli');
  return { table, flags: ['--endpoint', endpoint, '--table', table] };
}

/** Every stored item of a week. */
export async function storedWeek(endpoint: string, table: string, week: string): Promise<CelebrityItem[]> {
  const client = localDynamoDbClient(endpoint);
  try {
    return (await listWeekItems({ client: createDocumentClient({ client }), tableName: table, week })).items;
  } finally {
    client.destroy();
  }
}
