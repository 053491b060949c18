import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ENRICHMENT_ATTRIBUTES, type Enrichment, EnrichmentSchema, type EnrichOutcome } from '../enrichment.js';
import { describeError, ValidationError, WriteError } from '../errors.js';
import { type CelebrityItem, CelebrityItemSchema } from '../item.js';
import { formatItemKey, type ItemKey } from '../keys.js';
import { formatZodIssues } from '../zod-issues.js';
import {
  DYNAMODB_RETRY_POLICY,
  isRetryableDynamoDbError,
  PendingWorkError,
  type RetryPolicy,
  retryDynamoDb,
} from './retry-policy.js';

/** DynamoDB's per-call limits. */
export const DYNAMODB_BATCH_LIMITS = { batchWriteItems: 25, batchGetKeys: 100 } as const;

/** Options of {@link createItemWriter}. */
export interface ItemWriterOptions {
  /** Build it with `createDocumentClient` (`removeUndefinedValues: true`). */
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Overrides of {@link DYNAMODB_RETRY_POLICY} (tests shorten the waits). */
  retry?: Partial<RetryPolicy>;
  /** BatchGetItem / BatchWriteItem calls in flight at once. Default 4. */
  concurrency?: number;
}

/** What {@link ItemWriter.putItems} did with each item. */
export interface PutItemsResult {
  /** New or changed items, now stored (a changed one replaced the old one and lost its enrichment). */
  written: ItemKey[];
  /** Items whose `content_hash` equals the stored one: not written, enrichment kept. */
  unchanged: ItemKey[];
  /** Items DynamoDB or the schema rejected, with the reason. */
  failed: { key: ItemKey; reason: string }[];
  /** Calls repeated because of UnprocessedItems/UnprocessedKeys or throttling (for `RunSummary.requestsRetried`). */
  requestsRetried: number;
}

/** Idempotent writes of observation items and their enrichment. */
export interface ItemWriter {
  /**
   * Idempotent weekly write: reads the stored `content_hash` of every key (BatchGetItem, 100 keys per call,
   * consistent reads), skips items whose hash is unchanged, and writes new or changed ones (BatchWriteItem,
   * 25 per call). A changed item replaces the old one, dropping its enrichment so the post-processor
   * recomputes it. UnprocessedItems and throttling are retried with the retry policy (backoff + jitter).
   * @throws ValidationError when two items share a key.
   * @throws WriteError naming how many items and which keys are left when the retries run out.
   */
  putItems(items: readonly CelebrityItem[]): Promise<PutItemsResult>;
  /**
   * The post-processor's conditional enrichment update (one UpdateItem). Safe under at-least-once delivery:
   * it only writes when the item still has `content_hash` and is not already enriched from that hash by
   * this `processor_version`. On a failed condition the old item tells the cases apart.
   * @returns `updated`; `already-enriched` (same hash and version: nothing written); `stale` (the item
   * changed meanwhile, its own stream record brings the new image); `missing` (the item is gone).
   * @throws ValidationError for an enrichment out of range.
   */
  enrich(item: Pick<CelebrityItem, 'pk' | 'sk' | 'content_hash'>, enrichment: Enrichment): Promise<EnrichOutcome>;
}

type StoredItem = Record<string, unknown>;
type PutRequest = { PutRequest: { Item: StoredItem } };

/**
 * Creates the writer.
 * @example
 * const writer = createItemWriter({ client: createDocumentClient(), tableName: DEFAULT_TABLE_NAME });
 * const { written, unchanged } = await writer.putItems(items);
 */
export function createItemWriter(options: ItemWriterOptions): ItemWriter {
  const policy: RetryPolicy = { ...DYNAMODB_RETRY_POLICY, ...options.retry };
  const context: WriterContext = {
    client: options.client,
    tableName: options.tableName,
    policy,
    concurrency: Math.max(1, options.concurrency ?? 4),
  };
  return {
    putItems: (items) => putItems(context, items),
    enrich: (item, enrichment) => enrich(context, item, enrichment),
  };
}

interface WriterContext {
  client: DynamoDBDocumentClient;
  tableName: string;
  policy: RetryPolicy;
  concurrency: number;
}

async function putItems(context: WriterContext, items: readonly CelebrityItem[]): Promise<PutItemsResult> {
  assertUniqueKeys(items);
  const result: PutItemsResult = { written: [], unchanged: [], failed: [], requestsRetried: 0 };
  const valid = validateItems(items, result);
  const onRetry = () => void result.requestsRetried++;
  const storedHashes = await readContentHashes(context, valid.map(keyOf), onRetry);
  const toWrite: StoredItem[] = [];
  for (const item of valid) {
    if (storedHashes.get(formatItemKey(keyOf(item))) === item.content_hash) result.unchanged.push(keyOf(item));
    else toWrite.push(withoutEnrichment(item));
  }
  const chunks = chunk(toWrite, DYNAMODB_BATCH_LIMITS.batchWriteItems);
  const outcomes = await mapConcurrently(chunks, context.concurrency, (batch) => writeBatch(context, batch, onRetry));
  const left: ItemKey[] = [];
  let lastError: unknown;
  for (const outcome of outcomes) {
    result.written.push(...outcome.written);
    result.failed.push(...outcome.failed);
    left.push(...outcome.left);
    lastError = outcome.error ?? lastError;
  }
  if (left.length > 0) throw unwrittenError(context, left, toWrite.length, result, lastError);
  return result;
}

