import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isEnriched } from '@celebrity-pipeline/core';
import { describe, expect, inject, it } from 'vitest';
import { cli, isolatedDatabase, storedWeek } from '../helpers/cli.js';

const week = '2026-W48';

describe('celebrity-pipeline run on the fixtures', () => {
  it('writes 400 items, all enriched, exits 0; the same week again leaves 400 items and enriches nothing anew', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const database = isolatedDatabase(endpoint);

    const first = await cli(['run', ...database.flags, '--week', week, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      written: number;
      enriched: number;
      isPassed: boolean;
      sources: { status: string }[];
    };
    expect(report).toMatchObject({ written: 400, enriched: 400, isPassed: true });
    expect(report.sources.map((source) => source.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    const items = await storedWeek(endpoint, database.table, week);
    expect(items).toHaveLength(400);
    expect(items.every(isEnriched)).toBe(true);
    const processedAt = new Map(items.map((item) => [`${item.pk}|${item.sk}`, item.processed_at]));

    const second = await cli(['run', ...database.flags, '--week', week]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/items written\s+400 \(expected 400\)/);
    const again = await storedWeek(endpoint, database.table, week);
    expect(again).toHaveLength(400);
    expect(again.every((item) => processedAt.get(`${item.pk}|${item.sk}`) === item.processed_at)).toBe(true);

    const verify = await cli(['verify', ...database.flags]);
    expect(verify.stdout).toContain('PASS  table exists with stream NEW_AND_OLD_IMAGES');
    expect(verify.stdout).toContain('safe to enable the schedule');
    expect(verify.code).toBe(0);

    const status = await cli(['status', ...database.flags]);
    expect(status.code).toBe(0);
    expect(status.stdout.match(/^Run /gm)).toHaveLength(2);

    const figures = await cli(['report', ...database.flags, '--week', week, '--json']);
    expect(figures.code).toBe(0);
    expect(JSON.parse(figures.stdout)).toMatchObject({
      week,
      header: { items: 400, expectedItems: 400, enriched: 400, unEnriched: 0, failures: 0, deadLetters: 0 },
    });
    const directory = await mkdtemp(join(tmpdir(), 'cli-report-'));
    try {
      const outPath = join(directory, 'report.html');
      const page = await cli(['report', ...database.flags, '--week', week, '--out', outPath]);
      expect(page.code).toBe(0);
      expect(page.stdout).toContain(`written to ${outPath}`);
      const html = await readFile(outPath, 'utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain('data-figure="enriched"');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
