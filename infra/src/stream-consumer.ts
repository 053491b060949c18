import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, type IFunction, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { InvalidPipelineConfigError } from './errors.js';

/** The mapping settings the post-processor exports (`STREAM_MAPPING_SETTINGS`), as infra reads them. */
export interface StreamMappingSettings {
  readonly batchSize: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly bisectBatchOnError: boolean;
  readonly reportBatchItemFailures: boolean;
  readonly retryAttempts: number;
  readonly maxRecordAgeSeconds: number;
  readonly maxBatchingWindowSeconds?: number;
  readonly parallelizationFactor?: number;
}

/** A plain JSON event filter pattern (what `STREAM_FILTER_PATTERNS` holds). */
export type StreamFilterPattern = Readonly<Record<string, unknown>>;

/** Props of {@link createStreamEventSource}. */
export interface StreamEventSourceProps {
  readonly settings: StreamMappingSettings;
  readonly filterPatterns: readonly StreamFilterPattern[];
  /** Receives metadata of batches that exhausted their retries or aged out. */
  readonly failureQueue: IQueue;
}

/**
 * The stream → post-processor mapping. Retries and record age are bounded (the defaults, -1, let one
 * poison record stall a shard for a day), and every pattern goes through `FilterCriteria.filter`: a bare
 * object synthesizes as an empty filter `{}` that matches everything (aws-cdk#23214), which here would
 * feed the post-processor its own MODIFY records forever.
 */
export function createStreamEventSource(table: ITableV2, props: StreamEventSourceProps): DynamoEventSource {
  const { settings } = props;
  if (settings.retryAttempts < 0 || settings.maxRecordAgeSeconds < 0) {
    throw new InvalidPipelineConfigError(
      `Expected bounded stream retries and record age, got retryAttempts ${settings.retryAttempts} and maxRecordAgeSeconds ${settings.maxRecordAgeSeconds}`,
    );
  }
  if (props.filterPatterns.length === 0) {
    throw new InvalidPipelineConfigError(
      'Expected at least one stream filter pattern (the post-processor updates its own table)',
    );
  }
  return new DynamoEventSource(table, {
    startingPosition: StartingPosition[settings.startingPosition],
    batchSize: settings.batchSize,
    bisectBatchOnError: settings.bisectBatchOnError,
    reportBatchItemFailures: settings.reportBatchItemFailures,
    retryAttempts: settings.retryAttempts,
    maxRecordAge: Duration.seconds(settings.maxRecordAgeSeconds),
    maxBatchingWindow:
      settings.maxBatchingWindowSeconds === undefined ? undefined : Duration.seconds(settings.maxBatchingWindowSeconds),
    parallelizationFactor: settings.parallelizationFactor,
    onFailure: new SqsDlq(props.failureQueue),
    filters: props.filterPatterns.map((pattern) => FilterCriteria.filter({ ...pattern })),
  });
}

/** Attaches the mapping to the post-processor (which also grants it read access to this stream only). */
export function connectStream(postProcessor: IFunction, table: ITableV2, props: StreamEventSourceProps): void {
  postProcessor.addEventSource(createStreamEventSource(table, props));
}
