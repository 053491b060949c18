import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildVaderEmojiNames,
  loadEmojibaseEntries,
  renderVaderEmojiModule,
  VADER_NAME_CORRECTIONS,
} from '../../scripts/generate-vader-emoji.js';
import { VADER_EMOJI_NAMES } from '../../src/sentiment/data/vader-emoji-names.js';
import { EMOJI_DESCRIPTIONS, replaceEmojiWithDescriptions } from '../../src/sentiment/emoji-descriptions.js';

describe('generated emoji table', () => {
  it('is current: regenerating from emojibase-data gives the committed module, citations included', () => {
    const regenerated = buildVaderEmojiNames(loadEmojibaseEntries());
    expect(VADER_EMOJI_NAMES).toEqual(regenerated);
    const committed = readFileSync(new URL('../../src/sentiment/data/vader-emoji-names.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderVaderEmojiModule(regenerated));
  });

  it('has the 1,212 single-code-point emoji of Emoji <= 11.0 and no lone regional indicator', () => {
    expect(EMOJI_DESCRIPTIONS.size).toBe(1212);
    expect(EMOJI_DESCRIPTIONS.has(0x1f1fa)).toBe(false);
    expect(EMOJI_DESCRIPTIONS.has(0x1f971)).toBe(false); // yawning face, Emoji 12.0
  });

  it('uses the names of VADER 3.3.2 where CLDR renamed an emoji later', () => {
    expect(EMOJI_DESCRIPTIONS.get(0x1f970)).toBe('smiling face with 3 hearts');
    expect(EMOJI_DESCRIPTIONS.get(0x1f4a4)).toBe('zzz');
    const corrections = Object.entries(VADER_NAME_CORRECTIONS);
    expect(corrections).toHaveLength(55);
    for (const [emoji, { name }] of corrections) {
      expect(EMOJI_DESCRIPTIONS.get(emoji.codePointAt(0) ?? 0)).toBe(name);
    }
    // Each cites its own line of emoji_utf8_lexicon.txt (3,569 lines).
    const lines = corrections.map(([, correction]) => correction.lexiconLine);
    expect(new Set(lines).size).toBe(55);
    expect(lines.every((line) => Number.isInteger(line) && line >= 1 && line <= 3569)).toBe(true);
  });

  it('includes text-style symbols and components that VADER lists unqualified', () => {
    expect(EMOJI_DESCRIPTIONS.get(0xa9)).toBe('copyright');
    expect(EMOJI_DESCRIPTIONS.get(0x2764)).toBe('red heart');
    expect(EMOJI_DESCRIPTIONS.get(0x1f3fd)).toBe('medium skin tone');
    expect(EMOJI_DESCRIPTIONS.get(0x1f51f)).toBe('keycap: 10');
  });
});

describe('replaceEmojiWithDescriptions', () => {
  it('leaves text without emoji untouched', () => {
    expect(replaceEmojiWithDescriptions('plain text, nothing else')).toBe('plain text, nothing else');
  });

  it('looks up code points, not UTF-16 units, and spaces descriptions apart', () => {
    expect(replaceEmojiWithDescriptions('😂😂')).toBe('face with tears of joy face with tears of joy');
    expect(replaceEmojiWithDescriptions('wow😂')).toBe('wow face with tears of joy');
    expect(replaceEmojiWithDescriptions('😂 ok')).toBe('face with tears of joy ok');
  });

  it('describes each part of a sequence it knows, drops nothing it does not', () => {
    // thumbs up + medium skin tone; U+FE0F and ZWJ have no description and stay in the text
    expect(replaceEmojiWithDescriptions('👍🏽')).toBe('thumbs up medium skin tone');
    expect(replaceEmojiWithDescriptions('❤️')).toBe('red heart\ufe0f');
    expect(replaceEmojiWithDescriptions('🇫🇷')).toBe('🇫🇷');
  });
});
