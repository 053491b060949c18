import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient, uniqueTableName } from '@celebrity-pipeline/testing';

/** The `celebrity-pipeline` binary of the `@celebrity-pipeline/cli` dependency (its package.json `bin`), built. */
export const CLI_BINARY = cliBinaryPath();

function cliBinaryPath(): string {
  const manifestPath = createRequire(import.meta.url).resolve('@celebrity-pipeline/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: Record<string, string> };
  const binary = manifest.bin?.['celebrity-pipeline'];
  if (binary === undefined) throw new Error(`${manifestPath} declares no \`celebrity-pipeline\` bin`);
  return join(dirname(manifestPath), binary);
}

/** Environment for the CLI without anything that would reach the internet or print telemetry. */
export function cliEnvironment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CI: 'true',
    DDB_LOCAL_TELEMETRY: '0',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    TURBO_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

/** Starts the CLI binary with `args`. */
export function spawnCliBinary(
  args: readonly string[],
  environment: NodeJS.ProcessEnv = cliEnvironment(),
): ChildProcess {
  return spawn(process.execPath, [CLI_BINARY, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: environment });
}

/** Runs the CLI binary to its end (killed after `timeoutMs`), returning exit code, signal and output. */
export function runCliBinary(
  args: readonly string[],
  options: { environment?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  isTimedOut: boolean;
}> {
  const child = spawnCliBinary(args, options.environment ?? cliEnvironment());
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 120_000);
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: stdout.join(''), stderr: stderr.join(''), isTimedOut });
    });
  });
}

/** A scratch directory for input files. */
export function scratchDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'reliability-cli-'));
}

/** Writes `content` to `name` in `directory` and returns the path. */
export function writeInput(directory: string, name: string, content: string): string {
  const file = join(directory, name);
  writeFileSync(file, content);
  return file;
}

/** A table name of its own on the shared DynamoDB Local, and the flags that point the CLI at it. */
export function isolatedTable(endpoint: string) {
  const table = uniqueTableName('rel-cli');
  return { table, flags: ['--endpoint', endpoint, '--table', table] };
}

/** Items stored in every table whose name starts with `prefix` (the items, ledger and local-state tables). */
export async function itemsUnder(endpoint: string, prefix: string): Promise<{ tables: string[]; items: number }> {
  const client = localDynamoDbClient(endpoint);
  try {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    const tables = TableNames.filter((name) => name.startsWith(prefix));
    let items = 0;
    for (const table of tables) {
      const page = await client.send(new ScanCommand({ TableName: table, Select: 'COUNT' }));
      items += page.Count ?? 0;
    }
    return { tables, items };
  } finally {
    client.destroy();
  }
}
