import { ValidationError } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { CelebrityListReadError, defaultCelebrityList, loadCelebrities } from '../../src/index.js';
import { temporaryFile } from '../helpers/temporary-file.js';

const celebrity = (id: string, name = 'Jane Example') => ({ id, name, wikipediaTitle: 'Jane_Example' });

describe('loadCelebrities', () => {
  it('returns the bundled list when no location is given', async () => {
    expect(await loadCelebrities()).toBe(defaultCelebrityList());
    expect(await loadCelebrities('  ')).toBe(defaultCelebrityList());
  });

  it('reads and validates a file', async () => {
    const path = await temporaryFile(JSON.stringify({ version: 3, celebrities: [celebrity('jane-example')] }));
    const list = await loadCelebrities(path);
    expect(list.version).toBe(3);
    expect(list.celebrities[0]).toMatchObject({ id: 'jane-example', aliases: [], hashtags: [] });
  });

  it('rejects malformed JSON naming the file', async () => {
    const path = await temporaryFile('{ "version": 1, ');
    await expect(loadCelebrities(path)).rejects.toThrow(ValidationError);
    await expect(loadCelebrities(path)).rejects.toThrow(/not JSON/);
    await expect(loadCelebrities(path)).rejects.toThrow(path);
  });

  it('rejects duplicate ids', async () => {
    const path = await temporaryFile(JSON.stringify({ version: 1, celebrities: [celebrity('a'), celebrity('a')] }));
    await expect(loadCelebrities(path)).rejects.toThrow(/duplicate id `a`/);
  });

  it('rejects empty names', async () => {
    const path = await temporaryFile(JSON.stringify({ version: 1, celebrities: [celebrity('a', '  ')] }));
    await expect(loadCelebrities(path)).rejects.toThrow(/celebrities\[0\]\.name: must not be empty/);
  });

  it('rejects an empty list', async () => {
    const path = await temporaryFile(JSON.stringify({ version: 1, celebrities: [] }));
    await expect(loadCelebrities(path)).rejects.toThrow(/the list is empty/);
  });

  it('names a missing file', async () => {
    await expect(loadCelebrities('/nonexistent/celebrities.json')).rejects.toThrow(CelebrityListReadError);
    await expect(loadCelebrities('/nonexistent/celebrities.json')).rejects.toThrow(
      /Cannot read the celebrity list at `\/nonexistent\/celebrities.json`/,
    );
  });
});
