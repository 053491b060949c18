import { DynamoDBServiceException, ThrottlingException } from '@aws-sdk/client-dynamodb';

/**
 * Fault injection and call counting through an SDK client's middleware stack: the client stays real and
 * DynamoDB Local does the work. Middlewares at `initialize` run outside the SDK's retry loop, so what they inject
 * reaches the caller's own retry policy; at `deserialize` they run inside it, so the SDK retries first.
 */

/** A DynamoDB client or document client: anything with an SDK middleware stack. */
export interface MiddlewareClient {
  middlewareStack: {
    add(middleware: never, options: { step: 'initialize' | 'deserialize' | 'finalizeRequest'; name?: string }): void;
    remove(name: string): boolean;
  };
}

type CommandArgs = { input: Record<string, unknown>; request?: unknown };
type CommandResult = { output: Record<string, unknown> };
type Next = (args: CommandArgs) => Promise<CommandResult>;
type Handler = (commandName: string, args: CommandArgs, next: Next) => Promise<CommandResult>;

let middlewareCounter = 0;

/** Adds `handler` around every command at `step`; returns the function that removes it. */
function addMiddleware(
  client: MiddlewareClient,
  step: 'initialize' | 'deserialize' | 'finalizeRequest',
  handler: Handler,
): () => void {
  const name = `test-fault-${++middlewareCounter}`;
  const middleware = (next: Next, context: { commandName?: string }) => (args: CommandArgs) =>
    handler(context.commandName ?? '', args, next);
  client.middlewareStack.add(middleware as never, { step, name });
  return () => void client.middlewareStack.remove(name);
}

/** Counts calls per command name that succeeded (an exception does not count). */
export function countSuccessfulCalls(client: MiddlewareClient): { counts: Map<string, number>; remove: () => void } {
  const counts = new Map<string, number>();
  const remove = addMiddleware(client, 'initialize', async (commandName, args, next) => {
    const result = await next(args);
    counts.set(commandName, (counts.get(commandName) ?? 0) + 1);
    return result;
  });
  return { counts, remove };
}

/**
 * On the first `calls` BatchWriteItem calls, withholds the last `dropCount` requests and returns them as
 * UnprocessedItems; `withheld()` says how many requests were withheld in all.
 */
export function fakeUnprocessedItems(
  client: MiddlewareClient,
  options: { calls: number; dropCount: number },
): { remove: () => void; withheld: () => number } {
  let seen = 0;
  let withheld = 0;
  const remove = addMiddleware(client, 'initialize', async (commandName, args, next) => {
    if (commandName !== 'BatchWriteItemCommand' || seen++ >= options.calls) return next(args);
    const requestItems = args.input.RequestItems as Record<string, unknown[]>;
    const kept: Record<string, unknown[]> = {};
    const dropped: Record<string, unknown[]> = {};
    for (const [table, requests] of Object.entries(requestItems)) {
      const keepCount = Math.max(0, requests.length - options.dropCount);
      kept[table] = requests.slice(0, keepCount);
      dropped[table] = requests.slice(keepCount);
      withheld += requests.length - keepCount;
    }
    const hasKept = Object.values(kept).some((requests) => requests.length > 0);
    const result = hasKept ? await next({ ...args, input: { ...args.input, RequestItems: kept } }) : { output: {} };
    return { ...result, output: { ...result.output, UnprocessedItems: dropped } };
  });
  return { remove, withheld: () => withheld };
}

/** On the first `calls` BatchGetItem calls, withholds the last `dropCount` keys and returns them as UnprocessedKeys. */
export function fakeUnprocessedKeys(
  client: MiddlewareClient,
  options: { calls: number; dropCount: number },
): () => void {
  let seen = 0;
  return addMiddleware(client, 'initialize', async (commandName, args, next) => {
    if (commandName !== 'BatchGetItemCommand' || seen++ >= options.calls) return next(args);
    const requestItems = args.input.RequestItems as Record<string, { Keys: unknown[] }>;
    const kept: Record<string, { Keys: unknown[] }> = {};
    const dropped: Record<string, { Keys: unknown[] }> = {};
    for (const [table, request] of Object.entries(requestItems)) {
      const keepCount = Math.max(0, request.Keys.length - options.dropCount);
      kept[table] = { ...request, Keys: request.Keys.slice(0, keepCount) };
      dropped[table] = { ...request, Keys: request.Keys.slice(keepCount) };
    }
    const hasKept = Object.values(kept).some((request) => request.Keys.length > 0);
    const result = hasKept
      ? await next({ ...args, input: { ...args.input, RequestItems: kept } })
      : { output: { Responses: {} } };
    return { ...result, output: { ...result.output, UnprocessedKeys: dropped } };
  });
}

/**
 * Throws a ThrottlingException on the first `calls` calls of `commandName`; `thrown()` says how many were thrown.
 * At `initialize` the caller's policy sees it; at `deserialize` the SDK's own retries see it first.
 */
export function throttle(
  client: MiddlewareClient,
  options: { commandName: string; calls: number; step?: 'initialize' | 'deserialize' },
): { thrown: () => number; remove: () => void } {
  let thrown = 0;
  const remove = addMiddleware(client, options.step ?? 'initialize', async (commandName, args, next) => {
    if (commandName !== options.commandName || thrown >= options.calls) return next(args);
    thrown++;
    throw new ThrottlingException({
      message: 'Rate of requests exceeds the allowed throughput (injected)',
      $metadata: {},
    });
  });
  return { thrown: () => thrown, remove };
}

/** Rejects any BatchWriteItem that contains the item at `poison`, and any PutItem of it, with a ValidationException. */
export function rejectItem(client: MiddlewareClient, poison: { pk: string; sk: string }): () => void {
  const isPoison = (item: { pk?: unknown; sk?: unknown }) => item.pk === poison.pk && item.sk === poison.sk;
  return addMiddleware(client, 'initialize', async (commandName, args, next) => {
    const isPoisoned =
      (commandName === 'BatchWriteItemCommand' &&
        Object.values(args.input.RequestItems as Record<string, { PutRequest: { Item: { pk: unknown } } }[]>).some(
          (requests) => requests.some((request) => isPoison(request.PutRequest.Item)),
        )) ||
      (commandName === 'PutItemCommand' && isPoison(args.input.Item as { pk: unknown }));
    if (!isPoisoned) return next(args);
    throw new DynamoDBServiceException({
      name: 'ValidationException',
      $fault: 'client',
      message: 'Item size has exceeded the maximum allowed size (injected)',
      $metadata: {},
    });
  });
}

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
 * Counts UpdateItem requests by their `X-Amz-Target` header in the client's finalize step, so it sees what really
 * goes over the wire whatever wrapper (document client, core's writer) sends it.
 */
export function countUpdateItemCalls(client: MiddlewareClient): UpdateItemCounter {
  const counts = { sent: 0, written: 0, refused: 0 };
  addMiddleware(client, 'finalizeRequest', async (_commandName, args, next) => {
    const headers = (args.request as { headers?: Record<string, string> } | undefined)?.headers ?? {};
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
  });
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
