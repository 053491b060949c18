import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  DYNAMODB_RETRY_POLICY,
  isRetryableDynamoDbError,
  PendingWorkError,
  retryDynamoDb,
} from '../../src/dynamodb/index.js';

const FAST = { ...DYNAMODB_RETRY_POLICY, minTimeout: 1, maxTimeout: 2 };

describe('DYNAMODB_RETRY_POLICY', () => {
  it('backs off exponentially with jitter and a bounded number of retries', () => {
    expect(DYNAMODB_RETRY_POLICY).toEqual({
      retries: 8,
      factor: 2,
      minTimeout: 50,
      maxTimeout: 5_000,
      randomize: true,
    });
    expect(Object.isFrozen(DYNAMODB_RETRY_POLICY)).toBe(true);
  });
});

describe('isRetryableDynamoDbError', () => {
  it('retries throttling, unprocessed work, server faults and dropped connections', () => {
    expect(isRetryableDynamoDbError(new ThrottlingException({ message: 'slow down', $metadata: {} }))).toBe(true);
    expect(
      isRetryableDynamoDbError(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} })),
    ).toBe(true);
    expect(isRetryableDynamoDbError(new PendingWorkError(3))).toBe(true);
    expect(isRetryableDynamoDbError(Object.assign(new Error('boom'), { $metadata: { httpStatusCode: 503 } }))).toBe(
      true,
    );
    expect(isRetryableDynamoDbError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
  });

  it('does not retry validation or condition failures, nor non-errors', () => {
    expect(isRetryableDynamoDbError(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }))).toBe(false);
    expect(
      isRetryableDynamoDbError(
        Object.assign(new Error('bad'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }),
      ),
    ).toBe(false);
    expect(isRetryableDynamoDbError('ThrottlingException')).toBe(false);
  });
});

describe('retryDynamoDb', () => {
  it('retries a retryable failure until it succeeds and reports each retry', async () => {
    let attempts = 0;
    const retried: string[] = [];
    const result = await retryDynamoDb(
      async () => {
        attempts++;
        if (attempts < 3) throw new PendingWorkError(attempts);
        return 'done';
      },
      FAST,
      (error) => retried.push(error.message),
    );
    expect(result).toBe('done');
    expect(retried).toEqual(['1 request(s) came back unprocessed', '2 request(s) came back unprocessed']);
  });

  it('gives up after the policy retries with the last error', async () => {
    let attempts = 0;
    const attempt = retryDynamoDb(
      async () => {
        attempts++;
        throw new PendingWorkError(attempts);
      },
      { ...FAST, retries: 2 },
    );
    await expect(attempt).rejects.toThrow('3 request(s) came back unprocessed');
    expect(attempts).toBe(3);
  });

  it('fails at once on an error that is not retryable', async () => {
    let attempts = 0;
    const attempt = retryDynamoDb(async () => {
      attempts++;
      throw new ConditionalCheckFailedException({ message: 'condition', $metadata: {} });
    }, FAST);
    await expect(attempt).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    expect(attempts).toBe(1);
  });
});
