import { definePackageTestConfig } from '@celebrity-pipeline/testing';

// Pure planning and definition building: no DynamoDB Local.
export default definePackageTestConfig({ dynamodb: false });
