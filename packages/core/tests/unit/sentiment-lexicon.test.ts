import { describe, expect, it } from 'vitest';
import { loadPortLexiconFile, parseVaderLexicon } from '../../scripts/generate-vader-lexicon.js';
import { VADER_PORT_LEXICON } from '../../src/sentiment/data/vader-port-lexicon.js';
import { LEXICON_CORRECTIONS, VADER_LEXICON } from '../../src/sentiment/vader-lexicon.js';

describe('generated lexicon table', () => {
  it('is current: regenerating from the installed vader-sentiment gives the committed table', () => {
    expect(VADER_PORT_LEXICON).toEqual(parseVaderLexicon(loadPortLexiconFile().text));
  });

  it('has the 7,503 distinct tokens of the port, repeated tokens resolved to their last value', () => {
    expect(VADER_PORT_LEXICON).toHaveLength(7503);
    expect(parseVaderLexicon('good\t1.9\t0.9\t[]\ngood\t2.0\t0.1\t[]\n')).toEqual([['good', 2]]);
  });

  it('is the port lexicon with the 3.3.2 corrections on top', () => {
    expect(VADER_LEXICON.size).toBe(7506);
    expect(VADER_LEXICON.get('badass')).toBe(LEXICON_CORRECTIONS.badass);
    expect(VADER_LEXICON.get('good')).toBe(1.9);
    expect(VADER_LEXICON.get('\\:')).toBe(-1);
    expect(VADER_LEXICON.get("can't stand")).toBe(-2);
  });

  it('names the line of a malformed file', () => {
    expect(() => parseVaderLexicon('good\t1.9\nbad\tnot-a-number\n')).toThrow(/line 2/);
  });
});
