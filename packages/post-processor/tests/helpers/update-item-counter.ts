import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** UpdateItem requests seen on the wire, and how many of them changed an item. */
export interface UpdateItemCounter {
  /** Every UpdateItem HTTP request sent (retries included). */
  readonly sent: number;
  /** Requests DynamoDB accepted: each one is a write and a MODIFY stream record. */
  readonly written: number;
  /** Requests refused with ConditionalCheckFailedException: no write. */
  readonly refused: number;
  reset(): void;
}

/**
 * Counts UpdateItem requests by their `X-Amz-Target` header, with a middleware in the client's finalize step, so
 * it sees what really goes over the wire whatever wrapper (document client, core's writer) sends it.
 */
export function countUpdateItemCalls(client: DynamoDBClient): UpdateItemCounter {
  const counts = { sent: 0, written: 0, refused: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers?: Record<string, string> }).headers ?? {};
      const target = headers['x-amz-target'] ?? headers['X-Amz-Target'];
      if (target !== 'DynamoDB_20120810.UpdateItem') return next(args);
      counts.sent += 1;
      try {
        const output = await next(args);
        counts.written += 1;
        return output;
      } catch (error) {
        if ((error as Error).name === 'ConditionalCheckFailedException') counts.refused += 1;
        throw error;
      }
    },
    { step: 'finalizeRequest', name: 'countUpdateItemCalls' },
  );
  return {
    get sent() {
      return counts.sent;
    },
    get written() {
      return counts.written;
    },
    get refused() {
      return counts.refused;
    },
    reset() {
      counts.sent = 0;
      counts.written = 0;
      counts.refused = 0;
    },
  };
}
