import { type DynamoDbLocalInstance, startDynamoDbLocal } from '@celebrity-pipeline/dynamodb-local';
import type { TestProject } from 'vitest/node';

let instance: DynamoDbLocalInstance | undefined;

/** vitest globalSetup: one in-memory DynamoDB Local on a free loopback port for the whole run. */
export async function setup(project: TestProject): Promise<void> {
  instance = await startDynamoDbLocal({ sharedDb: true });
  project.provide('dynamodbEndpoint', instance.endpoint);
}

export async function teardown(): Promise<void> {
  await instance?.stop();
  instance = undefined;
}
