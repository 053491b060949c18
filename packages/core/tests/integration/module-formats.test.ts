import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../scripts/browser-bundle.js';
import { computeWeight, contentHash, polarityScores, type WeightInput } from '../../src/index.js';

const TEXT = 'The premiere was AMAZING!!! 😍 but the sequel is not good.';
const WEIGHT_INPUT: WeightInput = { source: 'wikipedia', signals: { pageviews_7d: 52_340, daily_pageviews: [] } };
const HASH_INPUT: Parameters<typeof contentHash>[0] = {
  celebrityId: 'zendaya',
  source: 'news',
  week: '2026-W48',
  signals: { n: 1 },
  texts: [{ text: 'Premiere night', engagement: 3 }],
};

/** What the child prints: the same three results computed through the package's own name (self-reference). */
const scoringScript = (load: string) => `${load}
process.stdout.write(JSON.stringify({
  scores: core.polarityScores(${JSON.stringify(TEXT)}),
  weight: core.computeWeight(${JSON.stringify(WEIGHT_INPUT)}),
  hash: core.contentHash(${JSON.stringify(HASH_INPUT)}),
  hasWriter: typeof dynamodb.createItemWriter === 'function',
}));`;

function runNode(args: string[]): unknown {
  const child = spawnSync(process.execPath, args, { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

const expected = {
  scores: polarityScores(TEXT),
  weight: computeWeight(WEIGHT_INPUT),
  hash: contentHash(HASH_INPUT),
  hasWriter: true,
};

// Against the built package (dist/), resolved through its `exports` as a consumer would.
describe('the built package in Node', () => {
  it('loads as ESM (import) with the same results as the source', () => {
    const load =
      "const core = await import('@celebrity-pipeline/core'); const dynamodb = await import('@celebrity-pipeline/core/dynamodb');";
    expect(runNode(['--input-type=module', '--eval', scoringScript(load)])).toEqual(expected);
  });

  it('loads through require() (require(esm), Node >= 20.19) with the same results', () => {
    const load =
      "const core = require('@celebrity-pipeline/core'); const dynamodb = require('@celebrity-pipeline/core/dynamodb');";
    expect(runNode(['--no-warnings', '--input-type=commonjs', '--eval', scoringScript(load)])).toEqual(expected);
  });
});
