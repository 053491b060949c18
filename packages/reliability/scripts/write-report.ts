/**
 * Generates docs/reliability.md from this package's vitest JSON results and the cells the tests recorded
 * (test-results/reliability/*.json, merged into test-results/reliability-matrix.json), the referenced cells'
 * status from their packages' own results, and one `pnpm audit --prod --json`.
 * Run after the tests: `pnpm --filter @celebrity-pipeline/reliability report`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { auditOutcome } from '../src/audit-outcome.js';
import { ReportInputError } from '../src/errors.js';
import { REFERENCED_CELLS } from '../src/existing-coverage.js';
import { MatrixCellSchema, type MatrixRecord } from '../src/matrix-record.js';
import { renderReliabilityReport } from '../src/report-markdown.js';
import { testStatuses, type VitestResults, VitestResultsSchema } from '../src/vitest-results.js';

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = join(packageDirectory, '..', '..');
const resultsDirectory = join(packageDirectory, 'test-results');

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  if (!existsSync(file)) throw new ReportInputError(`Missing ${file}: run the reliability tests first`, file);
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ReportInputError(`Unexpected shape of ${file}: ${parsed.error.message}`, file);
  return parsed.data;
}

function readCells() {
  const directory = join(resultsDirectory, 'reliability');
  if (!existsSync(directory))
    throw new ReportInputError(`Missing ${directory}: run the reliability tests first`, directory);
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => readJson(join(directory, name), z.array(MatrixCellSchema)));
}

/** Another package's latest results, or undefined when it has none readable (never run here, or being written). */
function otherPackageStatuses(file: string): Map<string, string> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return testStatuses(VitestResultsSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));
  } catch {
    return undefined;
  }
}

function referencedStatuses() {
  const cache = new Map<string, Map<string, string> | undefined>();
  return REFERENCED_CELLS.map((reference) => {
    if (!cache.has(reference.packageDirectory)) {
      const file = join(repositoryRoot, reference.packageDirectory, 'test-results', 'vitest.json');
      cache.set(reference.packageDirectory, otherPackageStatuses(file));
    }
    const statuses = cache.get(reference.packageDirectory);
    if (statuses === undefined)
      return { ...reference, status: 'no readable results file here (not run, or a run in progress)' };
    const status = statuses.get(reference.testName) ?? 'not in its results';
    return { ...reference, status: status === 'passed' ? 'pass' : status };
  });
}

function runAudit() {
  const command = 'pnpm audit --prod --json';
  const result = spawnSync('pnpm', ['audit', '--prod', '--json'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const stderr = result.error ? `${result.error.message}\n${result.stderr ?? ''}` : (result.stderr ?? '');
  return auditOutcome(command, result.status, result.stdout ?? '', stderr);
}

const results: VitestResults = readJson(join(resultsDirectory, 'vitest.json'), VitestResultsSchema);
const cells = readCells();
const record: MatrixRecord = { generatedAt: new Date().toISOString(), cells };
writeFileSync(join(resultsDirectory, 'reliability-matrix.json'), `${JSON.stringify(record, null, 2)}\n`);

const markdown = renderReliabilityReport({
  generatedAt: record.generatedAt,
  testRunStartedAt: new Date(results.startTime).toISOString(),
  tests: { total: results.numTotalTests, passed: results.numPassedTests, failed: results.numFailedTests },
  cells,
  statuses: testStatuses(results),
  references: referencedStatuses(),
  audit:
    process.env.RELIABILITY_SKIP_AUDIT === '1'
      ? auditOutcome('pnpm audit --prod --json (skipped)', null, '', 'skipped by RELIABILITY_SKIP_AUDIT=1')
      : runAudit(),
});
mkdirSync(join(repositoryRoot, 'docs'), { recursive: true });
writeFileSync(join(repositoryRoot, 'docs', 'reliability.md'), `${markdown}\n`);
process.stdout.write(
  `docs/reliability.md: ${cells.length} cells, ${results.numPassedTests}/${results.numTotalTests} tests passed\n`,
);
