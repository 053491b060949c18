import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SOURCES, type Source } from '@celebrity-pipeline/core';
import { z } from 'zod';
import { CorruptStateError } from './errors.js';

/**
 * When the local scheduler invoked a scraper: the local equivalent of Lambda's `START` log line, which the
 * spec's 4A check reads ("all 4 invoked within 1 second").
 */
export interface InvocationRecord {
  runId: string;
  source: Source;
  /** First attempt of the invocation (ISO-8601). */
  invokedAt: string;
  finishedAt: string;
  status: 'succeeded' | 'failed';
  attempts: number;
  /** The collection shard this invocation ran (one record per shard). */
  shard?: { index: number; count: number };
}

/** Durable record of the scheduler's invocations, per run. */
export interface InvocationLog {
  record(records: readonly InvocationRecord[]): Promise<void>;
  listRun(runId: string): Promise<InvocationRecord[]>;
}

const InvocationRecordSchema = z.object({
  runId: z.string().min(1),
  source: z.enum(SOURCES),
  invokedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  status: z.enum(['succeeded', 'failed']),
  attempts: z.number().int().positive(),
  shard: z.object({ index: z.number().int().nonnegative(), count: z.number().int().positive() }).optional(),
});

/** Sort key of a record: the source, then the shard index when there is one (`tmdb#00003`). */
export function invocationSortKey(record: Pick<InvocationRecord, 'source' | 'shard'>): string {
  return record.shard ? `${record.source}#${String(record.shard.index).padStart(5, '0')}` : record.source;
}

/** Invocation records as items of the local state table (`pk = INVOCATIONS#<runId>`, `sk =` {@link invocationSortKey}). */
export function createInvocationLog(options: {
  documentClient: DynamoDBDocumentClient;
  tableName: string;
}): InvocationLog {
  const { documentClient, tableName } = options;
  const partition = (runId: string) => `INVOCATIONS#${runId}`;
  return {
    async record(records) {
      if (records.length === 0) return;
      const requests = records.map((record) => ({
        PutRequest: { Item: { pk: partition(record.runId), sk: invocationSortKey(record), ...record } },
      }));
      let pending: typeof requests = requests;
      for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
        const { UnprocessedItems } = await documentClient.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
        );
        pending = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    },
    async listRun(runId) {
      const { Items = [] } = await documentClient.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': partition(runId) },
          ConsistentRead: true,
        }),
      );
      return Items.map((item) => {
        const parsed = InvocationRecordSchema.safeParse(item);
        if (!parsed.success)
          throw new CorruptStateError(`Unreadable invocation record ${String(item.pk)}/${String(item.sk)}`);
        return parsed.data;
      });
    },
  };
}
