import { fileURLToPath } from 'node:url';
import type {} from 'vitest';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Endpoint of the in-memory DynamoDB Local started for this test run. */
    dynamodbEndpoint: string;
  }
}

/** Options of {@link definePackageTestConfig}. */
export interface PackageTestConfigOptions {
  /** Start one in-memory DynamoDB Local for the run and `provide('dynamodbEndpoint')`. */
  dynamodb?: boolean;
  /** Per-test timeout. Default 30 s (DynamoDB Local on a loaded 2-core box). */
  testTimeoutMs?: number;
}

/** The house vitest config: tests under `tests/`, JSON results for `.ci/run`, optional DynamoDB Local. */
export function definePackageTestConfig(options: PackageTestConfigOptions = {}): ViteUserConfig {
  const globalSetup = options.dynamodb ? [fileURLToPath(new URL('./dynamodb-global-setup.js', import.meta.url))] : [];
  return defineConfig({
    test: {
      include: ['tests/**/*.test.ts'],
      testTimeout: options.testTimeoutMs ?? 30_000,
      hookTimeout: 60_000,
      globalSetup,
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
  });
}
