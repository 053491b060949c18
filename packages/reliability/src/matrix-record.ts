import { z } from 'zod';

/** The areas of the reliability matrix, in report order. */
export const MATRIX_AREAS = ['source-fault', 'invocation', 'stream', 'crash', 'bad-input', 'security'] as const;
export type MatrixArea = (typeof MATRIX_AREAS)[number];

/**
 * One cell of the matrix as a test observed it: the fault it injected, what was expected and what happened,
 * and the invariant's figures. Tests append these to `test-results/reliability/<file>.json`.
 */
export const MatrixCellSchema = z
  .object({
    area: z.enum(MATRIX_AREAS),
    /** Row label, e.g. a source (`tmdb`), `post-processor` or `cli`. */
    subject: z.string().min(1),
    /** Column label: the fault or the bad input. */
    fault: z.string().min(1),
    expected: z.string().min(1),
    observed: z.string().min(1),
    /** The vitest test (full name) that asserted it, to join with the vitest JSON results. */
    testName: z.string().min(1),
    /** Faults the replay server (or the SDK middleware, or the test) actually injected. */
    faultsInjected: z.number().int().nonnegative(),
    /** (celebrity, source) pairs or records the cell accounts for. */
    pairs: z.number().int().nonnegative(),
    itemsLost: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
  })
  .strict();
export type MatrixCell = z.infer<typeof MatrixCellSchema>;

/** The merged machine-readable record the report is generated from (`test-results/reliability-matrix.json`). */
export const MatrixRecordSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    cells: z.array(MatrixCellSchema),
  })
  .strict();
export type MatrixRecord = z.infer<typeof MatrixRecordSchema>;
