#!/usr/bin/env node
// `npm run test:release`: the release path, end to end, against a real npm registry (verdaccio) on loopback.
//
//  1. copies the working tree (tracked and untracked, not ignored files) into a scratch git repository in a temp
//     folder and installs it offline from the pnpm store: versioning never touches this checkout;
//  2. starts verdaccio on a free port with throwaway storage: `@celebrity-pipeline/*` is local (anonymous publish),
//     everything else is proxied to https://registry.npmjs.org/;
//  3. `npm run version-packages` then `npm run release` in the scratch repository, pointed at the registry only
//     through NPM_CONFIG_REGISTRY and NPM_CONFIG_USERCONFIG (a temp .npmrc holding a token line);
//     checks that every public package is on the registry at its version, with no `workspace:` range left;
//  4. a consumer project outside the workspace (`@celebrity-pipeline:registry` in its .npmrc, the rest from the
//     normal registry) installs core, celebrities and report; an ESM and a CommonJS script score texts; TypeScript
//     type-checks a consumer under `moduleResolution: node16` and `bundler`;
//  5. changes core (a new export and a patch changeset), versions and releases again: exactly core and its
//     dependents get new versions, the others keep theirs; `npm update` in the consumer brings the new core.
//
// Exits non-zero with a message on the first failure. Every child process is stopped when this one ends, also on
// SIGINT/SIGTERM. KEEP_RELEASE_E2E=1 keeps the temp folder for inspection.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCOPE = '@celebrity-pipeline';
const CONSUMER_PACKAGES = ['core', 'celebrities', 'report'].map((name) => `${SCOPE}/${name}`);
const started = Date.now();
const children = new Set();
let work;
let finished = false;

// ---------------------------------------------------------------------------------------------------------------
// process handling

class StepError extends Error {}

function log(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[release-e2e ${seconds}s] ${message}\n`);
}

function stopChildren() {
  for (const child of children) {
    try {
      // Each command child leads its own process group (detached), so its own children stop with it.
      if (child.pid && child.detachedGroup) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // already gone
    }
  }
  children.clear();
}

function cleanUp() {
  stopChildren();
  if (!work) return;
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: a debugging switch of this script, not an input of a turbo task
  if (process.env.KEEP_RELEASE_E2E === '1') log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    process.stderr.write(`release-e2e: interrupted by ${signal}, stopping\n`);
    cleanUp();
    process.exit(code);
  });
}
process.on('exit', () => {
  if (!finished) cleanUp();
});

/** The environment without the npm_* variables `npm run` adds, so no config leaks into a child by accident. */
function baseEnvironment() {
  const environment = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key)) continue;
    environment[key] = value;
  }
  environment.NPM_CONFIG_UPDATE_NOTIFIER = 'false';
  environment.NPM_CONFIG_FUND = 'false';
  environment.NPM_CONFIG_AUDIT = 'false';
  return environment;
}

/** Runs a command; resolves with its stdout, rejects with the tail of its output when it fails. */
function run(command, args, { cwd, env, label = `${command} ${args.join(' ')}` } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.detachedGroup = true;
    children.add(child);
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => {
      children.delete(child);
      reject(new StepError(`${label}: could not start: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve(stdout);
      else {
        const tail = output.trim().split('\n').slice(-40).join('\n');
        reject(new StepError(`${label} (in ${cwd}) failed with ${signal ?? `exit ${code}`}:\n${tail}`));
      }
    });
  });
}

function check(condition, message) {
  if (!condition) throw new StepError(message);
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// ---------------------------------------------------------------------------------------------------------------
// the workspace

/** name -> { dir, version, private, dependencies (runtime + peer + optional, workspace names only) } */
function workspacePackages(root) {
  const result = new Map();
  for (const group of ['packages', 'apps']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdir(groupDir)) addPackage(result, join(groupDir, entry));
  }
  addPackage(result, join(root, 'infra'));
  return result;
}

