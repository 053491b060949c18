/**
 * Wall time of `celebrity-pipeline run` for the bundled 100 celebrities × 4 sources on the fixtures, with
 * DynamoDB Local already up (started here first, not timed). Each round uses a fresh table, so every round
 * writes and enriches 400 items. Target: <= 15 s on the project's 2-core machine.
 *
 *   pnpm --filter @celebrity-pipeline/cli bench            # 3 rounds
 *   BENCH_ROUNDS=1 pnpm --filter @celebrity-pipeline/cli bench
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from '@celebrity-pipeline/dynamodb-local';
import { median } from '@celebrity-pipeline/testing/statistics';

const TARGET_MS = 15_000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const binary = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Round {
  wallMs: number;
  reportedMs: number;
  written: number;
  enriched: number;
  exitCode: number | null;
}

function runOnce(endpoint: string): Promise<Round> {
  const table = `bench-${randomUUID().slice(0, 8)}`;
  const started = performance.now();
  const child = spawn(process.execPath, [binary, 'run', '--endpoint', endpoint, '--table', table, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  return new Promise((resolve) => {
    child.once('exit', (exitCode) => {
      const wallMs = performance.now() - started;
      const report = JSON.parse(stdout || '{}') as { wallTimeMs?: number; written?: number; enriched?: number };
      resolve({
        wallMs,
        reportedMs: report.wallTimeMs ?? Number.NaN,
        written: report.written ?? 0,
        enriched: report.enriched ?? 0,
        exitCode,
      });
    });
  });
}

const database = await startDynamoDbLocal({ sharedDb: true });
const results: Round[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    const result = await runOnce(database.endpoint);
    results.push(result);
    console.log(
      `round ${round}: process wall ${(result.wallMs / 1_000).toFixed(1)} s, run's own wall time ${(result.reportedMs / 1_000).toFixed(1)} s, ${result.written} written, ${result.enriched} enriched, exit ${result.exitCode} (load ${loadavg()[0]?.toFixed(1)})`,
    );
  }
} finally {
  await database.stop();
}
const walls = results.map((result) => result.wallMs);
const medianWallMs = median(walls);
console.log(
  `run, 100 celebrities x 4 sources on fixtures: median ${(medianWallMs / 1_000).toFixed(1)} s over ${rounds} round(s) (min ${(Math.min(...walls) / 1_000).toFixed(1)} s); target <= ${TARGET_MS / 1_000} s: ${medianWallMs <= TARGET_MS ? 'met' : 'NOT met'}`,
);
if (results.some((result) => result.exitCode !== 0 || result.enriched !== 400)) process.exitCode = 1;
