export {
  DEFAULT_METRICS_NAMESPACE,
  POST_PROCESSOR_METRICS,
  publishBatchMetrics,
  SOURCE_DIMENSION,
} from './batch-metrics.js';
export { type BatchTally, countOutcome, createBatchTally, type RecordOutcome } from './batch-tally.js';
export { type PostProcessorConfig, readPostProcessorConfig } from './config.js';
export { enrichmentFor } from './enrichment.js';
export {
  ConfigurationError,
  EnrichmentWriteError,
  InvalidStreamRecordError,
  PostProcessorError,
  type StreamRecordContext,
} from './errors.js';
export {
  type FilterPattern,
  FilterPatternError,
  type FilterPatternValue,
  matchesAnyFilterPattern,
  matchesFilterPattern,
} from './event-pattern.js';
export {
  createPostProcessor,
  type PostProcessor,
  type PostProcessorOptions,
  type PostProcessorWriterOptions,
} from './post-processor.js';
export { PROCESSOR_VERSION, processorVersion } from './processor-version.js';
export { needsRescore, RESCORE_EVENT_SOURCE, rescoreEvent, rescoreRecord } from './rescore-records.js';
export { matchesStreamFilters, STREAM_FILTER_PATTERNS, streamFilterPatterns } from './stream-filter-patterns.js';
export { STREAM_MAPPING_SETTINGS, type StreamMappingSettings } from './stream-mapping-settings.js';
export { itemFromStreamRecord, streamRecordContext } from './stream-record.js';
