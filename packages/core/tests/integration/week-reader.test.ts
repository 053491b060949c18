import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient, createItemWriter, createTableInput, listWeekItems } from '../../src/dynamodb/index.js';
import { formatItemKey, ValidationError } from '../../src/index.js';
import { weekItems } from '../helpers/items.js';

describe('listWeekItems on DynamoDB Local', () => {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'));
  const documentClient = createDocumentClient({ client });
  let tableName = '';
  let drop: () => Promise<void> = async () => {};
  const thisWeek = weekItems(30, { week: '2026-W47' });

  beforeAll(async () => {
    ({ tableName, drop } = await createTestTable(client, createTableInput(), 'week-reader'));
    const writer = createItemWriter({ client: documentClient, tableName });
    await writer.putItems(thisWeek);
    await writer.putItems(weekItems(12, { week: '2026-W46' }));
  });
  afterAll(async () => {
    await drop();
    client.destroy();
  });

  it('returns every validated item of the week, page by page, and none of other weeks', async () => {
    const result = await listWeekItems({ client: documentClient, tableName, week: '2026-W47', pageSize: 7 });
    expect(result.pages).toBeGreaterThanOrEqual(5);
    expect(result.invalid).toEqual([]);
    expect(result.items.map(formatItemKey).sort()).toEqual(thisWeek.map(formatItemKey).sort());
    expect(result.items.every((item) => item.week === '2026-W47')).toBe(true);
    const [first] = thisWeek;
    expect(result.items.find((item) => item.pk === first?.pk && item.sk === first.sk)).toEqual(first);
  });

  it('reports a stored item that fails validation instead of dropping it', async () => {
    const broken = { pk: 'CELEBRITY#broken', sk: 'WEEK#2026-W45#SOURCE#tmdb', week: '2026-W45', source: 'tmdb' };
    await documentClient.send(new PutCommand({ TableName: tableName, Item: broken }));
    await createItemWriter({ client: documentClient, tableName }).putItems(weekItems(2, { week: '2026-W45' }));
    const result = await listWeekItems({ client: documentClient, tableName, week: '2026-W45' });
    expect(result.items).toHaveLength(2);
    expect(result.invalid).toEqual([
      { pk: broken.pk, sk: broken.sk, issues: expect.arrayContaining([expect.stringMatching(/^content_hash: /)]) },
    ]);
  });

  it('returns nothing for a week without items and refuses a malformed week', async () => {
    const empty = await listWeekItems({ client: documentClient, tableName, week: '2025-W01' });
    expect(empty).toMatchObject({ items: [], invalid: [], pages: 1 });
    await expect(listWeekItems({ client: documentClient, tableName, week: '2026-48' })).rejects.toThrow(
      ValidationError,
    );
  });
});