function readdir(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function addPackage(map, dir) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) return;
  const manifest = readJson(manifestPath);
  const dependencies = new Set();
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const name of Object.keys(manifest[field] ?? {})) if (name.startsWith(`${SCOPE}/`)) dependencies.add(name);
  }
  map.set(manifest.name, { dir, version: manifest.version, private: manifest.private === true, dependencies });
}

/** `name` and every workspace package that depends on it at run time, transitively. */
function withDependents(packages, name) {
  const result = new Set([name]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [other, info] of packages) {
      if (result.has(other)) continue;
      if ([...info.dependencies].some((dependency) => result.has(dependency))) {
        result.add(other);
        grew = true;
      }
    }
  }
  return result;
}

async function copyWorkingTree(target) {
  const listing = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repoRoot,
    env: baseEnvironment(),
  });
  let count = 0;
  for (const file of listing.split('\0').filter(Boolean)) {
    const source = join(repoRoot, file);
    if (!existsSync(source)) continue; // deleted in the working tree
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(source, join(target, file));
    count += 1;
  }
  const git = (...args) =>
    run('git', ['-c', 'user.name=release-e2e', '-c', 'user.email=release-e2e@localhost', ...args], {
      cwd: target,
      env: baseEnvironment(),
    });
  await git('init', '--quiet', '--initial-branch=main');
  await git('add', '-A');
  await git('commit', '--quiet', '--no-verify', '-m', 'release-e2e snapshot');
  return count;
}

// ---------------------------------------------------------------------------------------------------------------
// the registry

function startRegistry(dir) {
  const storage = join(dir, 'storage');
  mkdirSync(storage, { recursive: true });
  const configPath = join(dir, 'config.yaml');
  writeFileSync(
    configPath,
    [
      `storage: ${JSON.stringify(storage)}`,
      'auth:',
      '  htpasswd:',
      `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
      '    max_users: -1',
      'uplinks:',
      '  npmjs:',
      '    url: https://registry.npmjs.org/',
      'packages:',
      `  '${SCOPE}/*':`,
      '    access: $all',
      '    publish: $all',
      '    unpublish: $all',
      `  '**':`,
      '    access: $all',
      '    proxy: npmjs',
      'max_body_size: 100mb',
      `log: { type: file, path: ${JSON.stringify(join(dir, 'verdaccio.log'))}, level: warn }`,
      '',
    ].join('\n'),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'release-e2e', 'registry.mjs'), configPath], {
      cwd: dir,
      env: baseEnvironment(),
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    children.add(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => reject(new StepError(`verdaccio did not start within 60 s:\n${stderr}`)), 60_000);
    child.on('message', (message) => {
      clearTimeout(timer);
      resolve({ port: message.port, child });
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new StepError(`verdaccio exited (${signal ?? code}) before it listened:\n${stderr}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// the steps

async function release(repo, registryUrl, npmrc, round) {
  const environment = {
    ...baseEnvironment(),
    NPM_CONFIG_REGISTRY: registryUrl,
    NPM_CONFIG_USERCONFIG: npmrc,
  };
  await run('npm', ['run', 'version-packages'], { cwd: repo, env: environment });
  log(`round ${round}: changeset version done`);
  const output = await run('npm', ['run', 'release'], { cwd: repo, env: environment });
  log(`round ${round}: npm run release done`);
  return output;
}

async function registryView(registryUrl, spec, field) {
  const environment = { ...baseEnvironment(), NPM_CONFIG_USERCONFIG: join(work, 'empty.npmrc') };
  const args = ['view', spec, '--json', `--registry=${registryUrl}`];
  if (field) args.splice(2, 0, field);
  const output = await run('npm', args, { cwd: work, env: environment });
  return output.trim() === '' ? undefined : JSON.parse(output);
}

async function checkPublished(registryUrl, packages, label) {
  const published = [...packages].filter(([, info]) => !info.private);
  check(published.length > 0, `${label}: no public packages found`);
  for (const [name, info] of published) {
    const manifest = await registryView(registryUrl, `${name}@${info.version}`);
    check(manifest?.version === info.version, `${label}: ${name}@${info.version} is not on the registry`);
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dependency, range] of Object.entries(manifest[field] ?? {})) {
        check(!String(range).startsWith('workspace:'), `${label}: ${name} was published with ${dependency}@${range}`);
        if (packages.has(dependency)) {
          const expected = packages.get(dependency).version;
          check(range === expected, `${label}: ${name} depends on ${dependency}@${range}, expected ${expected}`);
        }
      }
    }
  }
  for (const [name, info] of packages) {
    if (!info.private) continue;
    const versions = await registryView(registryUrl, name, 'versions').catch(() => undefined);
    check(versions === undefined, `${label}: private package ${name} is on the registry`);
  }
  return published.map(([name]) => name);
}

