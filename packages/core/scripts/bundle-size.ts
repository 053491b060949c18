/**
 * Measures the browser bundle of `polarityScores` + `computeWeight` (esbuild, platform browser, minified; then
 * gzip level 9) from the built package and writes the figures into README.md between the bundle-size markers.
 *
 * Run from packages/core after `build`: `pnpm run size` (or `node --import tsx scripts/bundle-size.ts`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleForBrowser, PACKAGE_ROOT } from './browser-bundle.js';

/** What the size report measures: the scoring library as a web app would import it. */
export const SIZE_ENTRY = "export { computeWeight, polarityScores } from '@celebrity-pipeline/core';";

const START_MARKER = '<!-- bundle-size:start -->';
const END_MARKER = '<!-- bundle-size:end -->';

/** Sizes in bytes of the minified bundle, raw and gzipped, and its three largest inputs. */
export interface BundleSize {
  minifiedBytes: number;
  gzippedBytes: number;
  largestInputs: { path: string; bytes: number }[];
}

/** Bundles {@link SIZE_ENTRY} minified and measures it. */
export async function measureBundleSize(): Promise<BundleSize> {
  const { code, metafile } = await bundleForBrowser(SIZE_ENTRY, { minify: true });
  const [output] = Object.values(metafile.outputs);
  const largestInputs = Object.entries(output?.inputs ?? {})
    .map(([path, input]) => ({ path: path.replace(/^.*node_modules\//, ''), bytes: input.bytesInOutput }))
    .sort((left, right) => right.bytes - left.bytes)
    .slice(0, 3);
  const bytes = Buffer.from(code);
  return { minifiedBytes: bytes.length, gzippedBytes: gzipSync(bytes, { level: 9 }).length, largestInputs };
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The README section between the markers. */
export function renderSizeSection(size: BundleSize, esbuildVersion: string): string {
  const inputs = size.largestInputs.map((input) => `\`${input.path}\` ${kilobytes(input.bytes)}`).join(', ');
  return [
    START_MARKER,
    `| bundle (esbuild ${esbuildVersion}, \`platform: 'browser'\`, minified) | minified | gzipped (level 9) |`,
    '| --- | --- | --- |',
    `| \`import { computeWeight, polarityScores } from '@celebrity-pipeline/core'\` | ${kilobytes(size.minifiedBytes)} (${size.minifiedBytes} B) | ${kilobytes(size.gzippedBytes)} (${size.gzippedBytes} B) |`,
    '',
    `Largest parts: ${inputs}.`,
    END_MARKER,
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { version } = await import('esbuild');
  const readmePath = join(PACKAGE_ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start === -1 || end === -1) throw new Error(`README.md needs the markers ${START_MARKER} and ${END_MARKER}`);
  const size = await measureBundleSize();
  writeFileSync(
    readmePath,
    readme.slice(0, start) + renderSizeSection(size, version) + readme.slice(end + END_MARKER.length),
  );
  console.log(`minified ${size.minifiedBytes} B, gzipped ${size.gzippedBytes} B → README.md`);
}
