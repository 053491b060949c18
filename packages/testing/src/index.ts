export { createTestTable, LOCAL_CREDENTIALS, localDynamoDbClient, uniqueTableName } from './dynamodb-tables.js';
export { definePackageTestConfig, type PackageTestConfigOptions } from './vitest-config.js';
