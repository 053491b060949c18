import { definePackageTestConfig } from '@celebrity-pipeline/testing';

// End-to-end runs of 400 items on a shared 2-core box: allow minutes, not seconds.
export default definePackageTestConfig({ dynamodb: true, testTimeoutMs: 300_000 });
