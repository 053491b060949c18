import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type CelebrityItem,
  type Enrichment,
  type EnrichOutcome,
  formatItemKey,
  POST_PROCESSOR_FUNCTION_NAME,
} from '@celebrity-pipeline/core';
import { createItemWriter, type ItemWriter } from '@celebrity-pipeline/core/dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DEFAULT_METRICS_NAMESPACE, publishBatchMetrics } from './batch-metrics.js';
import { type BatchTally, countOutcome, createBatchTally, type RecordOutcome } from './batch-tally.js';
import { enrichmentFor } from './enrichment.js';
import { EnrichmentWriteError, type StreamRecordContext } from './errors.js';
import { type FilterPattern, matchesAnyFilterPattern } from './event-pattern.js';
import { PROCESSOR_VERSION } from './processor-version.js';
import { streamFilterPatterns } from './stream-filter-patterns.js';
import { itemFromStreamRecord, streamRecordContext } from './stream-record.js';

/** Where enrichments are written: core's writer, or a document client and table to build one. Never both. */
export type PostProcessorWriterOptions =
  | { writer: Pick<ItemWriter, 'enrich'>; documentClient?: never; tableName?: never }
  | { documentClient: DynamoDBDocumentClient; tableName: string; writer?: never };

/** Options of {@link createPostProcessor}. */
export type PostProcessorOptions = PostProcessorWriterOptions & {
  /** Powertools Logger. Default: service `post-processor`. */
  logger?: Logger;
  /** Powertools Metrics (EMF). Default: namespace {@link DEFAULT_METRICS_NAMESPACE}, service `post-processor`. */
  metrics?: Metrics;
  /** Clock for `processed_at`. Default `() => new Date()`. */
  now?: () => Date;
  /** Stored as `processor_version`. Default {@link PROCESSOR_VERSION}. */
  processorVersion?: string;
  /**
   * Throw Powertools' `FullBatchFailureError` when every record failed (Lambda then retries or bisects the whole
   * batch). Default true; with false, such a batch returns every sequence number in `batchItemFailures`.
   */
  throwOnFullBatchFailure?: boolean;
};

/** The post-processor: the Lambda handler's body, also called in-process by the local stream poller. */
export interface PostProcessor {
  /**
   * Enriches every record of a batch (in parallel) and returns the sequence numbers of the failed ones.
   * Metrics are published once per batch, also when the batch fails.
   * @throws FullBatchFailureError when every record failed (unless `throwOnFullBatchFailure` is false).
   */
  handle(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse>;
  /**
   * Enriches one record. Records the filter patterns reject are `filtered` (nothing read or written).
   * @throws InvalidStreamRecordError for a record whose image is not a valid item.
   * @throws EnrichmentWriteError when the write failed after the writer's retries.
   */
  processRecord(record: DynamoDBRecord): Promise<Exclude<RecordOutcome, 'failed'>>;
}

interface Dependencies {
  writer: Pick<ItemWriter, 'enrich'>;
  logger: Logger;
  metrics: Metrics;
  now: () => Date;
  processorVersion: string;
  /** The filter patterns of `processorVersion`, applied again in the handler (see `processRecord`). */
  filterPatterns: readonly FilterPattern[];
  throwOnFullBatchFailure: boolean;
}

/**
 * Creates the post-processor.
 * @example
 * const postProcessor = createPostProcessor({ documentClient: createDocumentClient(), tableName: 'celebrity-database' });
 * const { batchItemFailures } = await postProcessor.handle(event);
 */
export function createPostProcessor(options: PostProcessorOptions): PostProcessor {
  const processorVersion = options.processorVersion ?? PROCESSOR_VERSION;
  const dependencies: Dependencies = {
    writer: options.writer ?? createItemWriter({ client: options.documentClient, tableName: options.tableName }),
    logger: options.logger ?? new Logger({ serviceName: POST_PROCESSOR_FUNCTION_NAME }),
    metrics:
      options.metrics ??
      new Metrics({ namespace: DEFAULT_METRICS_NAMESPACE, serviceName: POST_PROCESSOR_FUNCTION_NAME }),
    now: options.now ?? (() => new Date()),
    processorVersion,
    filterPatterns: streamFilterPatterns(processorVersion),
    throwOnFullBatchFailure: options.throwOnFullBatchFailure ?? true,
  };
  return {
    handle: (event, context) => handleBatch(dependencies, event, context),
    processRecord: (record) => processRecord(dependencies, record, createBatchTally()),
  };
}

async function handleBatch(
  dependencies: Dependencies,
  event: DynamoDBStreamEvent,
  context: Context | undefined,
): Promise<DynamoDBBatchResponse> {
  if (context !== undefined) dependencies.logger.addContext(context);
  // A processor holds one batch's state: a fresh one per call keeps concurrent calls (one per shard) apart.
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const tally = createBatchTally();
  try {
    return await processPartialResponse(
      event,
      (record: DynamoDBRecord) => processRecord(dependencies, record, tally),
      processor,
      { context, throwOnFullBatchFailure: dependencies.throwOnFullBatchFailure },
    );
  } finally {
    publishBatchMetrics(dependencies.metrics, tally);
    dependencies.logger.info('Batch processed', { records: event.Records.length, ...countsOf(tally) });
  }
}

function countsOf(tally: BatchTally) {
  return { processed: tally.processed, skipped: tally.skipped, failed: tally.failed };
}

async function processRecord(
  dependencies: Dependencies,
  record: DynamoDBRecord,
  tally: BatchTally,
): Promise<Exclude<RecordOutcome, 'failed'>> {
  const context = streamRecordContext(record);
  if (!matchesAnyFilterPattern(dependencies.filterPatterns, record)) {
    dependencies.logger.warn('Record skipped: it does not match STREAM_FILTER_PATTERNS', logKeys(context));
    countOutcome(tally, 'filtered');
    return 'filtered';
  }
  try {
    const item = itemFromStreamRecord(record);
    const enrichment = enrichmentFor(item, dependencies.now(), dependencies.processorVersion);
    const outcome = await writeEnrichment(dependencies.writer, item, enrichment, context);
    countOutcome(tally, outcome, { source: item.source, sentiment: enrichment.sentiment });
    const message = outcome === 'updated' ? 'Item enriched' : `Item skipped: ${outcome}`;
    dependencies.logger.info(message, { ...logKeys(context), outcome });
    return outcome;
  } catch (error) {
    countOutcome(tally, 'failed');
    dependencies.logger.error('Record failed', { ...logKeys(context), reason: (error as Error).message, error });
    throw error;
  }
}

async function writeEnrichment(
  writer: Pick<ItemWriter, 'enrich'>,
  item: CelebrityItem,
  enrichment: Enrichment,
  context: StreamRecordContext,
): Promise<EnrichOutcome> {
  try {
    return await writer.enrich(item, enrichment);
  } catch (error) {
    throw new EnrichmentWriteError(
      `Could not write the enrichment of ${formatItemKey(item)}: ${(error as Error).message}`,
      context,
      { cause: error },
    );
  }
}

function logKeys(context: StreamRecordContext) {
  const { key, runId, sequenceNumber, eventName } = context;
  return { pk: key?.pk, sk: key?.sk, runId, sequenceNumber, eventName };
}