const ESM_SCRIPT = `import { computeWeight, polarityScores } from '${SCOPE}/core';
const texts = ['I love this', 'This is terrible and I hate it', 'The meeting is at noon'];
console.log(JSON.stringify({
  kind: 'esm',
  scores: texts.map((text) => polarityScores(text)),
  weights: [computeWeight({ source: 'tmdb', signals: { popularity: 100 } }), computeWeight({ source: 'news', signals: { article_count: 0 } })],
}));
`;

const CJS_SCRIPT = `const { computeWeight, polarityScores } = require('${SCOPE}/core');
const texts = ['I love this', 'This is terrible and I hate it', 'The meeting is at noon'];
console.log(JSON.stringify({
  kind: 'cjs',
  scores: texts.map((text) => polarityScores(text)),
  weights: [computeWeight({ source: 'tmdb', signals: { popularity: 100 } }), computeWeight({ source: 'news', signals: { article_count: 0 } })],
}));
`;

const TS_CONSUMER = `import { computeWeight, polarityScores, type WeightInput } from '${SCOPE}/core';

const input: WeightInput = { source: 'tmdb', signals: { popularity: 42 } };
const weight: number = computeWeight(input);
const compound: number = polarityScores('I love this').compound;
// The declarations are really read: these must be type errors (an unused @ts-expect-error fails the check).
// @ts-expect-error polarityScores takes a string
polarityScores(42);
// @ts-expect-error 'myspace' is not a source
computeWeight({ source: 'myspace', signals: { popularity: 1 } });
export const result = { weight, compound };
`;

function checkScores(output, kind) {
  let parsed;
  try {
    parsed = JSON.parse(output);
  } catch {
    throw new StepError(`${kind} consumer printed no JSON: ${output}`);
  }
  const [love, hate, neutral] = parsed.scores;
  check(parsed.kind === kind, `${kind} consumer: unexpected output ${output}`);
  check(love.compound > 0.5, `${kind}: compound of "I love this" is ${love.compound}, expected > 0.5`);
  check(hate.compound < -0.5, `${kind}: compound of the negative text is ${hate.compound}, expected < -0.5`);
  check(neutral.compound === 0, `${kind}: compound of the neutral text is ${neutral.compound}, expected 0`);
  check(parsed.weights[0] === 1 && parsed.weights[1] === 0, `${kind}: weights ${parsed.weights}, expected [1, 0]`);
  return love.compound;
}

