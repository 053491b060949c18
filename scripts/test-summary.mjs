#!/usr/bin/env node
// Sums vitest's JSON results (test-results/vitest.json) over every workspace package that has a `test`
// script and prints `N passed, N failed` as the last line. Exits 1 when anything failed, when a package
// left no results, or when no test ran at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function workspaceDirectories() {
  const patterns = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')
    .split('\n')
    .map((line) => /^\s+-\s+(\S+)/.exec(line)?.[1])
    .filter(Boolean);
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((name) => join(parent, name)) : [];
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];
for (const directory of workspaceDirectories()) {
  const manifestPath = join(directory, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!manifest.scripts?.test) continue;
  const resultsPath = join(directory, 'test-results', 'vitest.json');
  if (!existsSync(resultsPath)) {
    problems.push(`${manifest.name}: no test results (${resultsPath} missing)`);
    failed += 1;
    continue;
  }
  const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
  // A file that failed to load has no assertions but must still count as a failure.
  const brokenFiles = results.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  passed += results.numPassedTests;
  failed += results.numFailedTests + brokenFiles;
  skipped += results.numPendingTests + results.numTodoTests;
  console.log(`${manifest.name}: ${results.numPassedTests} passed, ${results.numFailedTests + brokenFiles} failed`);
}
for (const problem of problems) console.log(problem);
if (passed + failed === 0) console.log('no test ran');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
