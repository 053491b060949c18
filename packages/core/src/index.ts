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
  type CelebrityScore,
  celebrityScore,
  SCORE_FORMULA_VERSION,
  SCORE_SOURCE_SHARES,
  type ScoreInput,
  SENTIMENT_INFLUENCE,
} from './celebrity-score.js';
export {
  ENRICHMENT_ATTRIBUTES,
  type Enrichment,
  EnrichmentSchema,
  type EnrichOutcome,
} from './enrichment.js';
export {
  CoreError,
  type DescribeErrorOptions,
  describeError,
  TableShapeError,
  ValidationError,
  WriteError,
} from './errors.js';
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
  COUNT_KINDS,
  type CollectionContext,
  type CountKind,
  canonicalJson,
  capTexts,
  contentHash,
  ITEM_LIMITS,
  ITEM_SCHEMA_VERSION,
  type ItemText,
  ItemTextSchema,
  isBackfill,
  isEnriched,
  NEWS_MEASURES,
  NEWS_PROVIDERS,
  type NewsMeasure,
  type NewsProvider,
  NotMeasuredReasonSchema,
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
  COLLECTION_PLANNER_FUNCTION_NAME,
  COLLECTION_STATE_MACHINE_NAME,
  collectedWeekOf,
  DEAD_LETTER_RETENTION_SECONDS,
  DEFAULT_STACK_NAME,
  functionOutputKey,
  QUEUE_NAMES,
  SCHEDULE_TARGET_RETRY_POLICY,
  SCRAPER_ASYNC_INVOKE_POLICY,
  type ScheduledEvent,
  type ScheduledEventDetail,
  STACK_OUTPUT_KEYS,
  scheduledEvent,
  WEEKLY_SCHEDULE,
} from './orchestration.js';
export {
  type CelebrityFailure,
  CelebrityFailureSchema,
  type EffectiveRunStatus,
  effectiveRunStatus,
  type RunShard,
  RunShardSchema,
  type RunSummary,
  RunSummarySchema,
  rollUpBySource,
  type SourceRollUp,
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
  CELEBRITY_TABLE,
  CELEBRITY_TABLE_INDEXES,
  type CelebrityTableIndex,
  DEFAULT_TABLE_NAME,
  itemExpiresAt,
  RUN_LEDGER_TABLE,
} from './table-definition.js';
export {
  type Check,
  itemsEnrichedCheck,
  itemsWrittenCheck,
  MAXIMUM_UNENRICHED_ITEMS,
  missingCheckIds,
  WEEK_CHECK_IDS,
  type WeekCheckId,
  type WeekChecksInput,
  type WeightStatistics,
  weekChecks,
  weightStatistics,
  weightsInRangeCheck,
} from './week-checks.js';
export {
  buildWeekSummaries,
  parseWeekSummary,
  WEEK_SUMMARY_ENTITY,
  WEEK_SUMMARY_SCHEMA_VERSION,
  type WeekSummary,
  WeekSummarySchema,
  weekSummaryKey,
} from './week-summary.js';
export {
  computeWeight,
  signalStrength,
  WEIGHT_FORMULA_VERSION,
  WEIGHT_REFERENCES,
  type WeightInput,
} from './weight-formula.js';
export { formatZodIssues } from './zod-issues.js';
