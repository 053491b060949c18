/**
 * Generates docs/reliability.md from this package's latest test run: the vitest JSON results, the cells the tests
 * recorded (test-results/reliability/*.json, all of the same run id, merged into
 * test-results/reliability-matrix.json) and one `pnpm audit --prod --json`.
 *
 * `report` writes the doc. `report --check` (CI) renders it from the run just made and fails when the committed
 * doc differs in anything but its "Generated" line and the audit section, or when a referenced cell's test did not
 * pass in its own package's results; it writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditOutcome } from '../src/audit-outcome.js';
import { REFERENCED_CELLS } from '../src/existing-coverage.js';
import type { MatrixRecord } from '../src/matrix-record.js';
import { readJsonFile, readMatrixRun } from '../src/matrix-results.js';
import { comparableReport, renderReliabilityReport } from '../src/report-markdown.js';
import { testStatuses, VitestResultsSchema } from '../src/vitest-results.js';

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryRoot = join(packageDirectory, '..', '..');
const resultsDirectory = join(packageDirectory, 'test-results');
const docPath = join(repositoryRoot, 'docs', 'reliability.md');
const isCheck = process.argv.includes('--check');

/** Referenced cells whose test is not `passed` in its package's latest results, with what was found instead. */
function unprovenReferences(): string[] {
  const statusesOf = new Map<string, Map<string, string> | undefined>();
  return REFERENCED_CELLS.flatMap((reference) => {
    if (!statusesOf.has(reference.packageDirectory)) {
      const file = join(repositoryRoot, reference.packageDirectory, 'test-results', 'vitest.json');
      statusesOf.set(
        reference.packageDirectory,
        existsSync(file) ? testStatuses(readJsonFile(file, VitestResultsSchema)) : undefined,
      );
    }
    const statuses = statusesOf.get(reference.packageDirectory);
    const status =
      statuses === undefined
        ? 'has no results: its package has no test-results/vitest.json (run its tests first)'
        : (statuses.get(reference.testName) ?? 'is not in its results');
    return status === 'passed' ? [] : [`${reference.packageDirectory}: "${reference.testName}" ${status}`];
  });
}

function runAudit() {
  const command = 'pnpm audit --prod --json';
  if (isCheck || process.env.RELIABILITY_SKIP_AUDIT === '1')
    return auditOutcome(`${command} (skipped)`, null, '', 'skipped: --check or RELIABILITY_SKIP_AUDIT=1');
  const result = spawnSync('pnpm', ['audit', '--prod', '--json'], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const stderr = result.error ? `${result.error.message}\n${result.stderr ?? ''}` : (result.stderr ?? '');
  return auditOutcome(command, result.status, result.stdout ?? '', stderr);
}

/** The first lines where `expected` and `actual` part, for the failure message. */
function firstDifference(expected: string, actual: string): string {
  const expectedLines = expected.split('\n');
  const actualLines = actual.split('\n');
  const index = expectedLines.findIndex((line, position) => line !== actualLines[position]);
  const at = index === -1 ? expectedLines.length : index;
  return `line ${at + 1}:\n  committed: ${actualLines[at] ?? '(end of file)'}\n  this run:  ${expectedLines[at] ?? '(end of file)'}`;
}

const results = readJsonFile(join(resultsDirectory, 'vitest.json'), VitestResultsSchema);
const { run, cells } = readMatrixRun(join(resultsDirectory, 'reliability'));
const record: MatrixRecord = { generatedAt: new Date().toISOString(), runId: run.runId, cells };
writeFileSync(join(resultsDirectory, 'reliability-matrix.json'), `${JSON.stringify(record, null, 2)}\n`);

const markdown = `${renderReliabilityReport({
  generatedAt: record.generatedAt,
  testRunStartedAt: run.startedAt,
  tests: { total: results.numTotalTests, passed: results.numPassedTests, failed: results.numFailedTests },
  cells,
  references: REFERENCED_CELLS,
  audit: runAudit(),
})}\n`;

if (isCheck) {
  const problems: string[] = unprovenReferences().map((problem) => `referenced cell not proven: ${problem}`);
  const committed = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  if (comparableReport(committed) !== comparableReport(markdown)) {
    problems.push(
      `docs/reliability.md does not describe this run (${firstDifference(comparableReport(markdown), comparableReport(committed))})\n` +
        '  regenerate it: pnpm --filter @celebrity-pipeline/reliability test && pnpm --filter @celebrity-pipeline/reliability report',
    );
  }
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.stdout.write(
    problems.length === 0 ? `docs/reliability.md is current: ${cells.length} cells\n` : 'reliability check failed\n',
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} else {
  writeFileSync(docPath, markdown);
  process.stdout.write(
    `docs/reliability.md: ${cells.length} cells, ${results.numPassedTests}/${results.numTotalTests} tests passed\n`,
  );
}
