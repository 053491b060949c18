import pRetry, { type Options as PRetryOptions } from 'p-retry';

/** The p-retry options the DynamoDB writer, reader and run ledger use. */
export type RetryPolicy = Required<
  Pick<PRetryOptions, 'retries' | 'factor' | 'minTimeout' | 'maxTimeout' | 'randomize'>
>;

/**
 * The one retry policy for DynamoDB writes (UnprocessedItems, UnprocessedKeys, throttling that outlived the
 * SDK's own retries): exponential backoff from 50 ms, doubling, capped at 5 s, with jitter (each wait is
 * multiplied by a random factor in [1, 2)). 8 retries wait at most ≈ 2 × (50 + 100 + … + 5 000) ≈ 20 s.
 */
export const DYNAMODB_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  retries: 8,
  factor: 2,
  minTimeout: 50,
  maxTimeout: 5_000,
  randomize: true,
});

/** Error names DynamoDB (and the SDK's transport) use for conditions a later attempt may not hit. */
const RETRYABLE_ERROR_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
  'TransactionConflictException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

/** True for throttling, transient server faults and dropped connections; false for validation and condition failures. */
export function isRetryableDynamoDbError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof PendingWorkError) return true;
  if (RETRYABLE_ERROR_NAMES.has(error.name)) return true;
  const details = error as Error & { $retryable?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
  if (details.$retryable !== undefined && details.$retryable !== null) return true;
  if (typeof details.code === 'string' && RETRYABLE_NETWORK_CODES.has(details.code)) return true;
  return (details.$metadata?.httpStatusCode ?? 0) >= 500;
}

/** Thrown inside a retried operation when DynamoDB returned part of the work unprocessed. */
export class PendingWorkError extends Error {
  override name = 'PendingWorkError';
  constructor(readonly pendingCount: number) {
    super(`${pendingCount} request(s) came back unprocessed`);
  }
}

/**
 * Runs `operation` under `policy`, retrying only what {@link isRetryableDynamoDbError} accepts.
 * `onRetry` sees each failed attempt that will be retried (count them for `requestsRetried`).
 */
export function retryDynamoDb<T>(
  operation: (attemptNumber: number) => Promise<T>,
  policy: Readonly<RetryPolicy> = DYNAMODB_RETRY_POLICY,
  onRetry?: (error: Error) => void,
): Promise<T> {
  return pRetry(operation, {
    ...policy,
    shouldRetry: ({ error }) => isRetryableDynamoDbError(error),
    onFailedAttempt: ({ error, retriesLeft }) => {
      if (retriesLeft > 0 && isRetryableDynamoDbError(error)) onRetry?.(error);
    },
  });
}
