import { isEnriched } from '@celebrity-pipeline/core';
import { describe, expect, inject, it } from 'vitest';
import { cli, isolatedDatabase, storedWeek } from '../helpers/cli.js';

const week = '2026-W48';

describe('a scraper fault injected through the replay server', () => {
  it('ends in the DLQ, fails verify on several checks, and `dlq redrive` without the fault completes the week', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const database = isolatedDatabase(endpoint);

    const faulty = await cli([
      'run',
      ...database.flags,
      '--week',
      week,
      '--fault',
      'tmdb.search=401',
      '--fault',
      'tmdb.person=401',
    ]);
    expect(faulty.code).toBe(1);
    expect(faulty.stdout).toMatch(/tmdb\s+0\s+\d+\s+[\d.]+ s\s+dead-lettered/);
    // tmdb's one shard fails; its branch catches it, so every other source's shards still run (news's second too).
    expect(faulty.stdout).toContain('FAIL  items written: 300 of 400 expected');

    const listed = await cli(['dlq', 'list', ...database.flags, '--json']);
    const letters = JSON.parse(listed.stdout) as {
      id: string;
      queue: string;
      attempts: number;
      condition: string;
      payload: { kind: string; source: string; shard?: { shard: { index: number } } };
    }[];
    const tmdb = letters.find((letter) => letter.payload.source === 'tmdb');
    expect(tmdb).toMatchObject({
      queue: 'celebrity-scraper-failures',
      condition: 'task-failed',
      attempts: 1,
      payload: { kind: 'scraper-invocation', source: 'tmdb', shard: { shard: { index: 0 } } },
    });
    expect(letters).toHaveLength(1);
    const shown = await cli(['dlq', 'show', tmdb?.id ?? '', ...database.flags]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: tmdb?.id, errorMessage: expect.any(String) });

    const verify = await cli(['verify', ...database.flags]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('FAIL  items written (week 2026-W48): 300 of 400 expected');
    expect(verify.stdout).toContain('FAIL  DLQ empty: 1 message(s)');
    expect(verify.stdout).toMatch(/NOT safe to enable the schedule; failing: .*items written.*DLQ empty/);

    const redrive = await cli(['dlq', 'redrive', '--all', ...database.flags]);
    expect(redrive.stdout).toContain(`OK      ${tmdb?.id}: scraper tmdb shard 0 succeeded`);
    expect(redrive.stdout).toContain('Week 2026-W48: 400 items written, 400 enriched');
    expect(redrive.code).toBe(0);
    const items = await storedWeek(endpoint, database.table, week);
    expect(items).toHaveLength(400);
    expect(items.every(isEnriched)).toBe(true);
    expect(JSON.parse((await cli(['dlq', 'list', ...database.flags, '--json'])).stdout)).toEqual([]);
  });
});
