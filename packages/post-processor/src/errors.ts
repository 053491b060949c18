import type { ItemKey } from '@celebrity-pipeline/core';

/** Base class of every error `@celebrity-pipeline/post-processor` throws. */
export class PostProcessorError extends Error {
  override name = 'PostProcessorError';
}

/** The handler's configuration (environment) is missing or invalid; `variable` names the culprit. */
export class ConfigurationError extends PostProcessorError {
  override name = 'ConfigurationError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

/** Where a stream record came from, attached to every per-record error and log line. */
export interface StreamRecordContext {
  /** `dynamodb.SequenceNumber`: the identifier reported in `batchItemFailures`. */
  sequenceNumber: string | undefined;
  eventName: string | undefined;
  /** The item key from `dynamodb.Keys`, when the record carries one. */
  key: ItemKey | undefined;
  /** `run_id` of the new image, when it has one (read before validation, so invalid items are traceable too). */
  runId: string | undefined;
}

/**
 * One stream record cannot be processed (its `NewImage` is missing, cannot be unmarshalled or fails the item
 * schema). Only that record fails; `issues` lists every problem. Retrying it will not help.
 */
export class InvalidStreamRecordError extends PostProcessorError {
  override name = 'InvalidStreamRecordError';
  constructor(
    message: string,
    readonly record: StreamRecordContext,
    readonly issues: readonly string[] = [],
    options?: ErrorOptions,
  ) {
    super(issues.length > 0 ? `${message}:\n${issues.map((issue) => `  - ${issue}`).join('\n')}` : message, options);
  }
}

/** Writing the enrichment of one item failed after the writer's retries; `cause` is the writer's error. */
export class EnrichmentWriteError extends PostProcessorError {
  override name = 'EnrichmentWriteError';
  constructor(
    message: string,
    readonly record: StreamRecordContext,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
