import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { MatrixRun } from '../../src/matrix-record.js';
import { MATRIX_RUN_FILE } from '../../src/matrix-results.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Id of this test run: every cells file carries it, so the report never merges an earlier run's file. */
    matrixRunId: string;
    /** Where this run's cells are written (`test-results/reliability` unless `RELIABILITY_RESULTS_DIRECTORY`). */
    matrixResultsDirectory: string;
  }
}

/** The package's own results directory for the matrix cells. */
export const DEFAULT_MATRIX_DIRECTORY = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test-results',
  'reliability',
);

/**
 * vitest globalSetup: empties the cells directory (nothing of an earlier run survives), writes the run file and
 * provides the run id and directory to the test files.
 */
export default function setup(project: TestProject): void {
  const directory = process.env.RELIABILITY_RESULTS_DIRECTORY ?? DEFAULT_MATRIX_DIRECTORY;
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const run: MatrixRun = { runId: randomUUID(), startedAt: new Date().toISOString() };
  writeFileSync(join(directory, MATRIX_RUN_FILE), `${JSON.stringify(run, null, 2)}\n`);
  project.provide('matrixRunId', run.runId);
  project.provide('matrixResultsDirectory', directory);
}
