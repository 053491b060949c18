import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  deliverRecords,
  type ExhaustedRecords,
  firstFailedIndex,
  isTooOld,
  localStreamMappingPolicy,
} from '../../src/stream-mapping.js';
import { fakeClock, sequences, streamRecord, testPolicy } from '../helpers/factories.js';

const records = (count: number) => Array.from({ length: count }, (_, index) => streamRecord(index + 1));
const failure = (record: DynamoDBRecord) => ({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });

describe('firstFailedIndex', () => {
  it('returns the lowest failed position, -1 without failures and 0 for an unknown id', () => {
    const batch = records(5);
    expect(firstFailedIndex(batch, { batchItemFailures: [] })).toBe(-1);
    expect(firstFailedIndex(batch, undefined)).toBe(-1);
    expect(
      firstFailedIndex(batch, {
        batchItemFailures: [failure(batch[3] as DynamoDBRecord), failure(batch[1] as DynamoDBRecord)],
      }),
    ).toBe(1);
    expect(firstFailedIndex(batch, { batchItemFailures: [{ itemIdentifier: 'nope' }] })).toBe(0);
  });
});

describe('deliverRecords', () => {
  it('retries from the first failed record only and counts every record once as delivered', async () => {
    const batch = records(6);
    const seen: number[][] = [];
    let failOnce = true;
    const handler = async (event: DynamoDBStreamEvent) => {
      seen.push(sequences(event.Records));
      if (!failOnce) return { batchItemFailures: [] };
      failOnce = false;
      return { batchItemFailures: [failure(event.Records[3] as DynamoDBRecord)] };
    };
    const report = await deliverRecords(batch, {
      handler,
      policy: testPolicy(),
      onExhausted: async () => {},
      clock: fakeClock(),
    });
    expect(seen).toEqual([
      [1, 2, 3, 4, 5, 6],
      [4, 5, 6],
    ]);
    expect(report).toEqual({ invocations: 2, delivered: 6, deadLettered: 0 });
  });

  it('bisects on a thrown error until the poison record is alone, then dead-letters only it after the retries', async () => {
    const batch = records(8);
    const exhausted: ExhaustedRecords[] = [];
    const handler = async (event: DynamoDBStreamEvent) => {
      if (sequences(event.Records).includes(6)) throw new Error('poison');
      return { batchItemFailures: [] };
    };
    const clock = fakeClock();
    const report = await deliverRecords(batch, {
      handler,
      policy: testPolicy({ retryAttempts: 2 }),
      onExhausted: async (entry) => void exhausted.push(entry),
      clock,
    });
    expect(exhausted).toHaveLength(1);
    expect(sequences(exhausted[0]?.records ?? [])).toEqual([6]);
    expect(exhausted[0]?.condition).toBe('retries-exhausted');
    expect(exhausted[0]?.attempts).toBe(3);
    expect(report.delivered).toBe(7);
    expect(clock.sleeps).toEqual([1, 2]);
  });

  it('dead-letters the whole batch after the retries when bisecting is off', async () => {
    const exhausted: ExhaustedRecords[] = [];
    const handler = async () => {
      throw new Error('down');
    };
    const report = await deliverRecords(records(4), {
      handler,
      policy: testPolicy({ bisectBatchOnError: false, retryAttempts: 1 }),
      onExhausted: async (entry) => void exhausted.push(entry),
      clock: fakeClock(),
    });
    expect(report).toEqual({ invocations: 2, delivered: 0, deadLettered: 4 });
    expect(exhausted[0]?.error.message).toBe('down');
  });

  it('never delivers records older than the maximum record age', async () => {
    const clock = fakeClock(10_000_000);
    const old = streamRecord(1, { createdAtSeconds: 10_000 - 120 });
    const fresh = streamRecord(2, { createdAtSeconds: 10_000 });
    const delivered: number[] = [];
    const exhausted: ExhaustedRecords[] = [];
    await deliverRecords([old, fresh], {
      handler: async (event) => void delivered.push(...sequences(event.Records)),
      policy: testPolicy({ maxRecordAgeSeconds: 60 }),
      onExhausted: async (entry) => void exhausted.push(entry),
      clock,
    });
    expect(delivered).toEqual([2]);
    expect(exhausted.map((entry) => entry.condition)).toEqual(['record-too-old']);
    expect(isTooOld(old, testPolicy({ maxRecordAgeSeconds: -1 }), clock.now())).toBe(false);
  });
});

describe('localStreamMappingPolicy', () => {
  it('keeps counts and record age as deployed and scales the batching window', () => {
    const policy = localStreamMappingPolicy({
      batchSize: 100,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: 5,
      maxRecordAgeSeconds: 21_600,
      maxBatchingWindowSeconds: 5,
    });
    expect(policy).toMatchObject({
      batchSize: 100,
      retryAttempts: 5,
      maxRecordAgeSeconds: 21_600,
      batchingWindowMs: 83,
    });
  });
});
