import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type IsoWeek, parseIsoWeek } from '../iso-week.js';
import { OBSERVATION_ENTITY } from '../item.js';
import { CELEBRITY_TABLE } from '../table-definition.js';
import { DYNAMODB_RETRY_POLICY, type RetryPolicy, retryDynamoDb } from './retry-policy.js';

/**
 * Every ISO week that has observations, oldest first. A Scan of the `week-index` GSI projecting only the week
 * (the index holds observations only, so summaries are never read): for whole-table maintenance such as
 * `rescore --all-weeks`, never on a hot path.
 */
export async function listStoredWeeks(options: {
  client: DynamoDBDocumentClient;
  tableName: string;
  retry?: Partial<RetryPolicy>;
}): Promise<IsoWeek[]> {
  const policy = { ...DYNAMODB_RETRY_POLICY, ...options.retry };
  const weeks = new Set<IsoWeek>();
  const { weekIndex } = CELEBRITY_TABLE;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await retryDynamoDb(
      () =>
        options.client.send(
          new ScanCommand({
            TableName: options.tableName,
            IndexName: weekIndex.name,
            ProjectionExpression: '#week',
            FilterExpression: '#entity = :observation',
            ExpressionAttributeNames: { '#week': weekIndex.partitionKey.name, '#entity': 'entity' },
            ExpressionAttributeValues: { ':observation': OBSERVATION_ENTITY },
            ExclusiveStartKey: startKey,
          }),
        ),
      policy,
    );
    for (const stored of page.Items ?? []) {
      if (typeof stored.week === 'string') weeks.add(parseIsoWeek(stored.week));
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return [...weeks].sort();
}