async function setUpConsumer(dir, registryUrl, hostEnvironment) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'release-e2e-consumer', private: true }, null, 2)}\n`,
  );
  writeFileSync(join(dir, '.npmrc'), `${SCOPE}:registry=${registryUrl}\n`);
  writeFileSync(join(dir, 'score.mjs'), ESM_SCRIPT);
  writeFileSync(join(dir, 'score.cjs'), CJS_SCRIPT);
  writeFileSync(join(dir, 'consumer.mts'), TS_CONSUMER);
  writeFileSync(join(dir, 'consumer.ts'), TS_CONSUMER);
  const strict = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
    lib: ['es2022', 'dom'],
    target: 'es2022',
  };
  writeFileSync(
    join(dir, 'tsconfig.node16.json'),
    JSON.stringify({
      compilerOptions: { ...strict, module: 'node16', moduleResolution: 'node16' },
      files: ['consumer.mts'],
    }),
  );
  writeFileSync(
    join(dir, 'tsconfig.bundler.json'),
    JSON.stringify({
      compilerOptions: { ...strict, module: 'esnext', moduleResolution: 'bundler' },
      files: ['consumer.ts'],
    }),
  );
  await run('npm', ['install', '--no-audit', '--no-fund', ...CONSUMER_PACKAGES, 'typescript@5.9.3'], {
    cwd: dir,
    env: hostEnvironment,
  });
}

async function exerciseConsumer(dir, hostEnvironment, label) {
  const compoundEsm = checkScores(await run('node', ['score.mjs'], { cwd: dir, env: hostEnvironment }), 'esm');
  const compoundCjs = checkScores(await run('node', ['score.cjs'], { cwd: dir, env: hostEnvironment }), 'cjs');
  check(compoundEsm === compoundCjs, `${label}: ESM and CommonJS disagree (${compoundEsm} vs ${compoundCjs})`);
  const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  await run('node', [tsc, '-p', 'tsconfig.node16.json'], { cwd: dir, env: hostEnvironment });
  await run('node', [tsc, '-p', 'tsconfig.bundler.json'], { cwd: dir, env: hostEnvironment });
  log(`${label}: ESM and CommonJS scripts score "I love this" at ${compoundEsm}; tsc passes (node16, bundler)`);
}

async function installedVersions(dir, hostEnvironment) {
  const tree = JSON.parse(await run('npm', ['ls', '--json', '--all'], { cwd: dir, env: hostEnvironment }));
  const versions = {};
  const visit = (node) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (name.startsWith(`${SCOPE}/`)) {
        versions[name] ??= new Set();
        versions[name].add(child.version);
      }
      visit(child);
    }
  };
  visit(tree);
  return versions;
}

async function main() {
  work = mkdtempSync(join(tmpdir(), 'celebrity-release-e2e-'));
  log(`temp folder ${work}`);
  const repo = join(work, 'repo');
  const consumer = join(work, 'consumer');
  writeFileSync(join(work, 'empty.npmrc'), '');

  const files = await copyWorkingTree(repo);
  log(`copied ${files} files of ${relative(process.cwd(), repoRoot) || '.'} into a scratch git repository`);
  // The scratch copy uses the pnpm this checkout already has (bootstrap puts it on PATH, or it is in .tools/).
  const pathEntries = [join(repoRoot, '.tools', 'node_modules', '.bin'), process.env.PATH];
  const repoEnvironment = { ...baseEnvironment(), PATH: pathEntries.join(delimiter) };
  await run('node', ['scripts/bootstrap.mjs', '--', 'pnpm', 'install', '--offline', '--frozen-lockfile'], {
    cwd: repo,
    env: repoEnvironment,
  });
  log('scratch repository installed offline');

  const { port } = await startRegistry(join(work, 'registry'));
  const registryUrl = `http://127.0.0.1:${port}/`;
  log(`verdaccio listening on ${registryUrl}`);
  const npmrc = join(work, 'publisher.npmrc');
  writeFileSync(npmrc, `//127.0.0.1:${port}/:_authToken=release-e2e-token\n`);
  process.env.PATH = repoEnvironment.PATH;

  // Round 1: the pending changesets, versioned and published.
  await release(repo, registryUrl, npmrc, 1);
  const first = workspacePackages(repo);
  const published = await checkPublished(registryUrl, first, 'round 1');
  log(`round 1: ${published.length} public packages on the registry, no workspace: ranges`);

  const hostEnvironment = baseEnvironment();
  await setUpConsumer(consumer, registryUrl, hostEnvironment);
  const before = await installedVersions(consumer, hostEnvironment);
  for (const name of CONSUMER_PACKAGES) {
    check(before[name]?.size === 1, `consumer: ${name} installed as ${[...(before[name] ?? [])]}`);
    check(before[name].has(first.get(name).version), `consumer: ${name} is not at ${first.get(name).version}`);
  }
  log(`consumer installed ${CONSUMER_PACKAGES.map((name) => `${name}@${[...before[name]][0]}`).join(', ')}`);
  await exerciseConsumer(consumer, hostEnvironment, 'round 1');

  // Round 2: a change to core only.
  const marker = `release-e2e-${Date.now()}`;
  const coreIndex = join(first.get(`${SCOPE}/core`).dir, 'src', 'index.ts');
  writeFileSync(coreIndex, `${readFileSync(coreIndex, 'utf8')}\nexport const RELEASE_E2E_MARKER = '${marker}';\n`);
  writeFileSync(
    join(repo, '.changeset', 'release-e2e-core-change.md'),
    `---\n'${SCOPE}/core': patch\n---\n\nRelease test: a change to core only.\n`,
  );
  await release(repo, registryUrl, npmrc, 2);
  const second = workspacePackages(repo);
  const expectedChanged = withDependents(first, `${SCOPE}/core`);
  const changed = new Set(
    [...second].filter(([name, info]) => first.get(name)?.version !== info.version).map(([n]) => n),
  );
  const missing = [...expectedChanged].filter((name) => !changed.has(name));
  const extra = [...changed].filter((name) => !expectedChanged.has(name));
  check(
    missing.length === 0 && extra.length === 0,
    `round 2: versions changed for [${[...changed]}]; expected core and its dependents [${[...expectedChanged]}]` +
      ` (missing ${missing}, unexpected ${extra})`,
  );
  const unchanged = [...second.keys()].filter((name) => !changed.has(name));
  check(
    unchanged.some((name) => !second.get(name).private),
    'round 2: no public package was left unchanged',
  );
  await checkPublished(registryUrl, second, 'round 2');
  for (const name of unchanged.filter((name) => !second.get(name).private)) {
    const versions = await registryView(registryUrl, name, 'versions');
    const list = Array.isArray(versions) ? versions : [versions];
    check(list.length === 1, `round 2: ${name} does not depend on core but was published again (${list})`);
  }
  log(
    `round 2: new versions for ${[...changed].map((name) => `${name}@${second.get(name).version}`).join(', ')};` +
      ` unchanged: ${unchanged.join(', ')}`,
  );

  await run('npm', ['update', '--prefer-online', '--no-audit', '--no-fund'], { cwd: consumer, env: hostEnvironment });
  const after = await installedVersions(consumer, hostEnvironment);
  for (const name of CONSUMER_PACKAGES) {
    const expected = second.get(name).version;
    check(
      after[name]?.size === 1 && after[name].has(expected),
      `consumer after npm update: ${name} is ${[...(after[name] ?? [])]}, expected ${expected} only`,
    );
  }
  const seen = await run(
    'node',
    [
      '--input-type=module',
      '-e',
      `import { RELEASE_E2E_MARKER } from '${SCOPE}/core'; console.log(RELEASE_E2E_MARKER);`,
    ],
    {
      cwd: consumer,
      env: hostEnvironment,
    },
  );
  check(seen.trim() === marker, `consumer after npm update: core exports marker ${seen.trim()}, expected ${marker}`);
  log(
    `consumer upgraded: ${CONSUMER_PACKAGES.map((name) => `${name}@${second.get(name).version}`).join(', ')}; the new export is there`,
  );
  await exerciseConsumer(consumer, hostEnvironment, 'round 2');
}

try {
  await main();
  finished = true;
  cleanUp();
  log('PASS');
  process.exit(0);
} catch (error) {
  finished = true;
  process.stderr.write(
    `\nrelease-e2e: FAIL: ${error instanceof StepError ? error.message : (error?.stack ?? error)}\n`,
  );
  cleanUp();
  process.exit(1);
}