function assertUniqueKeys(items: readonly CelebrityItem[]): void {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of items) {
    const key = formatItemKey(keyOf(item));
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
  }
  if (duplicates.size > 0) {
    throw new ValidationError(
      'putItems got several items with the same key (one item per celebrity, source and week)',
      [...duplicates],
    );
  }
}

function validateItems(items: readonly CelebrityItem[], result: PutItemsResult): CelebrityItem[] {
  const valid: CelebrityItem[] = [];
  for (const item of items) {
    const parsed = CelebrityItemSchema.safeParse(item);
    if (parsed.success) valid.push(parsed.data);
    else result.failed.push({ key: keyOf(item), reason: `invalid item: ${formatZodIssues(parsed.error).join('; ')}` });
  }
  return valid;
}

function keyOf(item: { readonly pk?: unknown; readonly sk?: unknown }): ItemKey {
  return { pk: String(item.pk), sk: String(item.sk) };
}

function withoutEnrichment(item: CelebrityItem): StoredItem {
  const stored: StoredItem = { ...item };
  for (const attribute of ENRICHMENT_ATTRIBUTES) delete stored[attribute];
  return stored;
}

/** `pk|sk` → stored `content_hash`, for the keys that exist. */
async function readContentHashes(
  context: WriterContext,
  keys: readonly ItemKey[],
  onRetry: () => void,
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const chunks = chunk(keys, DYNAMODB_BATCH_LIMITS.batchGetKeys);
  await mapConcurrently(chunks, context.concurrency, async (batch) => {
    for (const stored of await readBatch(context, batch, onRetry)) {
      if (typeof stored.content_hash === 'string') hashes.set(formatItemKey(keyOf(stored)), stored.content_hash);
    }
  });
  return hashes;
}

async function readBatch(context: WriterContext, keys: ItemKey[], onRetry: () => void): Promise<StoredItem[]> {
  const found: StoredItem[] = [];
  let pending: Record<string, unknown>[] = keys.map((key) => ({ pk: key.pk, sk: key.sk }));
  try {
    await retryDynamoDb(
      async () => {
        const output = await context.client.send(
          new BatchGetCommand({
            RequestItems: {
              [context.tableName]: {
                Keys: pending,
                ProjectionExpression: '#pk, #sk, #hash',
                ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#hash': 'content_hash' },
                ConsistentRead: true,
              },
            },
          }),
        );
        found.push(...(output.Responses?.[context.tableName] ?? []));
        pending = output.UnprocessedKeys?.[context.tableName]?.Keys ?? [];
        if (pending.length > 0) throw new PendingWorkError(pending.length);
      },
      context.policy,
      onRetry,
    );
  } catch (error) {
    const left = pending.map(keyOf);
    throw new WriteError(
      `Could not read the stored content_hash of ${left.length} item(s) in table \`${context.tableName}\`, so nothing of this batch was written: ${describeError(error)}. Keys: ${formatKeyList(left)}`,
      left,
      { cause: error },
    );
  }
  return found;
}

interface BatchOutcome {
  written: ItemKey[];
  failed: { key: ItemKey; reason: string }[];
  /** Still unwritten when the retries ran out. */
  left: ItemKey[];
  error?: unknown;
}

async function writeBatch(context: WriterContext, items: StoredItem[], onRetry: () => void): Promise<BatchOutcome> {
  let pending: PutRequest[] = items.map((item) => ({ PutRequest: { Item: item } }));
  try {
    await retryDynamoDb(
      async () => {
        const output = await context.client.send(
          new BatchWriteCommand({ RequestItems: { [context.tableName]: pending } }),
        );
        pending = (output.UnprocessedItems?.[context.tableName] ?? []) as PutRequest[];
        if (pending.length > 0) throw new PendingWorkError(pending.length);
      },
      context.policy,
      onRetry,
    );
    return { written: items.map(keyOf), failed: [], left: [] };
  } catch (error) {
    const pendingItems = pending.map((request) => request.PutRequest.Item);
    const pendingKeys = new Set(pendingItems.map((item) => formatItemKey(keyOf(item))));
    const done = items.filter((item) => !pendingKeys.has(formatItemKey(keyOf(item)))).map(keyOf);
    if (isRetryableDynamoDbError(error)) return { written: done, failed: [], left: pendingItems.map(keyOf), error };
    // A non-retryable batch error (e.g. one item over 400 KB) rejects the whole call: isolate the culprit(s).
    const isolated = await putOneByOne(context, pendingItems, onRetry);
    return { ...isolated, written: [...done, ...isolated.written] };
  }
}

