import { describe, expect, it } from 'vitest';
import { isEmptyAnswer, parseGdeltBody, repairInvalidEscapes } from '../../src/index.js';

describe('parseGdeltBody', () => {
  it('reads JSON with invalid escapes by dropping the stray backslashes, keeping valid escapes', () => {
    const body = String.raw`{"articles":[{"url":"u","title":"Rock \'n\' roll \"live\" \u00e9t\u00e9 \\ end"}]}`;
    const parsed = parseGdeltBody(body);
    expect(parsed).toEqual({
      kind: 'json',
      repaired: true,
      value: { articles: [{ url: 'u', title: `Rock 'n' roll "live" été \\ end` }] },
    });
  });

  it('leaves valid JSON alone', () => {
    expect(parseGdeltBody('{"a":"b\\n"}')).toEqual({ kind: 'json', repaired: false, value: { a: 'b\n' } });
    expect(repairInvalidEscapes(String.raw`"\\'"`)).toBe(String.raw`"\\'"`);
  });

  it("takes a text answer (GDELT's query errors, whatever the content type) as a message", () => {
    expect(parseGdeltBody('Your query was too short or too long.\n')).toEqual({
      kind: 'message',
      text: 'Your query was too short or too long.',
    });
  });

  it('calls a truncated body invalid', () => {
    expect(parseGdeltBody('{"articles":[{"url":')).toMatchObject({ kind: 'invalid' });
    expect(parseGdeltBody('')).toMatchObject({ kind: 'invalid' });
  });
});

describe('isEmptyAnswer', () => {
  it('is true only for {}', () => {
    expect(isEmptyAnswer({})).toBe(true);
    expect(isEmptyAnswer({ articles: [] })).toBe(false);
    expect(isEmptyAnswer([])).toBe(false);
  });
});
