/**
 * Scale of the local cycle: `celebrity-pipeline run --celebrities FILE` on generated lists of 1,000 and 10,000
 * celebrities (4,000 and 40,000 items), each written and enriched, with DynamoDB Local in memory (started by the
 * run) and on a persistent data directory (a DynamoDB Local started here first, `--endpoint`). Reports wall time,
 * items/s and the CLI process's own peak RSS (`VmHWM` of its /proc status, polled; DynamoDB Local's JVM, its child
 * in memory mode, is not counted), next to issue 11's targets:
 *   - 10,000 in memory <= 120 s; 10,000 persistent <= 300 s;
 *   - items/s at 1,000 and 10,000 within 1.5x of each other;
 *   - peak RSS <= 1.5 GB.
 * The sources' pacing is compressed by `--time-scale` (default 1/1000: GDELT's 5 s spacing becomes 5 ms), since at
 * the live limits news alone takes hours (docs/cost.md); the pacing is not what this measures.
 *
 *   pnpm --filter @celebrity-pipeline/cli bench:scale
 *   BENCH_SIZES=1000 BENCH_MODES=memory BENCH_TIME_SCALE=1/100 pnpm --filter @celebrity-pipeline/cli bench:scale
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCelebrityList } from '@celebrity-pipeline/celebrities';
import { startDynamoDbLocal } from '@celebrity-pipeline/dynamodb-local';

const TARGETS = { memorySeconds: 120, persistentSeconds: 300, itemsPerSecondRatio: 1.5, peakRssMb: 1_536 };
const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const modes = (process.env.BENCH_MODES ?? 'memory,persistent').split(',') as Array<'memory' | 'persistent'>;
const timeScale = process.env.BENCH_TIME_SCALE ?? '1/1000';
const binary = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Result {
  mode: 'memory' | 'persistent';
  celebrities: number;
  wallSeconds: number;
  written: number;
  enriched: number;
  isPassed: boolean;
  peakRssMb: number;
  exitCode: number | null;
  load: string;
}

/** The peak resident set of process `pid` so far, in KiB (`VmHWM`), or 0 once it is gone. */
async function peakRssKib(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Runs the CLI and polls its own peak RSS until it exits. */
async function runOnce(directory: string, mode: Result['mode'], celebrities: number, endpoint?: string) {
  const list = join(directory, `list-${celebrities}.json`);
  await writeFile(list, JSON.stringify(generateCelebrityList(celebrities)));
  const database = endpoint
    ? ['--endpoint', endpoint, '--table', `scale-${celebrities}-${Date.now()}`]
    : ['--in-memory'];
  const args = [binary, 'run', ...database, '--celebrities', list, '--time-scale', timeScale, '--json'];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let peakKib = 0;
  const poll = setInterval(() => {
    void peakRssKib(child.pid ?? 0).then((kib) => {
      peakKib = Math.max(peakKib, kib);
    });
  }, 250);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(poll);
  const wallSeconds = (performance.now() - started) / 1_000;
  const report = JSON.parse(stdout || '{}') as { written?: number; enriched?: number; isPassed?: boolean };
  return {
    mode,
    celebrities,
    wallSeconds,
    written: report.written ?? 0,
    enriched: report.enriched ?? 0,
    isPassed: report.isPassed ?? false,
    peakRssMb: peakKib / 1_024,
    exitCode,
    load: loadavg()
      .map((value) => value.toFixed(1))
      .join(' '),
  } satisfies Result;
}

const directory = await mkdtemp(join(tmpdir(), 'scale-bench-'));
const results: Result[] = [];
try {
  for (const mode of modes) {
    const database =
      mode === 'persistent' ? await startDynamoDbLocal({ dbPath: join(directory, 'data'), sharedDb: true }) : undefined;
    try {
      for (const celebrities of sizes) {
        const result = await runOnce(directory, mode, celebrities, database?.endpoint);
        results.push(result);
        console.log(
          `${mode} ${celebrities}: ${result.wallSeconds.toFixed(1)} s, ${result.written} written, ${result.enriched} enriched, ${(result.enriched / result.wallSeconds).toFixed(0)} items/s, peak RSS ${result.peakRssMb.toFixed(0)} MB, checks ${result.isPassed ? 'PASS' : 'FAIL'}, exit ${result.exitCode} (load ${result.load})`,
        );
      }
    } finally {
      await database?.stop();
    }
  }
} finally {
  await rm(directory, { recursive: true, force: true });
}

const verdict = (isMet: boolean) => (isMet ? 'met' : 'NOT met');
for (const mode of modes) {
  const ofMode = results.filter((result) => result.mode === mode);
  const large = ofMode.find((result) => result.celebrities === 10_000);
  const small = ofMode.find((result) => result.celebrities === 1_000);
  const limit = mode === 'memory' ? TARGETS.memorySeconds : TARGETS.persistentSeconds;
  if (large)
    console.log(
      `${mode}, 10,000: ${large.wallSeconds.toFixed(1)} s; target <= ${limit} s: ${verdict(large.wallSeconds <= limit)}`,
    );
  if (large && small) {
    const rate = (result: Result) => result.enriched / result.wallSeconds;
    const ratio = Math.max(rate(small), rate(large)) / Math.min(rate(small), rate(large));
    console.log(
      `${mode}, items/s 1,000 vs 10,000: ratio ${ratio.toFixed(2)}; target <= ${TARGETS.itemsPerSecondRatio}: ${verdict(ratio <= TARGETS.itemsPerSecondRatio)}`,
    );
  }
}
const peak = Math.max(...results.map((result) => result.peakRssMb));
console.log(
  `peak RSS of the CLI process: ${peak.toFixed(0)} MB; target <= ${TARGETS.peakRssMb} MB: ${verdict(peak <= TARGETS.peakRssMb)}`,
);
if (results.some((result) => result.exitCode !== 0 || result.enriched !== result.celebrities * 4)) process.exitCode = 1;
