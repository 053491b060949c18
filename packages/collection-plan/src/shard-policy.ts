/** Share of a scraper's timeout one shard may take at the source's pace; the rest is retry head-room. */
export const SHARD_BUDGET_SHARE = 0.5;

/**
 * Retry of a shard's Lambda Task in the state machine: only Lambda's own transient errors (service errors,
 * throttling); a shard that fails on its own (more than `FAILURE_THRESHOLD` of its celebrities) is not retried
 * here, it counts against {@link TOLERATED_FAILURE_PERCENTAGE} and is redriven on purpose.
 */
export const SHARD_TASK_RETRY = Object.freeze({
  errorEquals: Object.freeze([
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
  ]),
  intervalSeconds: 2,
  maxAttempts: 6,
  backoffRate: 2,
  maxDelaySeconds: 60,
  jitterStrategy: 'FULL',
} as const);

/**
 * Failed shards a source's map tolerates before the week fails, in percent: one bad shard of a large list does not
 * fail the week, but a source whose every shard fails (or the one shard of 100 celebrities) does.
 */
export const TOLERATED_FAILURE_PERCENTAGE = 10;
