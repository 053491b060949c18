import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  COLLECTION_PLANNER_FUNCTION_NAME,
  POST_PROCESSOR_FUNCTION_NAME,
  SCRAPER_FUNCTION_NAMES,
  SOURCES,
} from '@celebrity-pipeline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CREATE_REQUIRE_BANNER,
  PLANNER_SPEC,
  POST_PROCESSOR_SPEC,
  REPOSITORY_ROOT,
  SCRAPER_SPECS,
} from '../../src/index.js';
import { type Synthesized, synthesize } from '../helpers/synthesize.js';
import { logicalIdOf, resourceById } from '../helpers/template-queries.js';

const BUNDLE_TARGET_BYTES = 1_000_000;
const CELEBRITY_LIST = 'packages/celebrities/src/celebrities.json';
const FUNCTIONS = [
  ...SOURCES.map((source) => ({ functionName: SCRAPER_FUNCTION_NAMES[source], spec: SCRAPER_SPECS[source] })),
  { functionName: COLLECTION_PLANNER_FUNCTION_NAME, spec: PLANNER_SPEC },
  { functionName: POST_PROCESSOR_FUNCTION_NAME, spec: POST_PROCESSOR_SPEC },
];

let synthesized: Synthesized;

// One synth with bundling on: CDK runs the workspace's esbuild (pnpm exec, never Docker) for each of the six
// real entries (packages/<name>/src/handler.ts), as `npm run synth` does.
beforeAll(() => {
  synthesized = synthesize({ pipeline: { celebrityList: { file: CELEBRITY_LIST } } }, { isBundling: true });
}, 300_000);

afterAll(() => synthesized?.cleanup());

function assetDirectory(functionName: string): string {
  const id = logicalIdOf(synthesized.template, 'AWS::Lambda::Function', 'FunctionName', functionName);
  const code = resourceById(synthesized.template, id).Properties?.Code as { S3Key: string };
  return join(synthesized.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
}

/**
 * Stands in for the Lambda runtime, which provides the AWS SDK v3 the bundles leave external: links each
 * `@aws-sdk/*` package a bundle imports into a node_modules beside it, resolved from the workspace packages.
 */
function provideRuntimeSdk(directory: string, packageDirectory: string): void {
  const code = readFileSync(join(directory, 'index.mjs'), 'utf8');
  const imported = new Set([...code.matchAll(/from\s*"(@aws-sdk\/[^"/]+)/g)].map((match) => match[1] ?? ''));
  const resolvers = [packageDirectory, 'packages/scraper-kit', 'packages/core'].map((folder) =>
    createRequire(join(REPOSITORY_ROOT, folder, 'package.json')),
  );
  for (const name of imported) {
    const target = join(directory, 'node_modules', name);
    if (existsSync(target)) continue;
    const manifest = resolvers.map((resolve) => tryResolve(resolve, `${name}/package.json`)).find(Boolean);
    if (!manifest) throw new Error(`No workspace package provides ${name}`);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(dirname(manifest), target, 'dir');
  }
}

function tryResolve(resolve: NodeJS.Require, request: string): string | undefined {
  try {
    return resolve.resolve(request);
  } catch {
    return undefined;
  }
}

describe.each(FUNCTIONS)('bundle of $functionName', ({ functionName, spec }) => {
  it('is a minified ESM bundle with the createRequire banner and a source map, within 1 MB', () => {
    const directory = assetDirectory(functionName);
    const code = readFileSync(join(directory, 'index.mjs'), 'utf8');
    expect(code.startsWith(CREATE_REQUIRE_BANNER)).toBe(true);
    expect(existsSync(join(directory, 'index.mjs.map'))).toBe(true);
    expect(statSync(join(directory, 'index.mjs')).size).toBeLessThanOrEqual(BUNDLE_TARGET_BYTES);
    expect(code).not.toMatch(/from\s*"@celebrity-pipeline\//);
  });

  it('loads as an ES module in Node and exports handler', () => {
    const directory = assetDirectory(functionName);
    provideRuntimeSdk(directory, spec.packageDirectory);
    // A plain Node process (not vitest's module runner) imports the bundle, as the Lambda runtime would.
    const url = pathToFileURL(join(directory, 'index.mjs')).href;
    const script = `const m = await import(${JSON.stringify(url)}); process.stdout.write(typeof m.handler);`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', TABLE_NAME: 'celebrity-database' },
    });
    expect(output).toBe('function');
  });
});

describe('custom celebrity list', () => {
  it.each(SOURCES)('ships the list in the scraper-%s bundle', (source) => {
    const copied = join(assetDirectory(SCRAPER_FUNCTION_NAMES[source]), 'celebrities.json');
    expect(readFileSync(copied, 'utf8')).toBe(readFileSync(join(REPOSITORY_ROOT, CELEBRITY_LIST), 'utf8'));
  });

  it('ships it in the planner bundle too (the planner plans over the list the scrapers read)', () => {
    const copied = join(assetDirectory(COLLECTION_PLANNER_FUNCTION_NAME), 'celebrities.json');
    expect(readFileSync(copied, 'utf8')).toBe(readFileSync(join(REPOSITORY_ROOT, CELEBRITY_LIST), 'utf8'));
  });

  it('does not ship it to the post-processor', () => {
    expect(existsSync(join(assetDirectory(POST_PROCESSOR_FUNCTION_NAME), 'celebrities.json'))).toBe(false);
  });
});
