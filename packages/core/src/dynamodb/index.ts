export {
  createDocumentClient,
  DEFAULT_SDK_MAX_ATTEMPTS,
  DOCUMENT_CLIENT_TRANSLATE_CONFIG,
  type DocumentClientOptions,
} from './document-client.js';
export {
  createItemWriter,
  DYNAMODB_BATCH_LIMITS,
  type ItemWriter,
  type ItemWriterOptions,
  type PutItemsResult,
} from './dynamodb-writer.js';
export {
  DYNAMODB_RETRY_POLICY,
  isRetryableDynamoDbError,
  PendingWorkError,
  type RetryPolicy,
  retryDynamoDb,
} from './retry-policy.js';
export {
  createRunLedger,
  type InvalidLedgerRecord,
  type LedgerRun,
  type ListRunsOptions,
  RUN_SUMMARY_ENTITY,
  type RunLedger,
  type RunLedgerOptions,
  runLedgerKey,
} from './run-ledger.js';
export { listStoredWeeks } from './stored-weeks.js';
export {
  addIndexInput,
  assertTableShape,
  createRunLedgerTableInput,
  createTableInput,
  missingIndexes,
  tableShapeProblems,
} from './table-shape.js';
export {
  type InvalidStoredItem,
  type ListWeekItemsOptions,
  listWeekItems,
  type WeekItems,
} from './week-reader.js';
export {
  type CelebrityHistory,
  type InvalidStoredSummary,
  listCelebrityHistory,
  listWeekRanking,
  type RollUpResult,
  rollUpWeek,
  type WeekRanking,
  type WeekSummaryStoreOptions,
} from './week-summary-store.js';
