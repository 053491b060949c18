import { type DynamoDBClient, DynamoDBServiceException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Fault injection through the SDK middleware stack (the client is real; DynamoDB Local does the work).
 * Middlewares at `initialize` run outside the SDK's retry loop, so what they inject reaches the writer's
 * own retry policy; `deserialize` runs inside it, so the SDK retries first.
 */
type AnyClient = DynamoDBClient | DynamoDBDocumentClient;
type Entries = Record<string, unknown[]>;
type CommandArgs = { input: Record<string, unknown> };
type CommandResult = { output: Record<string, unknown> };

let middlewareCounter = 0;

function addMiddleware(
  client: AnyClient,
  step: 'initialize' | 'deserialize',
  handler: (
    commandName: string,
    args: CommandArgs,
    next: (args: CommandArgs) => Promise<CommandResult>,
  ) => Promise<CommandResult>,
): () => void {
  const name = `test-fault-${++middlewareCounter}`;
  const wrap = (next: unknown, context: { commandName?: string }) => async (args: unknown) =>
    handler(
      context.commandName ?? '',
      args as CommandArgs,
      next as (args: CommandArgs) => Promise<CommandResult>,
    ) as never;
  if (step === 'initialize') client.middlewareStack.add((next, context) => wrap(next, context), { step, name });
  else client.middlewareStack.add((next, context) => wrap(next, context), { step, name });
  return () => void client.middlewareStack.remove(name);
}

/** Counts calls per command name that succeeded (an exception does not count). */
export function countSuccessfulCalls(client: AnyClient): { counts: Map<string, number>; remove: () => void } {
  const counts = new Map<string, number>();
  const remove = addMiddleware(client, 'initialize', async (commandName, args, next) => {
    const result = await next(args);
    counts.set(commandName, (counts.get(commandName) ?? 0) + 1);
    return result;
  });
  return { counts, remove };
}

/** On the first `calls` BatchWriteItem calls, withholds the last `dropCount` requests and returns them as UnprocessedItems. */
export function fakeUnprocessedItems(client: AnyClient, options: { calls: number; dropCount: number }): () => void {
  let seen = 0;
  return addMiddleware(client, 'initialize', async (commandName, args, next) => {
    if (commandName !== 'BatchWriteItemCommand' || seen++ >= options.calls) return next(args);
    const requestItems = args.input.RequestItems as Entries;
    const kept: Entries = {};
    const dropped: Entries = {};
    for (const [table, requests] of Object.entries(requestItems)) {
      const keepCount = Math.max(0, requests.length - options.dropCount);
      kept[table] = requests.slice(0, keepCount);
      dropped[table] = requests.slice(keepCount);
    }
    const hasKept = Object.values(kept).some((requests) => requests.length > 0);
    const result = hasKept ? await next({ ...args, input: { ...args.input, RequestItems: kept } }) : { output: {} };
    return { ...result, output: { ...result.output, UnprocessedItems: dropped } };
  });
}

/** On the first `calls` BatchGetItem calls, withholds the last `dropCount` keys and returns them as UnprocessedKeys. */
export function fakeUnprocessedKeys(client: AnyClient, options: { calls: number; dropCount: number }): () => void {
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
 * Throws a ThrottlingException on the first `calls` calls of `commandName`. At `initialize` the writer's
 * policy sees it; at `deserialize` the SDK's own retries see it first.
 */
export function throttle(
  client: AnyClient,
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
export function rejectItem(client: AnyClient, poison: { pk: string; sk: string }): () => void {
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