async function putOneByOne(context: WriterContext, items: StoredItem[], onRetry: () => void): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { written: [], failed: [], left: [] };
  for (const item of items) {
    try {
      await retryDynamoDb(
        () => context.client.send(new PutCommand({ TableName: context.tableName, Item: item })),
        context.policy,
        onRetry,
      );
      outcome.written.push(keyOf(item));
    } catch (error) {
      if (isRetryableDynamoDbError(error)) {
        outcome.left.push(keyOf(item));
        outcome.error = error;
      } else outcome.failed.push({ key: keyOf(item), reason: describeError(error) });
    }
  }
  return outcome;
}

function unwrittenError(
  context: WriterContext,
  left: ItemKey[],
  attempted: number,
  result: PutItemsResult,
  cause: unknown,
): WriteError {
  return new WriteError(
    `${left.length} of ${attempted} item(s) were not written to table \`${context.tableName}\` after ${context.policy.retries} retries (${result.written.length} written, ${result.unchanged.length} unchanged, ${result.failed.length} failed; last error: ${describeError(cause)}). Keys left: ${formatKeyList(left)}`,
    left,
    { cause },
  );
}

const KEYS_IN_MESSAGE = 20;

function formatKeyList(keys: readonly ItemKey[]): string {
  const shown = keys.slice(0, KEYS_IN_MESSAGE).map(formatItemKey).join(', ');
  return keys.length > KEYS_IN_MESSAGE
    ? `${shown} … and ${keys.length - KEYS_IN_MESSAGE} more (see error.keys)`
    : shown;
}

async function enrich(
  context: WriterContext,
  item: Pick<CelebrityItem, 'pk' | 'sk' | 'content_hash'>,
  enrichment: Enrichment,
): Promise<EnrichOutcome> {
  const parsed = EnrichmentSchema.safeParse(enrichment);
  if (!parsed.success) {
    throw new ValidationError(`Invalid enrichment for ${formatItemKey(item)}`, formatZodIssues(parsed.error));
  }
  try {
    await retryDynamoDb(() => context.client.send(enrichCommand(context.tableName, item, parsed.data)), context.policy);
    return 'updated';
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ConditionalCheckFailedException') {
      throw new WriteError(`Could not enrich ${formatItemKey(item)}: ${describeError(error)}`, [keyOf(item)], {
        cause: error,
      });
    }
    return classifyConditionFailure(item, enrichment.processor_version, (error as Error & { Item?: unknown }).Item);
  }
}

function enrichCommand(
  tableName: string,
  item: Pick<CelebrityItem, 'pk' | 'sk' | 'content_hash'>,
  enrichment: Enrichment,
): UpdateCommand {
  return new UpdateCommand({
    TableName: tableName,
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression:
      'SET #weight = :weight, #sentiment = :sentiment, #score = :score, #processedAt = :processedAt, #version = :version, #enrichedHash = :hash',
    ConditionExpression: '#contentHash = :hash AND NOT (#enrichedHash = :hash AND #version = :version)',
    ExpressionAttributeNames: {
      '#weight': 'weight',
      '#sentiment': 'sentiment',
      '#score': 'sentiment_score',
      '#processedAt': 'processed_at',
      '#version': 'processor_version',
      '#enrichedHash': 'enriched_hash',
      '#contentHash': 'content_hash',
    },
    ExpressionAttributeValues: {
      ':weight': enrichment.weight,
      ':sentiment': enrichment.sentiment,
      ':score': enrichment.sentiment_score,
      ':processedAt': enrichment.processed_at,
      ':version': enrichment.processor_version,
      ':hash': item.content_hash,
    },
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  });
}

function classifyConditionFailure(
  item: Pick<CelebrityItem, 'pk' | 'sk' | 'content_hash'>,
  processorVersion: string,
  oldItem: unknown,
): EnrichOutcome {
  if (oldItem === undefined || oldItem === null) return 'missing';
  const contentHash = stringAttribute(oldItem, 'content_hash');
  if (contentHash !== item.content_hash) return 'stale';
  if (
    stringAttribute(oldItem, 'enriched_hash') === item.content_hash &&
    stringAttribute(oldItem, 'processor_version') === processorVersion
  ) {
    return 'already-enriched';
  }
  throw new WriteError(
    `Enrichment condition failed on ${formatItemKey(item)} although its content_hash and enrichment say it should have passed`,
    [keyOf(item)],
  );
}

/** Reads a string attribute from an item in document form or in AttributeValue form (`{ S: '...' }`). */
function stringAttribute(item: unknown, name: string): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const value = (item as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { S?: unknown }).S === 'string') {
    return (value as { S: string }).S;
  }
  return undefined;
}

function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < values.length; index += size) chunks.push(values.slice(index, index + size));
  return chunks;
}

/** Maps with at most `limit` promises in flight, keeping the input order. */
async function mapConcurrently<T, R>(values: readonly T[], limit: number, map: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(values.length);
  let next = 0;
  const worker = async () => {
    while (next < values.length) {
      const index = next++;
      results[index] = await map(values[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}
