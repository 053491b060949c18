import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { describe, expect, inject, it } from 'vitest';
import { cli, isolatedDatabase, storedWeek } from '../helpers/cli.js';

const week = '2026-W48';

describe('run with an invalid scraper variable in the environment', () => {
  it('names the variable and exits 1 before any scraper runs: nothing written, nothing dead-lettered', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const database = isolatedDatabase(endpoint);
    const file = join(tmpdir(), `cli-invalid-environment-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ version: 1, celebrities: defaultCelebrityList().celebrities.slice(0, 2) }));
    const args = ['run', ...database.flags, '--week', week, '--celebrities', file, '--sources', 'wikipedia'];

    const result = await cli(args, { environment: { FAILURE_THRESHOLD: 'half' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`FAILURE_THRESHOLD`: must be a number between 0 and 1');
    expect(result.stdout).not.toContain('scraper wikipedia: started');
    expect(await storedWeek(endpoint, database.table, week)).toEqual([]);
    const dlq = await cli(['dlq', 'list', ...database.flags, '--json']);
    expect(JSON.parse(dlq.stdout)).toHaveLength(0);
  });
});
