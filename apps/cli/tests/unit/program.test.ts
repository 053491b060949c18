import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('celebrity-pipeline (bad input)', () => {
  it('shows help with exit 0, on every command', async () => {
    for (const args of [['--help'], ['run', '--help'], ['dlq', 'redrive', '--help'], ['help', 'verify']]) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout).toContain('Usage: celebrity-pipeline');
    }
  });

  it('refuses an unknown command or flag with one message and exit 2', async () => {
    const command = await cli(['frobnicate']);
    expect(command).toMatchObject({ code: 2 });
    expect(command.stderr).toContain("unknown command 'frobnicate'");
    const flag = await cli(['run', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--bogus'");
  });

  it('names an invalid week, source, port or fault before starting anything', async () => {
    expect(await cli(['run', '--week', '2026-W60'])).toMatchObject({
      code: 2,
      stderr: 'celebrity-pipeline: --week: Invalid ISO week `2026-W60`: 2026 has no week 60\n',
    });
    expect((await cli(['run', '--sources', 'tmdb,myspace'])).stderr).toContain('unknown source `myspace`');
    expect((await cli(['local', 'up', '--port', '99999'])).stderr).toContain('expected an integer between 1 and 65535');
    expect((await cli(['run', '--fault', 'tmdb.nope=500'])).stderr).toContain('unknown route `tmdb.nope`');
    expect((await cli(['run', '--in-memory', '--endpoint', 'http://localhost:1'])).stderr).toContain(
      '--endpoint and --in-memory exclude each other',
    );
  });

  it('names a celebrity file that is missing or invalid, with exit 1', async () => {
    const missing = await cli(['run', '--in-memory', '--celebrities', '/nonexistent/celebrities.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^celebrity-pipeline: .*\/nonexistent\/celebrities\.json/);
  });

  it('names an endpoint where no DynamoDB answers', async () => {
    const result = await cli(['status', '--endpoint', 'http://127.0.0.1:9']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No DynamoDB answers at http://127.0.0.1:9');
  });
});
