import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pythonRound } from '../../src/sentiment/python-round.js';
import {
  codePointLength,
  isAsciiPunctuation,
  isPythonUpper,
  isPythonWhitespace,
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

  it('keeps the sign of a negative zero result, as Python does', () => {
    expect(pythonRound(-0, 3)).toBe(-0);
    expect(pythonRound(-0.00001, 3)).toBe(-0);
  });

  it('agrees with toFixed away from exact ties', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (x) => {
        if (Number.isInteger(x * 16) && Math.abs(x * 16) % 2 === 1) return;
        // === so that -0 (Python keeps round(-0.0, 3) == -0.0; toFixed drops the sign) compares equal to 0
        expect(pythonRound(x, 3) === Number(x.toFixed(3))).toBe(true);
      }),
    );
  });
});

describe('isPythonWhitespace', () => {
  it('accepts exactly the 29 characters of Python str.isspace()', () => {
    const pythonWhitespace = [
      0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
      0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
    ];
    const accepted: number[] = [];
    for (let code = 0; code <= 0xffff; code += 1) if (isPythonWhitespace(code)) accepted.push(code);
    expect(accepted).toEqual(pythonWhitespace);
  });

  it('does not accept zero-width space or BOM', () => {
    expect(isPythonWhitespace(0x200b)).toBe(false);
    expect(isPythonWhitespace(0xfeff)).toBe(false);
  });
});

describe('isAsciiPunctuation', () => {
  it('accepts exactly string.punctuation', () => {
    const accepted: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1)
      if (isAsciiPunctuation(code)) accepted.push(String.fromCharCode(code));
    expect(accepted.join('')).toBe('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
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
