/**
 * Runs every `bench/*.bench.ts` one after another (never in parallel: they would skew each other's timings)
 * and fails if any of them fails. `pnpm --filter @celebrity-pipeline/core bench`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDirectory = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(benchDirectory)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
if (files.length === 0) throw new Error(`No *.bench.ts files in ${benchDirectory}`);

const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== bench/${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed.push(`${file} (exit ${result.status ?? result.signal})`);
}
if (failed.length > 0) {
  console.error(`\nBenchmarks failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
