import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCelebrityList } from '@celebrity-pipeline/celebrities';
import { planCollection, runCost } from '@celebrity-pipeline/collection-plan';
import { parseCelebrityListJson, SOURCES } from '@celebrity-pipeline/core';
import { STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const directory = mkdtempSync(join(tmpdir(), 'cli-plan-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('fixtures celebrities', () => {
  it('writes a valid list of the asked size, the same for the same count and seed', async () => {
    const out = join(directory, 'list.json');
    const written = await cli(['fixtures', 'celebrities', '--count', '2500', '--out', out]);
    expect(written).toMatchObject({ code: 0, stdout: `2500 celebrities written to ${out}\n` });
    const list = parseCelebrityListJson(readFileSync(out, 'utf8'));
    expect(list).toEqual(generateCelebrityList(2_500));
    const printed = await cli(['fixtures', 'celebrities', '--count', '2500']);
    expect(JSON.parse(printed.stdout)).toEqual(list);
    const reseeded = await cli(['fixtures', 'celebrities', '--count', '5', '--seed', '9']);
    expect(JSON.parse(reseeded.stdout)).toEqual(generateCelebrityList(5, { seed: 9 }));
  });

  it('refuses a missing, zero or fractional count with exit 2', async () => {
    expect((await cli(['fixtures', 'celebrities'])).code).toBe(2);
    for (const count of ['0', '1.5', 'ten']) {
      const result = await cli(['fixtures', 'celebrities', '--count', count]);
      expect(result.code, count).toBe(2);
      expect(result.stderr).toContain('expected a positive integer');
    }
    expect((await cli(['fixtures', 'celebrities', '--count', '3', '--seed', '-1'])).stderr).toContain(
      'expected a non-negative integer',
    );
  });
});

describe('plan', () => {
  it('prints one JSON entry per source, equal to the collection plan and its cost, alone on stdout', async () => {
    const file = join(directory, 'ten-thousand.json');
    await cli(['fixtures', 'celebrities', '--count', '10000', '--out', file]);
    const result = await cli(['plan', '--celebrities', file, '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    const plan = planCollection(generateCelebrityList(10_000));
    const cost = runCost(plan, STREAM_MAPPING_SETTINGS.batchSize);
    expect(json.celebrities).toBe(10_000);
    expect(json.listHash).toBe(plan.listHash);
    expect(json.sources.map((source: { source: string }) => source.source)).toEqual([...SOURCES]);
    for (const [index, sourcePlan] of plan.sources.entries()) {
      expect(json.sources[index]).toMatchObject({
        source: sourcePlan.source,
        shards: sourcePlan.shards.length,
        maxConcurrency: sourcePlan.maxConcurrency,
        requests: sourcePlan.requests,
        shardTimeoutSeconds: sourcePlan.shardTimeoutSeconds,
      });
      expect(json.sources[index].estimatedSeconds).toBeCloseTo(sourcePlan.estimatedSeconds, 0);
      // Every shard fits half its timeout: the plan's own invariant, visible to the operator.
      expect(json.sources[index].longestShardSeconds).toBeLessThanOrEqual(sourcePlan.shardTimeoutSeconds / 2);
    }
    expect(json.cost.usd).toBeCloseTo(cost.usd, 3);
  });

  it('prints a table with the slowest source and the run cost for the bundled list', async () => {
    const result = await cli(['plan']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^100 celebrities \(list [0-9a-f]{12}\), at the live limits:$/);
    expect(lines[1]).toMatch(/^source +provider +shards +MaxConcurrency +requests/);
    expect(lines.slice(2, 6).map((line) => line.split(/\s+/)[0])).toEqual([...SOURCES]);
    expect(lines[6]).toMatch(/^Slowest source: .+\. One weekly run on AWS: \$\d+\.\d{4} /);
  });

  it('names a missing list with exit 1', async () => {
    const result = await cli(['plan', '--celebrities', join(directory, 'missing.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.json');
  });
});
