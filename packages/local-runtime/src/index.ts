export {
  attemptWithinLimits,
  type EventHandler,
  type FailureCondition,
  fireSchedule,
  InvocationAbortedError,
  type InvocationOutcome,
  type InvokeScheduledOptions,
  invokeScheduled,
  type ScheduleTarget,
} from './async-invoker.js';
export {
  type CheckpointStore,
  checkpointPartition,
  createCheckpointStore,
  createMemoryCheckpointStore,
  type ShardCheckpoint,
} from './checkpoint-store.js';
export { type Clock, systemClock } from './clock.js';
export {
  type CollectionEvent,
  type CollectionRun,
  type CollectionRunOptions,
  localFunctions,
  runCollection,
  type ScraperTarget,
  type ShardOutcome,
  type SourceOutcome,
  writtenOf,
} from './collection-run.js';
export {
  createDeadLetterQueue,
  type DeadLetter,
  type DeadLetterPayload,
  type DeadLetterQueue,
  deadLetterId,
  queueOf,
  type ScraperInvocationFailure,
  type StreamBatchFailure,
} from './dead-letter-queue.js';
export {
  CorruptStateError,
  DeadLetterNotFoundError,
  EndpointUnreachableError,
  LocalRuntimeError,
  StatesError,
  StateTableShapeError,
  StreamMissingError,
  UnsupportedDefinitionError,
} from './errors.js';
export {
  createInvocationLog,
  type InvocationLog,
  type InvocationRecord,
  invocationSortKey,
} from './invocation-log.js';
export {
  DEFAULT_LOCAL_TIME_SCALE,
  type LocalInvokePolicy,
  localInvokePolicy,
  type RetryLimits,
  retryDelayMs,
} from './invoke-policy.js';
export { type PathSegment, parsePath, readPath, writePath } from './json-path.js';
export {
  type DatabaseMode,
  DEFAULT_DATA_DIRECTORY,
  LOCAL_CREDENTIALS,
  type LocalClients,
  type LocalDatabase,
  localClients,
  openLocalDatabase,
} from './local-database.js';
export {
  createStateTableInput,
  describeTableIfExists,
  type EnsuredTables,
  ensureLocalTables,
  keySchemaProblems,
  type LocalTableNames,
  localTableNames,
} from './local-tables.js';
export {
  checkMachine,
  LAMBDA_INVOKE_RESOURCE,
  type Machine,
  type Retrier,
} from './state-machine-definition-check.js';
export {
  EXECUTION_STOPPED,
  type ExecuteOptions,
  type ExecutionEvent,
  errorNameOf,
  executeStateMachine,
  type InvokeFunction,
  matchesErrorEquals,
  retryDelaySeconds,
} from './state-machine-executor.js';
export {
  type DeliveryReport,
  deliverRecords,
  type ExhaustedRecords,
  firstFailedIndex,
  isTooOld,
  localStreamMappingPolicy,
  type StreamHandler,
  type StreamMappingPolicy,
  type StreamMappingSettingsLike,
} from './stream-mapping.js';
export {
  createStreamPoller,
  type HandledBatch,
  isReadable,
  lineageOrder,
  nextBatch,
  type PollerStats,
  type PollResult,
  type StreamPoller,
  type StreamPollerOptions,
} from './stream-poller.js';
export { sequenceNumberOf, toLambdaAttributeValue, toLambdaRecord } from './stream-records.js';
export {
  buildWeekReport,
  type Check,
  CYCLE_CHECK_IDS,
  type CycleCheckId,
  type SourceRun,
  sentimentCounts,
  sourceRunOf,
  type WeekReport,
  type WeekReportInput,
} from './week-report.js';
export {
  type CycleEvent,
  type CycleResult,
  countRunRecords,
  deadLetteredItemKeys,
  pendingItems,
  runWeeklyCycle,
  scheduleTimeOf,
  type WeeklyCycleOptions,
} from './weekly-cycle.js';
