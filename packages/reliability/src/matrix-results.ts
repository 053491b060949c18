import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ReportInputError } from './errors.js';
import { type MatrixCell, MatrixFileSchema, type MatrixRun, MatrixRunSchema } from './matrix-record.js';

/** The file, in the cells directory, that names the test run the cells belong to. */
export const MATRIX_RUN_FILE = 'run.json';

/** Reads and validates one JSON file; a missing or malformed file is a {@link ReportInputError} naming it. */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>): T {
  if (!existsSync(file)) throw new ReportInputError(`Missing ${file}: run the reliability tests first`, file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ReportInputError(`${file} is not JSON: ${(error as Error).message}`, file, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ReportInputError(`Unexpected shape of ${file}: ${parsed.error.message}`, file);
  return parsed.data;
}

/**
 * The cells of the latest test run in `directory` (one file per test file, plus {@link MATRIX_RUN_FILE}). The run
 * clears the directory when it starts and every file carries its run id, so a file of an earlier run is refused
 * rather than merged.
 * @throws ReportInputError when the run file is missing, a file is malformed, or a file belongs to another run.
 */
export function readMatrixRun(directory: string): { run: MatrixRun; cells: MatrixCell[] } {
  const run = readJsonFile(join(directory, MATRIX_RUN_FILE), MatrixRunSchema);
  const cells = readdirSync(directory)
    .filter((name) => name.endsWith('.json') && name !== MATRIX_RUN_FILE)
    .sort()
    .flatMap((name) => {
      const file = join(directory, name);
      const content = readJsonFile(file, MatrixFileSchema);
      if (content.runId !== run.runId) {
        throw new ReportInputError(
          `${file} belongs to test run ${content.runId}, not to the latest run ${run.runId}: rerun the tests`,
          file,
        );
      }
      return content.cells;
    });
  return { run, cells };
}
