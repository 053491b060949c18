import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCelebrityList } from '@celebrity-pipeline/celebrities';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cli, isolatedDatabase } from '../helpers/cli.js';

const week = '2026-W48';

describe('verify and report judge a week against the list its run used', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'cli-run-list-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads the recorded list again, refuses one that changed since, and lets --celebrities override', async () => {
    const database = isolatedDatabase(inject('dynamodbEndpoint'));
    const file = join(directory, 'twelve.json');
    await writeFile(file, JSON.stringify(generateCelebrityList(12)));

    const run = await cli(['run', ...database.flags, '--week', week, '--celebrities', file, '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ written: 48, enriched: 48, isPassed: true });

    // No --celebrities: the run's recorded list (12 × 4), not the bundled 100.
    const verify = await cli(['verify', ...database.flags]);
    expect(verify.stdout).toContain('safe to enable the schedule');
    expect(verify.code).toBe(0);
    const report = await cli(['report', ...database.flags, '--week', week, '--json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ header: { items: 48, expectedItems: 48 } });

    // An explicit list wins.
    const other = join(directory, 'thirty.json');
    await writeFile(other, JSON.stringify(generateCelebrityList(30)));
    const explicit = await cli(['report', ...database.flags, '--week', week, '--json', '--celebrities', other]);
    expect(JSON.parse(explicit.stdout)).toMatchObject({ header: { items: 48, expectedItems: 120 } });

    // The file changed since the run: named, exit 1, nothing judged against the wrong list.
    await writeFile(file, JSON.stringify(generateCelebrityList(13)));
    const changed = await cli(['verify', ...database.flags]);
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain(`The celebrity list at ${file} changed since the week's run`);
    await rm(file);
    const missing = await cli(['report', ...database.flags, '--week', week, '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`The week's run used the celebrity list at ${file}, which cannot be read now`);
  });
});
