import { defineConfig } from 'vitest/config';

// Inline rather than @celebrity-pipeline/testing's preset: the test kit depends on this package.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
