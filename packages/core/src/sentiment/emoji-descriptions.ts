import { VADER_EMOJI_NAMES } from './data/vader-emoji-names.js';

/** Code point → English description, as VADER 3.3.2's `emoji_utf8_lexicon.txt` has it for single code points. */
export const EMOJI_DESCRIPTIONS: ReadonlyMap<number, string> = new Map(VADER_EMOJI_NAMES);

/** The smallest code point with a description (©, U+00A9): text below it needs no emoji step. */
const FIRST_EMOJI_CODE_POINT = 0xa9;

/**
 * VADER's emoji step: walks `text` one code point at a time (so a surrogate pair is one emoji) and replaces each
 * code point that has a description with that description, preceded by a space unless the previous character
 * was a space. Nothing is appended after it, so "😀good" becomes "grinning facegood", as in the original.
 */
export function replaceEmojiWithDescriptions(text: string): string {
  let firstCandidate = -1;
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) >= FIRST_EMOJI_CODE_POINT) {
      firstCandidate = index;
      break;
    }
  }
  return firstCandidate < 0 ? text : replaceFrom(text, firstCandidate);
}

function replaceFrom(text: string, start: number): string {
  let output = '';
  let copiedUpTo = 0;
  let previousIsSpace = start === 0 || text.charCodeAt(start - 1) === 0x20;
  for (let index = start; index < text.length; ) {
    const codePoint = text.codePointAt(index) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const description = codePoint >= FIRST_EMOJI_CODE_POINT ? EMOJI_DESCRIPTIONS.get(codePoint) : undefined;
    if (description === undefined) {
      previousIsSpace = codePoint === 0x20;
    } else {
      output += text.slice(copiedUpTo, index) + (previousIsSpace ? '' : ' ') + description;
      copiedUpTo = index + width;
      previousIsSpace = false;
    }
    index += width;
  }
  return copiedUpTo === 0 ? text : output + text.slice(copiedUpTo);
}
