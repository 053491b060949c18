export {
  type Celebrity,
  CelebrityIdSchema,
  type CelebrityList,
  CelebrityListSchema,
  CelebritySchema,
  parseCelebrityList,
  parseCelebrityListJson,
} from './celebrity.js';
export {
  createDocumentClient,
  DEFAULT_SDK_MAX_ATTEMPTS,
  DOCUMENT_CLIENT_TRANSLATE_CONFIG,
  type DocumentClientOptions,
} from './document-client.js';
export {
  createItemWriter,
  DYNAMODB_BATCH_LIMITS,
  ENRICHMENT_ATTRIBUTES,
  type Enrichment,
  EnrichmentSchema,
  type EnrichOutcome,
  type ItemWriter,
  type ItemWriterOptions,
  type PutItemsResult,
} from './dynamodb-writer.js';
export { CoreError, TableShapeError, ValidationError, WriteError } from './errors.js';
export {
  collectedWeekAt,
  type IsoWeek,
  isoWeekOf,
  isoWeekRange,
  lastFullDays,
  nextIsoWeek,
  parseIsoWeek,
  previousIsoWeek,
  type WeekWindow,
  weekWindow,
} from './iso-week.js';
export {
  buildItem,
  type CelebrityItem,
  CelebrityItemSchema,
  type CollectionContext,
  canonicalJson,
  capTexts,
  contentHash,
  ITEM_LIMITS,
  ITEM_SCHEMA_VERSION,
  type ItemText,
  ItemTextSchema,
  isEnriched,
  OBSERVATION_ENTITY,
  type Observation,
  parseItem,
  SENTIMENT_LABELS,
  type SentimentLabel,
  type Signals,
  SignalsSchemas,
} from './item.js';
export { formatItemKey, type ItemKey, itemKey } from './keys.js';
export {
  DEAD_LETTER_RETENTION_SECONDS,
  DEFAULT_STACK_NAME,
  QUEUE_NAMES,
  SCHEDULE_TARGET_RETRY_POLICY,
  SCRAPER_ASYNC_INVOKE_POLICY,
  type ScheduledEvent,
  STACK_OUTPUT_KEYS,
  scheduledEvent,
  WEEKLY_SCHEDULE,
} from './orchestration.js';
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
export {
  type CelebrityFailure,
  CelebrityFailureSchema,
  type RunSummary,
  RunSummarySchema,
} from './run-summary.js';
export {
  type ItemSentiment,
  labelCompound,
  SENTIMENT_THRESHOLDS,
  scoreSentiment,
} from './sentiment/aggregate.js';
export { type PolarityScores, polarityScores } from './sentiment/vader.js';
export {
  isSource,
  POST_PROCESSOR_FUNCTION_NAME,
  SCRAPER_FUNCTION_NAMES,
  SOURCES,
  type Source,
} from './sources.js';
export {
  assertTableShape,
  CELEBRITY_TABLE,
  createRunLedgerTableInput,
  createTableInput,
  DEFAULT_TABLE_NAME,
  itemExpiresAt,
  RUN_LEDGER_TABLE,
  tableShapeProblems,
} from './table-definition.js';
export {
  type InvalidStoredItem,
  type ListWeekItemsOptions,
  listWeekItems,
  type WeekItems,
} from './week-reader.js';
export {
  computeWeight,
  signalStrength,
  WEIGHT_FORMULA_VERSION,
  WEIGHT_REFERENCES,
  type WeightInput,
} from './weight-formula.js';
export { formatZodIssues } from './zod-issues.js';
