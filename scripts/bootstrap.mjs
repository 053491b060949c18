#!/usr/bin/env node
// Makes `npm start` / `npm test` work on a fresh clone with nothing but Node and Java:
// 1. finds the pnpm version pinned in package.json's `packageManager` (or installs it into .tools/),
// 2. installs the workspace with the frozen lockfile when node_modules is missing or stale,
// 3. optionally builds one package and its dependencies (`--build <name>`),
// 4. runs the command after `--` with pnpm and node_modules/.bin on PATH, and exits with its status.
// Steps 1-3 print to stderr only: stdout is the command's (`npm run --silent cli -- status --json | jq` works).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools');

const quietEnvironment = {
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  DDB_LOCAL_TELEMETRY: '0',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  NPM_CONFIG_UPDATE_NOTIFIER: 'false',
};

/** Preparation (install, build) writes its output to stderr, so the command's stdout stays its own (`--json`). */
const PREPARATION_STDIO = ['inherit', process.stderr.fd, 'inherit'];

function fail(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
  process.exit(1);
}

function parseArguments(argv) {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  const buildIndex = own.indexOf('--build');
  const buildTarget = buildIndex === -1 ? undefined : own[buildIndex + 1];
  if (buildIndex !== -1 && !buildTarget) fail('`--build` needs a package name');
  if (command.length === 0) fail('usage: node scripts/bootstrap.mjs [--build <package>] -- <command...>');
  return { buildTarget, command };
}

function pinnedPnpmVersion() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(manifest.packageManager ?? '');
  if (!match) fail('package.json `packageManager` must pin pnpm as pnpm@X.Y.Z');
  return match[1];
}

function versionOf(binary, environment) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', env: environment });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Returns a directory holding a `pnpm` of the pinned version, installing it when none is found. */
function ensurePnpm(version, environment) {
  if (versionOf('pnpm', environment) === version) return undefined;
  const localBin = join(toolsDir, 'node_modules', '.bin');
  if (versionOf(join(localBin, 'pnpm'), environment) === version) return localBin;
  process.stderr.write(`bootstrap: installing pnpm@${version} into .tools/ (one time)\n`);
  const install = spawnSync(
    'npm',
    ['install', '--prefix', toolsDir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `pnpm@${version}`],
    { stdio: PREPARATION_STDIO, env: environment },
  );
  if (install.status !== 0 || versionOf(join(localBin, 'pnpm'), environment) !== version) {
    fail(`could not install pnpm@${version} with npm (exit ${install.status})`);
  }
  return localBin;
}

function isInstallCurrent() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  if (!existsSync(marker)) return false;
  const lockfile = join(root, 'pnpm-lock.yaml');
  return statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs;
}

function run(command, args, environment, stdio = 'inherit') {
  const result = spawnSync(command, args, { stdio, cwd: root, env: environment });
  if (result.error) fail(`could not start ${command}: ${result.error.message}`);
  return result.status ?? (result.signal ? 128 : 1);
}

const { buildTarget, command } = parseArguments(process.argv.slice(2));
const environment = { ...quietEnvironment, ...process.env };
const pnpmDirectory = ensurePnpm(pinnedPnpmVersion(), environment);
const pathEntries = [join(root, 'node_modules', '.bin'), pnpmDirectory, environment.PATH].filter(Boolean);
environment.PATH = pathEntries.join(delimiter);

if (!isInstallCurrent()) {
  const status = run('pnpm', ['install', '--frozen-lockfile'], environment, PREPARATION_STDIO);
  if (status !== 0) fail(`pnpm install --frozen-lockfile failed (exit ${status})`);
}
if (buildTarget) {
  const status = run(
    'pnpm',
    ['turbo', 'run', 'build', `--filter=${buildTarget}...`, '--output-logs=errors-only', '--log-prefix=none'],
    environment,
    PREPARATION_STDIO,
  );
  if (status !== 0) fail(`building ${buildTarget} failed (exit ${status})`);
}
process.exit(run(command[0], command.slice(1), environment));
