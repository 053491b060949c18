import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject, onTestFinished } from 'vitest';
import {
  type CellMeasurement,
  CellMeasurementSchema,
  type DuplicateMeasure,
  type MatrixArea,
  type MatrixCell,
  MatrixCellSchema,
  type MatrixFile,
} from '../../src/matrix-record.js';

/** What a test declares about its cell before it acts. */
export interface CellDeclaration {
  area: MatrixArea;
  subject: string;
  fault: string;
  expected: string;
  duplicatesMeasure: DuplicateMeasure;
}

/** The running test's cell: `measure` it before the first assertion; it is recorded when the test finishes. */
export interface OpenCell {
  measure(measurement: CellMeasurement): void;
}

/**
 * The cells one test file records, written to `<results>/<file>.json` (one file per test file, so parallel files
 * never write the same file) with the run id the globalSetup provided.
 */
export function createMatrixLog(testFileUrl: string) {
  const file = join(inject('matrixResultsDirectory'), `${basename(fileURLToPath(testFileUrl), '.test.ts')}.json`);
  const content: MatrixFile = { runId: inject('matrixRunId'), cells: [] };
  const write = () => writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  write();
  return {
    /**
     * Opens the running test's cell. Whatever happens next — an assertion fails, the test throws or times out —
     * the cell is recorded when the test finishes, with vitest's verdict as its status and the figures measured
     * so far (`null` when the test failed before measuring).
     */
    open(declaration: CellDeclaration): OpenCell {
      const testName = (expect.getState().currentTestName ?? '').split(' > ').join(' ');
      let measured: CellMeasurement | null = null;
      onTestFinished(({ task }) => {
        const status = task.result?.state === 'pass' ? 'passed' : 'failed';
        const cell: MatrixCell = MatrixCellSchema.parse({ ...declaration, testName, status, measured });
        content.cells.push(cell);
        write();
      });
      return {
        measure(measurement) {
          measured = CellMeasurementSchema.parse(measurement);
        },
      };
    },
  };
}
