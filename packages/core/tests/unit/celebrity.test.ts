import { describe, expect, it } from 'vitest';
import { parseCelebrityList, parseCelebrityListJson, ValidationError } from '../../src/index.js';
import { celebrity } from '../helpers/factories.js';

describe('parseCelebrityList', () => {
  it('accepts a valid list and fills defaults', () => {
    const list = parseCelebrityList({
      version: 1,
      celebrities: [{ id: 'jane-example', name: 'Jane Example', wikipediaTitle: 'Jane_Example' }],
    });
    expect(list.celebrities[0]).toMatchObject({ aliases: [], hashtags: [] });
  });

  it('rejects duplicate ids and names where the first one was', () => {
    const list = { version: 1, celebrities: [celebrity(), celebrity({ name: 'Other' })] };
    expect(() => parseCelebrityList(list)).toThrow(
      /celebrities\[1\]\.id: duplicate id `jane-example` \(first used at celebrities\[0\]\)/,
    );
  });

  it('rejects an empty list', () => {
    expect(() => parseCelebrityList({ version: 1, celebrities: [] })).toThrow(/the list is empty/);
  });

  it('rejects empty names and bad slugs, naming each path', () => {
    const list = { version: 1, celebrities: [celebrity({ name: '  ' }), celebrity({ id: 'Bad Id' })] };
    const error = (() => {
      try {
        parseCelebrityList(list, 'celebrities.json');
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.message).toContain('Invalid celebrities.json');
    expect(error?.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^celebrities\[0\]\.name: must not be empty/),
        expect.stringMatching(/^celebrities\[1\]\.id: must be a lowercase slug/),
      ]),
    );
  });

  it('rejects malformed JSON with the parser message', () => {
    expect(() => parseCelebrityListJson('{"version":', 'list.json')).toThrow(/Invalid list.json: not JSON/);
  });
});
