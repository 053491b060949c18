import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';

/**
 * DynamoDB actions each function needs, and nothing else. The scrapers write through core's item writer
 * (BatchGetItem reads the stored `content_hash` so unchanged items are skipped, BatchWriteItem writes,
 * PutItem isolates an item a batch rejected); the post-processor writes enrichment with a conditional
 * UpdateItem.
 */
export const TABLE_ACTIONS = {
  scraperItems: ['dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
  scraperLedger: ['dynamodb:PutItem'],
  postProcessorItems: ['dynamodb:UpdateItem'],
} as const;

/**
 * Grants `actions` on the table itself only: no index ARNs (no function queries an index) and no `*`.
 * Customer-managed keys are not used (the tables use AWS-owned encryption), so no KMS grant is needed.
 */
export function grantTableActions(fn: IFunction, table: ITableV2, actions: readonly string[]): void {
  fn.addToRolePolicy(new PolicyStatement({ actions: [...actions], resources: [table.tableArn] }));
}
