import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { CorruptStateError } from './errors.js';

/** Where the poller stands in one shard. */
export interface ShardCheckpoint {
  shardId: string;
  /** Last sequence number fully handled (delivered, filtered out or dead-lettered); absent: nothing yet. */
  sequenceNumber?: string;
  /** True once the shard is closed and read to its end: it is never read again. */
  isFinished: boolean;
}

/** Durable shard checkpoints of one stream. */
export interface CheckpointStore {
  load(): Promise<Map<string, ShardCheckpoint>>;
  save(checkpoint: ShardCheckpoint): Promise<void>;
}

const CheckpointItemSchema = z.object({
  shardId: z.string().min(1),
  sequenceNumber: z.string().regex(/^\d+$/).optional(),
  isFinished: z.boolean(),
});

/** Partition of a stream's checkpoints in the state table; keyed by stream ARN, so a recreated table starts afresh. */
export function checkpointPartition(streamArn: string): string {
  return `CHECKPOINT#${streamArn}`;
}

/**
 * Checkpoints stored in the local state table (one item per shard), so they persist with the database.
 * @example const store = createCheckpointStore({ documentClient, tableName: 'celebrity-database-local', streamArn });
 */
export function createCheckpointStore(options: {
  documentClient: DynamoDBDocumentClient;
  tableName: string;
  streamArn: string;
}): CheckpointStore {
  const { documentClient, tableName } = options;
  const pk = checkpointPartition(options.streamArn);
  return {
    async load() {
      const checkpoints = new Map<string, ShardCheckpoint>();
      let exclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await documentClient.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': pk },
            ConsistentRead: true,
            ExclusiveStartKey: exclusiveStartKey,
          }),
        );
        for (const item of page.Items ?? []) {
          const parsed = CheckpointItemSchema.safeParse(item);
          if (!parsed.success) throw new CorruptStateError(`Unreadable checkpoint ${String(item.sk)} in ${tableName}`);
          checkpoints.set(parsed.data.shardId, parsed.data);
        }
        exclusiveStartKey = page.LastEvaluatedKey;
      } while (exclusiveStartKey);
      return checkpoints;
    },
    async save(checkpoint) {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk, sk: `SHARD#${checkpoint.shardId}`, ...checkpoint, updatedAt: new Date().toISOString() },
        }),
      );
    },
  };
}

/** A checkpoint store in memory, for unit tests of code that takes a {@link CheckpointStore}. */
export function createMemoryCheckpointStore(): CheckpointStore & { readonly saved: ShardCheckpoint[] } {
  const current = new Map<string, ShardCheckpoint>();
  const saved: ShardCheckpoint[] = [];
  return {
    saved,
    async load() {
      return new Map(current);
    },
    async save(checkpoint) {
      saved.push(checkpoint);
      current.set(checkpoint.shardId, checkpoint);
    },
  };
}
