import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { auditOutcome } from '../../src/audit-outcome.js';
import { readMatrixRun } from '../../src/matrix-results.js';
import { renderReliabilityReport } from '../../src/report-markdown.js';

const packageDirectory = fileURLToPath(new URL('../..', import.meta.url));
const fixtureConfig = fileURLToPath(new URL('../fixtures/failing-cell/vitest.config.ts', import.meta.url));
const vitestBin = join(
  createRequire(import.meta.url)
    .resolve('vitest/package.json')
    .replace(/package\.json$/, ''),
  'vitest.mjs',
);
const directory = mkdtempSync(join(tmpdir(), 'reliability-failing-cell-'));

afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs the failing-cell fixture in a child vitest writing its cells to `directory`; resolves with its exit code. */
function runFixture(): Promise<number | null> {
  const child = spawn(process.execPath, [vitestBin, 'run', '--config', fixtureConfig], {
    cwd: packageDirectory,
    env: { ...process.env, RELIABILITY_RESULTS_DIRECTORY: directory },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

describe('a matrix cell whose test fails', () => {
  it('is recorded with its real status and rendered FAIL; an unrecorded grid position is MISSING', async () => {
    const exitCode = await runFixture();
    const { cells } = readMatrixRun(directory);
    const markdown = renderReliabilityReport({
      generatedAt: '2026-12-01T00:00:00.000Z',
      testRunStartedAt: '2026-12-01T00:00:00.000Z',
      tests: { total: 4, passed: 2, failed: 2 },
      cells,
      references: [],
      audit: auditOutcome('pnpm audit --prod --json (skipped)', null, '', 'skipped'),
    });
    expect(exitCode).toBe(1);
    expect(cells.map((cell) => [cell.subject, cell.status, cell.measured === null])).toEqual([
      ['tmdb', 'failed', false],
      ['news', 'failed', true],
      ['social', 'passed', false],
      ['wikipedia', 'passed', false],
    ]);
    expect(markdown).toContain(
      '| injected cell failure | FAIL: retried and written | FAIL: retried and written | pass: retried and written | MISSING |',
    );
    expect(markdown).toContain('| 500 always | MISSING | MISSING | MISSING | pass: failed with reason |');
    expect(markdown).toContain('| matrix cells recorded | 4: 2 pass, 2 FAIL |');
    expect(markdown).toContain('| grid positions with no cell (MISSING) | 4 |');
    expect(markdown).toContain('| items lost | 1 |');
    expect(markdown).toContain('| news | injected cell failure | retried and written | not measured: the test failed');
  });
});
