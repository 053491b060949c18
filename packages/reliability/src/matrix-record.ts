import { z } from 'zod';

/** The areas of the reliability matrix, in report order. */
export const MATRIX_AREAS = ['source-fault', 'invocation', 'stream', 'crash', 'bad-input', 'security'] as const;
export type MatrixArea = (typeof MATRIX_AREAS)[number];

/**
 * What `faultsInjected` counts, in every cell: faults the test harness itself injected, counted where it injected
 * them — fault responses of the replay server (its request log), exceptions thrown or requests withheld by the SDK
 * fault middleware, poison records the test wrote, signals it sent. Never a redelivery, a record the filter drops,
 * a re-scraped batch, a redirect the fixtures always answer, or a bad configuration (those cells count 0).
 */
export const FAULTS_INJECTED_DEFINITION =
  'faults the test harness injected, counted where it injected them: fault responses of the replay server, ' +
  'exceptions thrown or requests withheld by the SDK fault middleware, poison records written, signals sent. ' +
  'Redeliveries, records the stream filter drops, re-scraped batches, redirects the fixtures always answer and ' +
  'bad configuration are not faults (0).';

/** What a cell's `duplicates` counts: each cell names the measure it took. */
export const DUPLICATE_MEASURES = {
  'stored-items': 'stored items sharing a celebrity × source × week with another (table scanned after the run)',
  'repeated-updates':
    'enrichment UpdateItem calls that succeeded on an item already enriched (an update applied twice)',
  'not-measured': 'the cell writes nothing it could duplicate (bad input, security)',
} as const;
export type DuplicateMeasure = keyof typeof DUPLICATE_MEASURES;
const DUPLICATE_MEASURE_NAMES = Object.keys(DUPLICATE_MEASURES) as [DuplicateMeasure, ...DuplicateMeasure[]];

/** The outcome of the test that owns a cell, as vitest reported it when the test finished. */
export const CELL_STATUSES = ['passed', 'failed'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

/** The figures a test measured for its cell, before any of its assertions ran. */
export const CellMeasurementSchema = z
  .object({
    /** What happened, built from what the test observed (never from what it expected). */
    observed: z.string().min(1),
    /** See {@link FAULTS_INJECTED_DEFINITION}. */
    faultsInjected: z.number().int().nonnegative(),
    /** (celebrity, source) pairs or records the cell accounts for. */
    pairs: z.number().int().nonnegative(),
    itemsLost: z.number().int().nonnegative(),
    /** Counted as the cell's `duplicatesMeasure` says; 0 with `not-measured`. */
    duplicates: z.number().int().nonnegative(),
  })
  .strict();
export type CellMeasurement = z.infer<typeof CellMeasurementSchema>;

/**
 * One cell of the matrix as its test recorded it when it finished, whatever the outcome: the fault, what was
 * expected, the test's real status and the figures measured before any assertion (`measured: null` when the test
 * failed before it could measure). Tests write these to `test-results/reliability/<file>.json`.
 */
export const MatrixCellSchema = z
  .object({
    area: z.enum(MATRIX_AREAS),
    /** Row label, e.g. a source (`tmdb`), `post-processor` or `cli`. */
    subject: z.string().min(1),
    /** Column label: the fault or the bad input. */
    fault: z.string().min(1),
    expected: z.string().min(1),
    duplicatesMeasure: z.enum(DUPLICATE_MEASURE_NAMES),
    /** The vitest test (full name) that owns the cell. */
    testName: z.string().min(1),
    status: z.enum(CELL_STATUSES),
    measured: CellMeasurementSchema.nullable(),
  })
  .strict();
export type MatrixCell = z.infer<typeof MatrixCellSchema>;

/** The cells of one test file, stamped with the id of the test run that wrote them. */
export const MatrixFileSchema = z.object({ runId: z.string().min(1), cells: z.array(MatrixCellSchema) }).strict();
export type MatrixFile = z.infer<typeof MatrixFileSchema>;

/** The test run the cells belong to: written when the run starts (`test-results/reliability/run.json`). */
export const MatrixRunSchema = z.object({ runId: z.string().min(1), startedAt: z.iso.datetime() }).strict();
export type MatrixRun = z.infer<typeof MatrixRunSchema>;

/** The merged machine-readable record the report is generated from (`test-results/reliability-matrix.json`). */
export const MatrixRecordSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    runId: z.string().min(1),
    cells: z.array(MatrixCellSchema),
  })
  .strict();
export type MatrixRecord = z.infer<typeof MatrixRecordSchema>;

/** True when the cell's test passed and measured its figures. */
export const isCellPassing = (cell: MatrixCell): cell is MatrixCell & { measured: CellMeasurement } =>
  cell.status === 'passed' && cell.measured !== null;
