#!/usr/bin/env node
// `npm run release` (run through scripts/bootstrap.mjs, so pnpm and node_modules/.bin are on PATH):
// 1. builds every package and runs the package checks (publint, attw),
// 2. runs `changeset publish`, which publishes each public package whose version is not on the registry yet.
//
// The registry and token come from the standard npm configuration: NPM_CONFIG_REGISTRY, NPM_CONFIG_USERCONFIG,
// .npmrc files (`registry=`, `@celebrity-pipeline:registry=`, `//host/:_authToken=`).
// Two tools do not follow that configuration on their own, so this script asks npm for the effective registry and
// hands it over explicitly:
// - changesets 2.x reads the registry only from the lower-case `npm_config_registry` variable (otherwise it checks
//   and publishes against registry.npmjs.org);
// - pnpm 12 (which changesets uses to publish, as it replaces `workspace:` ranges) ignores `npm_config_registry`
//   and NPM_CONFIG_REGISTRY: it reads `pnpm_config_registry` (and .npmrc files, so tokens still come from there).
//   Without this, a release meant for a private registry would go to registry.npmjs.org.
// Extra arguments go to `changeset publish` (for example `--tag next`).
import { spawnSync } from 'node:child_process';

const SCOPE = '@celebrity-pipeline';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`could not start ${command}: ${result.error.message}`);
  return result;
}

function npmConfig(key) {
  const result = run('npm', ['config', 'get', key], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  const value = result.status === 0 ? result.stdout.trim() : '';
  return value === '' || value === 'undefined' || value === 'null' ? undefined : value;
}

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
}

const checks = run('turbo', ['run', 'build', 'check:package', '--output-logs=errors-only']);
if (checks.status !== 0) fail(`build or package checks failed (exit ${checks.status}); nothing was published`);

const scopedRegistry = npmConfig(`${SCOPE}:registry`);
const registry = scopedRegistry ?? npmConfig('registry');
if (!registry) fail('npm reports no registry (`npm config get registry`)');
const environment = { ...process.env, npm_config_registry: registry, pnpm_config_registry: registry };
if (scopedRegistry) {
  environment[`npm_config_${SCOPE}:registry`] = scopedRegistry;
  environment[`pnpm_config_${SCOPE}:registry`] = scopedRegistry;
}
process.stderr.write(`release: publishing to ${registry}\n`);

const publish = run('changeset', ['publish', ...process.argv.slice(2)], { env: environment });
process.exit(publish.status ?? 1);
