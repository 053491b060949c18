import { type DynamoDbLocalInstance, startDynamoDbLocal } from '@celebrity-pipeline/dynamodb-local';
import type { TestProject } from 'vitest/node';

let instance: DynamoDbLocalInstance | undefined;

/** vitest globalSetup: one in-memory DynamoDB Local on a free loopback port for the whole run. */
export async function setup(project: TestProject): Promise<void> {
  // Generous: on a loaded 2-core box (turbo runs several packages' suites at once) start-up can take tens of seconds.
  instance = await startDynamoDbLocal({ sharedDb: true, startTimeoutMs: 120_000 });
  project.provide('dynamodbEndpoint', instance.endpoint);
}

export async function teardown(): Promise<void> {
  await instance?.stop();
  instance = undefined;
}
