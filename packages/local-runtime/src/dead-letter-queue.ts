import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { QUEUE_NAMES, type ScheduledEvent, type Source } from '@celebrity-pipeline/core';
import type { ShardEvent } from '@celebrity-pipeline/scraper-kit';
import type { DynamoDBRecord } from 'aws-lambda';
import { z } from 'zod';
import { CorruptStateError, DeadLetterNotFoundError } from './errors.js';

/** A scraper invocation that exhausted the async invoke policy (Lambda's on-failure destination). */
export interface ScraperInvocationFailure {
  kind: 'scraper-invocation';
  /** `delivery`: the target could not be reached (rule DLQ); `function`: the handler failed (on-failure queue). */
  stage: 'delivery' | 'function';
  source: Source;
  event: ScheduledEvent;
  /** Week the run was collecting, so a redrive completes the same week. */
  week: string;
  /**
   * The shard event of a collection shard that failed (or never ran because its execution failed): a redrive runs
   * exactly this shard again. Absent: the whole source is planned and run again.
   */
  shard?: ShardEvent;
}

/** A stream batch that exhausted the mapping's retries or record age (the mapping's on-failure destination). */
export interface StreamBatchFailure {
  kind: 'stream-batch';
  streamArn: string;
  shardId: string;
  firstSequenceNumber: string;
  lastSequenceNumber: string;
  /** The records themselves (Lambda's shape), so a redrive does not depend on the stream's retention. */
  records: DynamoDBRecord[];
}

/** What a dead-letter message carries. */
export type DeadLetterPayload = ScraperInvocationFailure | StreamBatchFailure;

/** One message in the local DLQ. */
export interface DeadLetter {
  id: string;
  /** Core's queue name this message would be in on AWS. */
  queue: string;
  createdAt: string;
  /** Why it failed: `retries-exhausted`, `event-too-old`, `record-too-old`... */
  condition: string;
  errorName: string;
  errorMessage: string;
  attempts: number;
  payload: DeadLetterPayload;
}

/** The durable local DLQ. */
export interface DeadLetterQueue {
  send(message: Omit<DeadLetter, 'id' | 'createdAt' | 'queue'>): Promise<DeadLetter>;
  list(): Promise<DeadLetter[]>;
  get(id: string): Promise<DeadLetter>;
  remove(id: string): Promise<void>;
}

const DEAD_LETTER_PARTITION = 'DLQ';

const StoredDeadLetterSchema = z.object({
  sk: z.string(),
  queue: z.string(),
  createdAt: z.string(),
  condition: z.string(),
  errorName: z.string(),
  errorMessage: z.string(),
  attempts: z.number().int().nonnegative(),
  body: z.string(),
});

/** The AWS queue a payload belongs to (core's names): rule DLQ, scraper failures or stream failures. */
export function queueOf(payload: DeadLetterPayload): string {
  if (payload.kind === 'stream-batch') return QUEUE_NAMES.streamFailures;
  return payload.stage === 'delivery' ? QUEUE_NAMES.scheduleDeadLetter : QUEUE_NAMES.scraperFailures;
}

/** A sortable id: creation time, then a random suffix (`20261126T233000123Z-1a2b3c4d`). */
export function deadLetterId(now: Date): string {
  return `${now.toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
}

/**
 * The local DLQ as items of the state table (`pk = DLQ`, `sk = id`), so it persists with the database; the
 * payload is stored as a JSON `body`, as an SQS message would carry it.
 */
export function createDeadLetterQueue(options: {
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  now?: () => Date;
}): DeadLetterQueue {
  const { documentClient, tableName } = options;
  const now = options.now ?? (() => new Date());
  return {
    async send(message) {
      const createdAt = now();
      const letter: DeadLetter = {
        ...message,
        id: deadLetterId(createdAt),
        queue: queueOf(message.payload),
        createdAt: createdAt.toISOString(),
      };
      const { payload, id, ...rest } = letter;
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: DEAD_LETTER_PARTITION, sk: id, ...rest, body: JSON.stringify(payload) },
        }),
      );
      return letter;
    },
    async list() {
      const letters: DeadLetter[] = [];
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await documentClient.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': DEAD_LETTER_PARTITION },
            ConsistentRead: true,
            ExclusiveStartKey: exclusiveStartKey,
          }),
        );
        letters.push(...(page.Items ?? []).map(fromItem));
        exclusiveStartKey = page.LastEvaluatedKey;
      } while (exclusiveStartKey);
      return letters;
    },
    async get(id) {
      const { Item } = await documentClient.send(
        new GetCommand({ TableName: tableName, Key: { pk: DEAD_LETTER_PARTITION, sk: id }, ConsistentRead: true }),
      );
      if (!Item) throw new DeadLetterNotFoundError(id);
      return fromItem(Item);
    },
    async remove(id) {
      await documentClient.send(
        new DeleteCommand({ TableName: tableName, Key: { pk: DEAD_LETTER_PARTITION, sk: id } }),
      );
    },
  };
}

function fromItem(item: Record<string, unknown>): DeadLetter {
  const parsed = StoredDeadLetterSchema.safeParse(item);
  if (!parsed.success) throw new CorruptStateError(`Unreadable dead-letter message ${String(item.sk)}`);
  const { sk, body, ...rest } = parsed.data;
  try {
    return { ...rest, id: sk, payload: JSON.parse(body) as DeadLetterPayload };
  } catch (error) {
    throw new CorruptStateError(`Dead-letter message ${sk} has a body that is not JSON`, { cause: error });
  }
}
