import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, PACKAGE_ROOT } from '../../scripts/browser-bundle.js';
import { modulesLoadedBy } from '../helpers/loaded-modules.js';

const rootEntry = join(PACKAGE_ROOT, 'dist', 'index.js');
const dynamodbEntry = join(PACKAGE_ROOT, 'dist', 'dynamodb', 'index.js');
const isPlatformSpecific = (url: string) => url.startsWith('node:') || url.includes('/@aws-sdk/');

beforeAll(() => {
  if (!existsSync(rootEntry) || !existsSync(dynamodbEntry)) {
    throw new Error('dist/ is missing: run `pnpm --filter @celebrity-pipeline/core build` first (turbo does)');
  }
});

describe('the root entry @celebrity-pipeline/core', () => {
  it('loads no AWS SDK module and no node: built-in in a fresh Node process', () => {
    const loaded = modulesLoadedBy(rootEntry);
    expect(loaded).toContain(new URL(`file://${join(PACKAGE_ROOT, 'dist', 'item.js')}`).href);
    expect(loaded.filter(isPlatformSpecific)).toEqual([]);
  });

  it('bundles for the browser with esbuild (platform browser, no shims) without the SDK', async () => {
    const { inputs } = await bundleForBrowser("export * from '@celebrity-pipeline/core';");
    expect(inputs.some((input) => input.endsWith('dist/sentiment/vader.js'))).toBe(true);
    expect(inputs.filter((input) => input.includes('@aws-sdk'))).toEqual([]);
  });
});

describe('the subpath @celebrity-pipeline/core/dynamodb', () => {
  // The same recorder sees the SDK here, so the check above can fail.
  it('is where the AWS SDK is loaded', () => {
    expect(modulesLoadedBy(dynamodbEntry).filter(isPlatformSpecific)).toEqual(
      expect.arrayContaining([expect.stringContaining('/@aws-sdk/lib-dynamodb/')]),
    );
  });
});
