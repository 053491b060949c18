/**
 * Bundles code that imports this package's built root entry for a browser, the way a web app would:
 * esbuild with `platform: 'browser'`, no shims, no externals. A `node:` built-in or the AWS SDK in the graph
 * fails the build or shows up in `inputs`. Used by the browser tests and by `scripts/bundle-size.ts`.
 */

import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

/** The package's root directory (esbuild resolves `@celebrity-pipeline/core` from here to `dist/`). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A browser bundle: its code and the modules esbuild put in it. */
export interface BrowserBundle {
  code: string;
  inputs: string[];
  metafile: Metafile;
}

/** Options of {@link bundleForBrowser}. */
export interface BrowserBundleOptions {
  minify?: boolean;
  /** Emit a classic script that assigns the module's exports to this global (default: an ES module). */
  globalName?: string;
}

/**
 * Bundles `source` (an ES module importing from `@celebrity-pipeline/core`) as one file for browsers.
 * @example const { code } = await bundleForBrowser("export { polarityScores } from '@celebrity-pipeline/core';");
 */
export async function bundleForBrowser(source: string, options: BrowserBundleOptions = {}): Promise<BrowserBundle> {
  const result = await build({
    stdin: { contents: source, resolveDir: PACKAGE_ROOT, loader: 'js', sourcefile: 'browser-entry.js' },
    bundle: true,
    platform: 'browser',
    format: options.globalName ? 'iife' : 'esm',
    ...(options.globalName ? { globalName: options.globalName } : {}),
    target: 'es2022',
    minify: options.minify ?? false,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output file');
  return { code: output.text, inputs: Object.keys(result.metafile.inputs), metafile: result.metafile };
}
