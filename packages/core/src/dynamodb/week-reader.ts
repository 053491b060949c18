import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type IsoWeek, parseIsoWeek } from '../iso-week.js';
import { type CelebrityItem, CelebrityItemSchema } from '../item.js';
import { CELEBRITY_TABLE } from '../table-definition.js';
import { formatZodIssues } from '../zod-issues.js';
import { DYNAMODB_RETRY_POLICY, type RetryPolicy, retryDynamoDb } from './retry-policy.js';

/** Options of {@link listWeekItems}. */
export interface ListWeekItemsOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  week: IsoWeek | string;
  /** Items per Query page (DynamoDB's own 1 MB page limit applies too). Default: no limit of ours. */
  pageSize?: number;
  retry?: Partial<RetryPolicy>;
}

/** A stored item of the week that does not match the item schema. */
export interface InvalidStoredItem {
  /** `pk`/`sk` as stored (may be missing on a badly broken item). */
  pk: string | undefined;
  sk: string | undefined;
  issues: string[];
}

/** Result of {@link listWeekItems}. */
export interface WeekItems {
  week: IsoWeek;
  items: CelebrityItem[];
  /** Stored items that failed validation: reported, never silently dropped. */
  invalid: InvalidStoredItem[];
  /** Query calls made (pages). */
  pages: number;
}

/**
 * Every item of one ISO week, read from the table's `week-index` GSI page by page (no scan), validated.
 * GSI reads are eventually consistent on AWS: an item written a moment ago may be missing.
 * @throws ValidationError for a malformed week.
 * @example
 * const { items, invalid } = await listWeekItems({ client, tableName: 'celebrity-database', week: '2026-W48' });
 */
export async function listWeekItems(options: ListWeekItemsOptions): Promise<WeekItems> {
  const week = parseIsoWeek(options.week);
  const policy = { ...DYNAMODB_RETRY_POLICY, ...options.retry };
  const result: WeekItems = { week, items: [], invalid: [], pages: 0 };
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await retryDynamoDb(
      () => options.client.send(weekQuery(options.tableName, week, startKey, options.pageSize)),
      policy,
    );
    result.pages++;
    for (const stored of page.Items ?? []) addValidated(result, stored);
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return result;
}

function weekQuery(
  tableName: string,
  week: IsoWeek,
  startKey: Record<string, unknown> | undefined,
  pageSize: number | undefined,
): QueryCommand {
  return new QueryCommand({
    TableName: tableName,
    IndexName: CELEBRITY_TABLE.weekIndex.name,
    KeyConditionExpression: '#week = :week',
    ExpressionAttributeNames: { '#week': CELEBRITY_TABLE.weekIndex.partitionKey.name },
    ExpressionAttributeValues: { ':week': week },
    ExclusiveStartKey: startKey,
    Limit: pageSize,
  });
}

function addValidated(result: WeekItems, stored: Record<string, unknown>): void {
  const parsed = CelebrityItemSchema.safeParse(stored);
  if (parsed.success) {
    result.items.push(parsed.data);
    return;
  }
  const pk = typeof stored.pk === 'string' ? stored.pk : undefined;
  const sk = typeof stored.sk === 'string' ? stored.sk : undefined;
  result.invalid.push({ pk, sk, issues: formatZodIssues(parsed.error) });
}
