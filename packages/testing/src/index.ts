export {
  countSuccessfulCalls,
  countUpdateItemCalls,
  fakeUnprocessedItems,
  fakeUnprocessedKeys,
  type MiddlewareClient,
  rejectItem,
  throttle,
  type UpdateItemCounter,
} from './dynamodb-faults.js';
export { createTestTable, LOCAL_CREDENTIALS, localDynamoDbClient, uniqueTableName } from './dynamodb-tables.js';
export { definePackageTestConfig, type PackageTestConfigOptions } from './vitest-config.js';
