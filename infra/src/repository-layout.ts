import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace root: `infra/src` (or `infra/dist` once built) is two levels below it. */
export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The lockfile NodejsFunction reads; with pnpm it runs `pnpm exec esbuild` in its folder (TOOLCHAIN pitfall 6). */
export const LOCKFILE_NAME = 'pnpm-lock.yaml';

/** Path of a package's Lambda entry, relative to the workspace root. */
export function handlerEntryPath(packageDirectory: string): string {
  return join(packageDirectory, 'src', 'handler.ts');
}

/** True when esbuild is installed at `projectRoot`, so bundling stays local (no Docker fallback). */
export function hasLocalEsbuild(projectRoot: string): boolean {
  return existsSync(join(projectRoot, 'node_modules', 'esbuild', 'package.json'));
}
