/**
 * Bundles each function's entry with the esbuild options the stack deploys (ESBUILD_OPTIONS) and reports its
 * minified size, gzip size and largest inputs. Exits 1 when an entry is missing or a bundle exceeds the target.
 *
 *   pnpm --filter @celebrity-pipeline/infra bundle-size [-- --json]
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import {
  ESBUILD_OPTIONS,
  type FunctionSpec,
  handlerEntryPath,
  POST_PROCESSOR_SPEC,
  REPOSITORY_ROOT,
  SCRAPER_SPECS,
} from '../src/index.js';

/** The issue's target: each bundle at most 1 MB minified. */
const TARGET_BYTES = 1_000_000;

interface BundleReport {
  functionName: string;
  entry: string;
  bytes?: number;
  gzipBytes?: number;
  largestInputs?: { input: string; bytes: number }[];
  error?: string;
}

async function bundle(spec: FunctionSpec, outdir: string): Promise<BundleReport> {
  const entry = handlerEntryPath(spec.packageDirectory);
  const report: BundleReport = { functionName: spec.functionName, entry };
  if (!existsSync(join(REPOSITORY_ROOT, entry))) return { ...report, error: 'entry missing' };
  const outfile = join(outdir, spec.functionName, 'index.mjs');
  const result = await build({
    entryPoints: [join(REPOSITORY_ROOT, entry)],
    absWorkingDir: REPOSITORY_ROOT,
    outfile,
    bundle: ESBUILD_OPTIONS.bundle,
    platform: ESBUILD_OPTIONS.platform,
    target: ESBUILD_OPTIONS.target,
    format: ESBUILD_OPTIONS.format,
    mainFields: [...ESBUILD_OPTIONS.mainFields],
    minify: ESBUILD_OPTIONS.minify,
    sourcemap: ESBUILD_OPTIONS.sourcemap,
    sourcesContent: ESBUILD_OPTIONS.sourcesContent,
    banner: { js: ESBUILD_OPTIONS.banner },
    external: [...ESBUILD_OPTIONS.external],
    metafile: true,
    logLevel: 'error',
  });
  const code = await readFile(outfile);
  return {
    ...report,
    bytes: statSync(outfile).size,
    gzipBytes: gzipSync(code).length,
    largestInputs: largestPackages(result.metafile, outfile),
  };
}

/** Output bytes per package (or workspace folder), largest first. */
function largestPackages(metafile: Metafile, outfile: string): { input: string; bytes: number }[] {
  const output = Object.entries(metafile.outputs).find(([path]) => outfile.endsWith(path.replace(/^.*?\/tmp\//, '')));
  const inputs = output?.[1].inputs ?? {};
  const byPackage = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const key = packageOf(path);
    byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
  }
  return [...byPackage.entries()]
    .map(([input, bytes]) => ({ input, bytes }))
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, 6);
}

function packageOf(path: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path);
  if (inModules?.[1]) return inModules[1];
  const inWorkspace = /^(packages\/[^/]+|apps\/[^/]+)/.exec(path);
  return inWorkspace?.[1] ?? path;
}

function kilobytes(bytes: number | undefined): string {
  return bytes === undefined ? '—' : `${(bytes / 1_000).toFixed(1)} kB`;
}

async function main(): Promise<void> {
  const asJson = process.argv.includes('--json');
  const outdir = mkdtempSync(join(tmpdir(), 'celebrity-bundles-'));
  try {
    const specs = [...Object.values(SCRAPER_SPECS), POST_PROCESSOR_SPEC];
    const reports: BundleReport[] = [];
    for (const spec of specs) reports.push(await bundle(spec, outdir));
    if (asJson) process.stdout.write(`${JSON.stringify({ targetBytes: TARGET_BYTES, reports }, null, 2)}\n`);
    else printTable(reports);
    const problems = reports.filter((report) => report.error || (report.bytes ?? 0) > TARGET_BYTES);
    for (const problem of problems) {
      process.stderr.write(
        `${problem.functionName}: ${problem.error ?? `${kilobytes(problem.bytes)} exceeds ${kilobytes(TARGET_BYTES)}`}\n`,
      );
    }
    process.exitCode = problems.length > 0 ? 1 : 0;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function printTable(reports: BundleReport[]): void {
  const lines = [
    `| function | minified | gzip | within ${kilobytes(TARGET_BYTES)} | largest inputs |`,
    '| --- | ---: | ---: | --- | --- |',
    ...reports.map((report) => {
      const inputs = report.largestInputs?.map((input) => `${input.input} ${kilobytes(input.bytes)}`).join(', ');
      const within = report.error ? report.error : (report.bytes ?? 0) <= TARGET_BYTES ? 'yes' : 'NO';
      return `| ${report.functionName} | ${kilobytes(report.bytes)} | ${kilobytes(report.gzipBytes)} | ${within} | ${inputs ?? ''} |`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
