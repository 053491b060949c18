export { type AuditOutcome, auditOutcome } from './audit-outcome.js';
export { ReliabilityError, ReportInputError } from './errors.js';
export { REFERENCED_CELLS, type ReferencedCell } from './existing-coverage.js';
export {
  CELL_STATUSES,
  type CellMeasurement,
  CellMeasurementSchema,
  type CellStatus,
  DUPLICATE_MEASURES,
  type DuplicateMeasure,
  FAULTS_INJECTED_DEFINITION,
  isCellPassing,
  MATRIX_AREAS,
  type MatrixArea,
  type MatrixCell,
  MatrixCellSchema,
  type MatrixFile,
  MatrixFileSchema,
  type MatrixRecord,
  MatrixRecordSchema,
  type MatrixRun,
  MatrixRunSchema,
} from './matrix-record.js';
export { MATRIX_RUN_FILE, readJsonFile, readMatrixRun } from './matrix-results.js';
export { NOT_APPLICABLE_CELLS, type NotApplicableCell, notApplicableReason } from './not-applicable-cells.js';
export {
  AUDIT_HEADING,
  CELL_MARKS,
  comparableReport,
  FINDINGS,
  GENERATED_LINE_PREFIX,
  type ReportInput,
  renderReliabilityReport,
  sourceGridPositions,
} from './report-markdown.js';
export { testStatuses, type VitestResults, VitestResultsSchema } from './vitest-results.js';
export {
  checkWeekInvariant,
  PAIR_STATES,
  type PairState,
  type StoredObservation,
  type WeekInvariantInput,
  type WeekInvariantResult,
} from './week-invariant.js';
