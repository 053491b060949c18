import { fileURLToPath } from 'node:url';
import { definePackageTestConfig } from '@celebrity-pipeline/testing';
import { mergeConfig } from 'vitest/config';

export default mergeConfig(definePackageTestConfig({ dynamodb: true, testTimeoutMs: 120_000 }), {
  test: { globalSetup: [fileURLToPath(new URL('./tests/helpers/matrix-run-setup.ts', import.meta.url))] },
});
