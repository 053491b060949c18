export { type AuditOutcome, auditOutcome } from './audit-outcome.js';
export { ReliabilityError, ReportInputError } from './errors.js';
export { REFERENCED_CELLS, type ReferencedCell } from './existing-coverage.js';
export {
  MATRIX_AREAS,
  type MatrixArea,
  type MatrixCell,
  MatrixCellSchema,
  type MatrixRecord,
  MatrixRecordSchema,
} from './matrix-record.js';
export { FINDINGS, type ReportInput, renderReliabilityReport } from './report-markdown.js';
export { testStatuses, type VitestResults, VitestResultsSchema } from './vitest-results.js';
export {
  checkWeekInvariant,
  PAIR_STATES,
  type PairState,
  type StoredObservation,
  type WeekInvariantInput,
  type WeekInvariantResult,
} from './week-invariant.js';
