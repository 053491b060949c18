import type { DynamoDBRecord } from 'aws-lambda';
import type { Clock } from '../../src/clock.js';
import type { DeadLetter, DeadLetterQueue } from '../../src/dead-letter-queue.js';
import type { StreamMappingPolicy } from '../../src/stream-mapping.js';

/** A Lambda-shaped stream record with a sequence number and an observation image. */
export function streamRecord(
  sequenceNumber: number,
  options: { eventName?: 'INSERT' | 'MODIFY' | 'REMOVE'; createdAtSeconds?: number; weight?: number } = {},
): DynamoDBRecord {
  return {
    eventID: `event-${sequenceNumber}`,
    eventName: options.eventName ?? 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      ApproximateCreationDateTime: options.createdAtSeconds ?? 1_000,
      SequenceNumber: String(sequenceNumber).padStart(21, '0'),
      Keys: { pk: { S: `CELEBRITY#c${sequenceNumber}` }, sk: { S: 'WEEK#2026-W48#SOURCE#tmdb' } },
      NewImage: {
        pk: { S: `CELEBRITY#c${sequenceNumber}` },
        entity: { S: 'observation' },
        ...(options.weight === undefined ? {} : { weight: { N: String(options.weight) } }),
      },
    },
  };
}

/** A clock that only moves when something sleeps (no real waiting in unit tests). */
export function fakeClock(startMs = 1_000_000): Clock & { sleeps: number[] } {
  let nowMs = startMs;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => nowMs,
    sleep: async (ms) => {
      sleeps.push(ms);
      nowMs += ms;
    },
  };
}

/** An in-memory {@link DeadLetterQueue} for unit tests of code that sends to one. */
export function memoryDeadLetterQueue(): DeadLetterQueue & { readonly letters: DeadLetter[] } {
  const letters: DeadLetter[] = [];
  return {
    letters,
    async send(message) {
      const letter: DeadLetter = {
        ...message,
        id: `letter-${letters.length + 1}`,
        queue: 'test',
        createdAt: new Date(0).toISOString(),
      };
      letters.push(letter);
      return letter;
    },
    async list() {
      return [...letters];
    },
    async get(id) {
      const letter = letters.find((candidate) => candidate.id === id);
      if (!letter) throw new Error(`no ${id}`);
      return letter;
    },
    async remove(id) {
      letters.splice(
        letters.findIndex((candidate) => candidate.id === id),
        1,
      );
    },
  };
}

/** The deployed mapping settings' shape with fast local timings. */
export function testPolicy(overrides: Partial<StreamMappingPolicy> = {}): StreamMappingPolicy {
  return {
    batchSize: 100,
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    retryAttempts: 2,
    maxRecordAgeSeconds: 21_600,
    maxBatchingWindowSeconds: 0,
    batchingWindowMs: 0,
    firstRetryDelayMs: 1,
    ...overrides,
  };
}

/** Sequence numbers of records, as numbers (for readable assertions). */
export function sequences(records: readonly DynamoDBRecord[]): number[] {
  return records.map((record) => Number(record.dynamodb?.SequenceNumber));
}
