import { describe, expect, inject, it } from 'vitest';
import { LOCAL_VERIFY_CHECK_IDS } from '../../src/verification.js';
import { cli, isolatedDatabase } from '../helpers/cli.js';

describe('verify --json on a database with nothing in it', () => {
  it('prints every check verify requires, by id, each failing, and is not safe', async () => {
    const database = isolatedDatabase(inject('dynamodbEndpoint'));
    const result = await cli(['verify', ...database.flags, '--json']);
    const output = JSON.parse(result.stdout) as {
      isPassed: boolean;
      checks: { id: string; isPassed: boolean }[];
      missing: string[];
      verdict: string;
    };
    expect(output.checks.map((check) => check.id)).toEqual([...LOCAL_VERIFY_CHECK_IDS]);
    expect(output.missing).toEqual([]);
    expect(output.isPassed).toBe(false);
    expect(output.verdict).toMatch(/^NOT safe to enable the schedule/);
    expect(result.code).toBe(1);
  });
});
