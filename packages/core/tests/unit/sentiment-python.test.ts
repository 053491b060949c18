import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonRound } from '../../src/sentiment/python-round.js';
import {
  codePointLength,
  isPythonUpper,
  splitOnWhitespace,
  stripAsciiPunctuation,
} from '../../src/sentiment/python-string.js';

describe('pythonRound', () => {
  it('rounds exact binary ties to even, unlike toFixed', () => {
    expect(pythonRound(0.0625, 3)).toBe(0.062);
    expect(pythonRound(0.1875, 3)).toBe(0.188);
    expect(pythonRound(-0.0625, 3)).toBe(-0.062);
    expect(pythonRound(0.03125, 4)).toBe(0.0312);
    expect(pythonRound(0.09375, 4)).toBe(0.0938);
  });

  it('rounds the exact binary value, so 2.675 (really 2.67499…) goes down', () => {
    expect(pythonRound(2.675, 2)).toBe(2.67);
    expect(pythonRound(0.0005, 3)).toBe(0.001);
  });

  it('agrees with toFixed away from exact ties', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (x) => {
        if (Number.isInteger(x * 16) && Math.abs(x * 16) % 2 === 1) return;
        expect(pythonRound(x, 3)).toBe(Number(x.toFixed(3)));
      }),
    );
  });
});

describe('splitOnWhitespace', () => {
  it('splits like str.split(): runs of Unicode whitespace, no empty tokens', () => {
    expect(splitOnWhitespace('  a\t\tb\nc  ')).toEqual(['a', 'b', 'c']);
    expect(splitOnWhitespace('a\u00a0b\u3000c\u0085d\u001ce\u2028f')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('does not split on zero-width space or BOM', () => {
    expect(splitOnWhitespace('a\u200bb\ufeffc')).toEqual(['a\u200bb\ufeffc']);
  });
});

describe('stripAsciiPunctuation', () => {
  it('strips string.punctuation from both ends only', () => {
    expect(stripAsciiPunctuation('"(great)!"')).toBe('great');
    expect(stripAsciiPunctuation("don't")).toBe("don't");
    expect(stripAsciiPunctuation('#blessed')).toBe('blessed');
  });

  it('keeps non-ASCII punctuation', () => {
    expect(stripAsciiPunctuation('“great”')).toBe('“great”');
    expect(stripAsciiPunctuation('¡great!')).toBe('¡great');
  });
});

describe('isPythonUpper', () => {
  it('needs a cased character and no lower-case one', () => {
    expect(isPythonUpper('GREAT')).toBe(true);
    expect(isPythonUpper('I')).toBe(true);
    expect(isPythonUpper('OK!')).toBe(true);
    expect(isPythonUpper('Great')).toBe(false);
    expect(isPythonUpper(':)')).toBe(false);
    expect(isPythonUpper('2026')).toBe(false);
  });

  it('handles non-ASCII letters as Python does', () => {
    expect(isPythonUpper('ÉTÉ')).toBe(true);
    expect(isPythonUpper('ÉtÉ')).toBe(false);
    expect(isPythonUpper('日本')).toBe(false);
  });
});

describe('codePointLength', () => {
  it('counts a surrogate pair once', () => {
    expect(codePointLength('a𝐀b')).toBe(3);
    expect(codePointLength('abc')).toBe(3);
  });
});
