import { definePackageTestConfig } from '@celebrity-pipeline/testing';

// The browser test starts Chromium on a shared 2-core machine: give it room.
export default definePackageTestConfig({ testTimeoutMs: 90_000 });
