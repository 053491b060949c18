/**
 * The few Python 3 `str` behaviours VADER depends on, reproduced for JavaScript strings (UTF-16): the separators
 * of `str.split()`, the characters of `string.punctuation`, `str.isupper()` and length in code points.
 */

/** Code points that Python's `str.isspace()` accepts, i.e. the separators of `str.split()` with no argument. */
const PYTHON_WHITESPACE: ReadonlySet<number> = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
  0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** `string.punctuation`: ASCII punctuation only, so curly quotes or `¡` are never stripped. */
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

const IS_ASCII_WHITESPACE = new Uint8Array(128);
const IS_ASCII_PUNCTUATION = new Uint8Array(128);
for (const code of PYTHON_WHITESPACE) if (code < 128) IS_ASCII_WHITESPACE[code] = 1;
for (let index = 0; index < ASCII_PUNCTUATION.length; index += 1) {
  IS_ASCII_PUNCTUATION[ASCII_PUNCTUATION.charCodeAt(index)] = 1;
}

/** Whether the UTF-16 code unit `code` separates tokens for Python's `str.split()` (all such are in the BMP). */
export function isPythonWhitespace(code: number): boolean {
  return code < 128 ? IS_ASCII_WHITESPACE[code] === 1 : PYTHON_WHITESPACE.has(code);
}

/** Whether the UTF-16 code unit `code` is in Python's `string.punctuation`. */
export function isAsciiPunctuation(code: number): boolean {
  return code < 128 && IS_ASCII_PUNCTUATION[code] === 1;
}

/** Python's `len(text)`: code points, so a surrogate pair counts once. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
      const previous = text.charCodeAt(index - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) length -= 1;
    }
  }
  return length;
}

const LOWERCASE_OR_TITLECASE = /[\p{Lowercase}\p{Lt}]/u;
const UPPERCASE = /\p{Uppercase}/u;

/**
 * Python's `str.isupper()`: at least one cased character and none lower-case or title-case. "I", "OK!" and
 * "ÉTÉ" are upper; "123" and ":)" are not.
 */
export function isPythonUpper(word: string): boolean {
  let hasUpper = false;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code >= 128) return isUnicodeUpper(word);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) hasUpper = true;
  }
  return hasUpper;
}

function isUnicodeUpper(word: string): boolean {
  return !LOWERCASE_OR_TITLECASE.test(word) && UPPERCASE.test(word);
}
