import { definePackageTestConfig } from '@celebrity-pipeline/testing';

// One DynamoDB Local for the round trip through core's reader and ledger; the browser test starts Chromium on a
// shared 2-core machine, hence the longer timeout.
export default definePackageTestConfig({ dynamodb: true, testTimeoutMs: 90_000 });
