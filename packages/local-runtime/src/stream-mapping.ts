import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { type Clock, systemClock } from './clock.js';
import { sequenceNumberOf } from './stream-records.js';

/** The stream function: Lambda's DynamoDB Streams handler (its result is read as a `DynamoDBBatchResponse`). */
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<unknown>;

/**
 * The event-source mapping settings as the post-processor exports them (`STREAM_MAPPING_SETTINGS`); the
 * fields the local poller plays.
 */
export interface StreamMappingSettingsLike {
  batchSize: number;
  bisectBatchOnError: boolean;
  reportBatchItemFailures: boolean;
  retryAttempts: number;
  maxRecordAgeSeconds: number;
  maxBatchingWindowSeconds: number;
}

/** The mapping settings plus the local timings derived from them. */
export interface StreamMappingPolicy extends StreamMappingSettingsLike {
  /** How long a partial batch may wait for more records (the batching window, scaled). */
  batchingWindowMs: number;
  /** Wait before the first retry of a failing batch, doubled per retry up to 2 s. */
  firstRetryDelayMs: number;
}

/**
 * The deployed settings with local timings: the batching window multiplied by `timeScale` (1/60 by default:
 * 5 s become 83 ms), retries 100 ms apart and doubling. Counts and the record age are kept as deployed.
 */
export function localStreamMappingPolicy(
  settings: StreamMappingSettingsLike,
  options: { timeScale?: number; firstRetryDelayMs?: number } = {},
): StreamMappingPolicy {
  const timeScale = options.timeScale ?? 1 / 60;
  return {
    batchSize: settings.batchSize,
    bisectBatchOnError: settings.bisectBatchOnError,
    reportBatchItemFailures: settings.reportBatchItemFailures,
    retryAttempts: settings.retryAttempts,
    maxRecordAgeSeconds: settings.maxRecordAgeSeconds,
    maxBatchingWindowSeconds: settings.maxBatchingWindowSeconds,
    batchingWindowMs: Math.round(settings.maxBatchingWindowSeconds * 1_000 * timeScale),
    firstRetryDelayMs: options.firstRetryDelayMs ?? 100,
  };
}

/** Records that ran out of retries or age, with the reason (sent to the on-failure destination). */
export interface ExhaustedRecords {
  records: DynamoDBRecord[];
  condition: 'retries-exhausted' | 'record-too-old';
  error: Error;
  attempts: number;
}

/** Counters of one {@link deliverRecords} call. */
export interface DeliveryReport {
  invocations: number;
  delivered: number;
  deadLettered: number;
}

const MAXIMUM_RETRY_DELAY_MS = 2_000;

/**
 * Result of one invocation as the mapping reads it: index of the first record to retry from, or -1 when the
 * whole batch succeeded. A reported id that is not in the batch (or an empty one) fails the whole batch, as
 * on AWS.
 */
export function firstFailedIndex(records: readonly DynamoDBRecord[], response: unknown): number {
  const failures = (response as Partial<DynamoDBBatchResponse> | undefined)?.batchItemFailures ?? [];
  if (failures.length === 0) return -1;
  const indexes = failures.map((failure) =>
    records.findIndex((record) => failure.itemIdentifier !== '' && sequenceNumberOf(record) === failure.itemIdentifier),
  );
  return indexes.includes(-1) ? 0 : Math.min(...indexes);
}

/** True when the record is older than the policy allows at `nowMs`. */
export function isTooOld(record: DynamoDBRecord, policy: StreamMappingPolicy, nowMs: number): boolean {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  if (policy.maxRecordAgeSeconds < 0 || created === undefined) return false;
  return nowMs - created * 1_000 > policy.maxRecordAgeSeconds * 1_000;
}

/**
 * Delivers records (in order, already filtered, at most one batch) the way Lambda's event-source mapping
 * does: retry from the first failed record on a partial failure, bisect on a thrown error, bounded retries
 * and record age; whatever exhausts them is handed to `onExhausted` and the delivery moves on.
 */
export async function deliverRecords(
  records: readonly DynamoDBRecord[],
  options: {
    handler: StreamHandler;
    policy: StreamMappingPolicy;
    onExhausted: (exhausted: ExhaustedRecords) => Promise<void>;
    clock?: Clock;
    signal?: AbortSignal;
  },
): Promise<DeliveryReport> {
  const clock = options.clock ?? systemClock;
  const report: DeliveryReport = { invocations: 0, delivered: 0, deadLettered: 0 };
  const exhaust = async (exhausted: ExhaustedRecords) => {
    await options.onExhausted(exhausted);
    report.deadLettered += exhausted.records.length;
  };
  const deliver = async (batch: readonly DynamoDBRecord[], retriesUsed: number): Promise<void> => {
    let pending = [...batch];
    let retries = retriesUsed;
    while (pending.length > 0) {
      const expired = pending.filter((record) => isTooOld(record, options.policy, clock.now()));
      if (expired.length > 0) {
        const error = new Error(`record older than ${options.policy.maxRecordAgeSeconds} s`);
        await exhaust({ records: expired, condition: 'record-too-old', error, attempts: retries });
        pending = pending.filter((record) => !expired.includes(record));
        if (pending.length === 0) return;
      }
      report.invocations += 1;
      let error: Error;
      try {
        const response = await options.handler({ Records: pending });
        const failedAt = options.policy.reportBatchItemFailures ? firstFailedIndex(pending, response) : -1;
        if (failedAt === -1) {
          report.delivered += pending.length;
          return;
        }
        report.delivered += failedAt;
        error = new Error(
          `record ${sequenceNumberOf(pending[failedAt] as DynamoDBRecord)} reported in batchItemFailures`,
        );
        pending = pending.slice(failedAt);
      } catch (thrown) {
        error = thrown instanceof Error ? thrown : new Error(String(thrown));
        if (options.policy.bisectBatchOnError && pending.length > 1) {
          const middle = Math.ceil(pending.length / 2);
          await deliver(pending.slice(0, middle), retries);
          await deliver(pending.slice(middle), retries);
          return;
        }
      }
      retries += 1;
      if (retries > options.policy.retryAttempts || options.signal?.aborted) {
        if (options.signal?.aborted) throw error;
        await exhaust({ records: pending, condition: 'retries-exhausted', error, attempts: retries });
        return;
      }
      const delayMs = Math.min(options.policy.firstRetryDelayMs * 2 ** (retries - 1), MAXIMUM_RETRY_DELAY_MS);
      await clock.sleep(delayMs, options.signal);
    }
  };
  await deliver(records, 0);
  return report;
}
