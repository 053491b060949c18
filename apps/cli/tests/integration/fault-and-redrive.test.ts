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
    expect(faulty.stdout).toContain('FAIL  items written: 300 of 400 expected');

    const listed = await cli(['dlq', 'list', ...database.flags, '--json']);
    const letters = JSON.parse(listed.stdout) as {
      id: string;
      queue: string;
      attempts: number;
      payload: { kind: string; source: string };
    }[];
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      queue: 'celebrity-scraper-failures',
      attempts: 3,
      payload: { kind: 'scraper-invocation', source: 'tmdb' },
    });
    const shown = await cli(['dlq', 'show', letters[0]?.id ?? '', ...database.flags]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: letters[0]?.id, errorMessage: expect.any(String) });

    const verify = await cli(['verify', ...database.flags]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('FAIL  items written (week 2026-W48): 300 of 400 expected');
    expect(verify.stdout).toContain('FAIL  DLQ empty: 1 message(s)');
    expect(verify.stdout).toMatch(/NOT safe to enable the schedule; failing: .*items written.*DLQ empty/);

    const redrive = await cli(['dlq', 'redrive', '--all', ...database.flags]);
    expect(redrive.stdout).toContain(`OK      ${letters[0]?.id}: scraper tmdb succeeded`);
    expect(redrive.stdout).toContain('Week 2026-W48: 400 items written, 400 enriched');
    expect(redrive.code).toBe(0);
    const items = await storedWeek(endpoint, database.table, week);
    expect(items).toHaveLength(400);
    expect(items.every(isEnriched)).toBe(true);
    expect(JSON.parse((await cli(['dlq', 'list', ...database.flags, '--json'])).stdout)).toEqual([]);
  });
});
