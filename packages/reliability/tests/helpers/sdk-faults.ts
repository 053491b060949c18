import { type DynamoDBClient, ThrottlingException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type AnyClient = DynamoDBClient | DynamoDBDocumentClient;
type Next = (args: unknown) => Promise<{ output: Record<string, unknown> }>;

let middlewareCounter = 0;

/**
 * Wraps every command at the `initialize` step (outside the SDK's own retries, so what is injected reaches the
 * caller's retry policy). The client stays real: DynamoDB Local does the work.
 */
function around(
  client: AnyClient,
  handler: (commandName: string, args: unknown, next: Next) => Promise<{ output: Record<string, unknown> }>,
): () => void {
  const name = `reliability-fault-${++middlewareCounter}`;
  client.middlewareStack.add(
    (next, context) => async (args) =>
      (await handler(context.commandName ?? '', args, next as unknown as Next)) as never,
    { step: 'initialize', name },
  );
  return () => void client.middlewareStack.remove(name);
}

/** Counts successful calls per command name (`UpdateItemCommand`, `BatchWriteItemCommand`…). */
export function countCalls(client: AnyClient): { counts: Map<string, number>; remove: () => void } {
  const counts = new Map<string, number>();
  const remove = around(client, async (commandName, args, next) => {
    const result = await next(args);
    counts.set(commandName, (counts.get(commandName) ?? 0) + 1);
    return result;
  });
  return { counts, remove };
}

/** Throws `ThrottlingException` on the first `times` calls of `commandName`; `injected()` says how many were thrown. */
export function throttle(client: AnyClient, commandName: string, times: number) {
  let injected = 0;
  const remove = around(client, async (name, args, next) => {
    if (name !== commandName || injected >= times) return next(args);
    injected += 1;
    throw new ThrottlingException({
      message: 'Rate of requests exceeds the allowed throughput (injected)',
      $metadata: {},
    });
  });
  return { remove, injected: () => injected };
}

/** On the first `calls` BatchWriteItem calls, withholds the last `dropCount` requests as `UnprocessedItems`. */
export function unprocessedItems(client: AnyClient, options: { calls: number; dropCount: number }) {
  let seen = 0;
  let withheld = 0;
  const remove = around(client, async (commandName, args, next) => {
    if (commandName !== 'BatchWriteItemCommand' || seen >= options.calls) return next(args);
    seen += 1;
    const input = (args as { input: { RequestItems: Record<string, unknown[]> } }).input;
    const kept: Record<string, unknown[]> = {};
    const dropped: Record<string, unknown[]> = {};
    for (const [table, requests] of Object.entries(input.RequestItems)) {
      const keepCount = Math.max(0, requests.length - options.dropCount);
      kept[table] = requests.slice(0, keepCount);
      dropped[table] = requests.slice(keepCount);
      withheld += requests.length - keepCount;
    }
    const hasKept = Object.values(kept).some((requests) => requests.length > 0);
    const result = hasKept
      ? await next({ ...(args as object), input: { ...input, RequestItems: kept } })
      : { output: {} };
    return { ...result, output: { ...result.output, UnprocessedItems: dropped } };
  });
  return { remove, withheld: () => withheld };
}
