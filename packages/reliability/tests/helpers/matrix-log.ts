import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type MatrixCell, MatrixCellSchema } from '../../src/matrix-record.js';

const resultsDirectory = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'reliability');

/**
 * The cells one test file observed, written to `test-results/reliability/<file>.json` after each record (one
 * file per test file, so parallel files never write the same file). The report script merges them.
 */
export function createMatrixLog(testFileUrl: string) {
  const cells: MatrixCell[] = [];
  const file = join(resultsDirectory, `${basename(fileURLToPath(testFileUrl), '.test.ts')}.json`);
  mkdirSync(resultsDirectory, { recursive: true });
  writeFileSync(file, '[]\n');
  return {
    /** Records a cell under the name of the running test (vitest's `fullName`, to join with the JSON results). */
    record(cell: Omit<MatrixCell, 'testName'>): void {
      const testName = (expect.getState().currentTestName ?? '').split(' > ').join(' ');
      cells.push(MatrixCellSchema.parse({ ...cell, testName }));
      writeFileSync(file, `${JSON.stringify(cells, null, 2)}\n`);
    },
  };
}
