/**
 * Generates `src/sentiment/data/vader-emoji-names.ts`: the code point → description table of VADER 3.3.2's
 * emoji step, taken from emojibase-data (CLDR English labels) so the 760 KB dataset never reaches a bundle.
 *
 * VADER reads its text one code point at a time and only replaces code points that are keys of
 * `emoji_utf8_lexicon.txt`, so only single-code-point emoji matter (sequences such as flags, keycaps, ZWJ
 * families or skin-tone modifiers applied to a base are never matched as a whole). That file was built from
 * Unicode's `emoji-test.txt` of Emoji 11.0 (2018), so the rule is:
 *   - every emojibase entry with a group (this excludes the 26 lone regional indicators, which VADER's file
 *     does not list), whose emoji is one code point once U+FE0F is removed, and whose version is <= 11.0;
 *   - described by its emojibase label, except where CLDR renamed the emoji after 2018:
 *     {@link VADER_NAME_CORRECTIONS} restores VADER's name (55 code points, checked line by line against the
 *     original file).
 *
 * Run from packages/core: `node --import tsx scripts/generate-vader-emoji.ts`. A unit test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The fields of an emojibase-data entry this generator reads. */
export interface EmojibaseEntry {
  emoji: string;
  label: string;
  version: number;
  group?: number;
}

/** VADER's emoji lexicon follows Emoji 11.0; later emoji are not in it. */
export const VADER_EMOJI_VERSION_CUTOFF = 11;

/**
 * Names in VADER 3.3.2's `emoji_utf8_lexicon.txt` that CLDR changed later. Each cites the line of that file it
 * restores (`lexiconLine`, 1-based: the line reads `<emoji>\t<name>`; the file has not changed since emoji support
 * was added in commit b16e5f2 of github.com/cjhutto/vaderSentiment, so 3.3.2 ships it as cited); the comment gives
 * the current emojibase (CLDR) label it replaces.
 */
export const VADER_NAME_CORRECTIONS: Readonly<Record<string, { name: string; lexiconLine: number }>> = {
  '🥰': { name: 'smiling face with 3 hearts', lexiconLine: 15 }, // CLDR now: smiling face with hearts
  '🤗': { name: 'hugging face', lexiconLine: 22 }, // CLDR now: smiling face with open hands
  '😵': { name: 'dizzy face', lexiconLine: 72 }, // CLDR now: face with crossed-out eyes
  '😡': { name: 'pouting face', lexiconLine: 73 }, // CLDR now: enraged face
  '🤖': { name: 'robot face', lexiconLine: 103 }, // CLDR now: robot
  '😺': { name: 'grinning cat face', lexiconLine: 105 }, // CLDR now: grinning cat
  '😸': { name: 'grinning cat face with smiling eyes', lexiconLine: 106 }, // CLDR now: grinning cat with smiling eyes
  '😹': { name: 'cat face with tears of joy', lexiconLine: 107 }, // CLDR now: cat with tears of joy
  '😻': { name: 'smiling cat face with heart-eyes', lexiconLine: 108 }, // CLDR now: smiling cat with heart-eyes
  '😼': { name: 'cat face with wry smile', lexiconLine: 109 }, // CLDR now: cat with wry smile
  '😽': { name: 'kissing cat face', lexiconLine: 110 }, // CLDR now: kissing cat
  '🙀': { name: 'weary cat face', lexiconLine: 111 }, // CLDR now: weary cat
  '😿': { name: 'crying cat face', lexiconLine: 112 }, // CLDR now: crying cat
  '😾': { name: 'pouting cat face', lexiconLine: 113 }, // CLDR now: pouting cat
  '🧑': { name: 'adult', lexiconLine: 146 }, // CLDR now: person
  '🧓': { name: 'older adult', lexiconLine: 164 }, // CLDR now: older person
  '👲': { name: 'man with Chinese cap', lexiconLine: 577 }, // CLDR now: person with skullcap
  '🧔': { name: 'bearded person', lexiconLine: 589 }, // CLDR now: person: beard
  '👱': { name: 'blond-haired person', lexiconLine: 595 }, // CLDR now: person: blond hair
  '🤵': { name: 'man in tuxedo', lexiconLine: 673 }, // CLDR now: person in tuxedo
  '👰': { name: 'bride with veil', lexiconLine: 679 }, // CLDR now: person with veil
  '🕴': { name: 'man in suit levitating', lexiconLine: 1444 }, // CLDR now: person in suit levitating
  '👫': { name: 'man and woman holding hands', lexiconLine: 1854 }, // CLDR now: woman and man holding hands
  '👬': { name: 'two men holding hands', lexiconLine: 1855 }, // CLDR now: men holding hands
  '👭': { name: 'two women holding hands', lexiconLine: 1856 }, // CLDR now: women holding hands
  '🦰': { name: 'red-haired', lexiconLine: 2118 }, // CLDR now: red hair
  '🦱': { name: 'curly-haired', lexiconLine: 2119 }, // CLDR now: curly hair
  '🦳': { name: 'white-haired', lexiconLine: 2121 }, // CLDR now: white hair
  '❣': { name: 'heavy heart exclamation', lexiconLine: 2153 }, // CLDR now: heart exclamation
  '💤': { name: 'zzz', lexiconLine: 2156 }, // CLDR now: ZZZ
  '🎒': { name: 'school backpack', lexiconLine: 2192 }, // CLDR now: backpack
  '🥿': { name: 'woman’s flat shoe', lexiconLine: 2196 }, // CLDR now: flat shoe
  '🐺': { name: 'wolf face', lexiconLine: 2217 }, // CLDR now: wolf
  '🦊': { name: 'fox face', lexiconLine: 2218 }, // CLDR now: fox
  '🦁': { name: 'lion face', lexiconLine: 2222 }, // CLDR now: lion
  '🦄': { name: 'unicorn face', lexiconLine: 2228 }, // CLDR now: unicorn
  '🐹': { name: 'hamster face', lexiconLine: 2252 }, // CLDR now: hamster
  '🐻': { name: 'bear face', lexiconLine: 2259 }, // CLDR now: bear
  '🐼': { name: 'panda face', lexiconLine: 2261 }, // CLDR now: panda
  '🐸': { name: 'frog face', lexiconLine: 2281 }, // CLDR now: frog
  '🧱': { name: 'bricks', lexiconLine: 2481 }, // CLDR now: brick
  '🎯': { name: 'direct hit', lexiconLine: 2757 }, // CLDR now: bullseye
  '🧩': { name: 'jigsaw', lexiconLine: 2766 }, // CLDR now: puzzle piece
  '🔫': { name: 'pistol', lexiconLine: 2964 }, // CLDR now: water pistol
  '💻': { name: 'laptop computer', lexiconLine: 2823 }, // CLDR now: laptop
  '⭕': { name: 'heavy large circle', lexiconLine: 3160 }, // CLDR now: hollow red circle
  '✅': { name: 'white heavy check mark', lexiconLine: 3161 }, // CLDR now: check mark button
  '☑': { name: 'ballot box with check', lexiconLine: 3162 }, // CLDR now: check box with check
  '✔': { name: 'heavy check mark', lexiconLine: 3164 }, // CLDR now: check mark
  '✖': { name: 'heavy multiplication x', lexiconLine: 3166 }, // CLDR now: multiply
  '➕': { name: 'heavy plus sign', lexiconLine: 3170 }, // CLDR now: plus
  '➖': { name: 'heavy minus sign', lexiconLine: 3171 }, // CLDR now: minus
  '➗': { name: 'heavy division sign', lexiconLine: 3172 }, // CLDR now: divide
  '❓': { name: 'question mark', lexiconLine: 3187 }, // CLDR now: red question mark
  '❗': { name: 'exclamation mark', lexiconLine: 3190 }, // CLDR now: red exclamation mark
};

/** The generated table, sorted by code point: `[codePoint, description]`. */
export function buildVaderEmojiNames(entries: readonly EmojibaseEntry[]): [number, string][] {
  const names = new Map<number, string>();
  for (const entry of entries) {
    const emoji = entry.emoji.replaceAll('\uFE0F', '');
    const codePoint = emoji.codePointAt(0);
    const isSingleCodePoint = codePoint !== undefined && String.fromCodePoint(codePoint) === emoji;
    if (!isSingleCodePoint || entry.group === undefined || entry.version > VADER_EMOJI_VERSION_CUTOFF) continue;
    names.set(codePoint, VADER_NAME_CORRECTIONS[emoji]?.name ?? entry.label);
  }
  return [...names].sort(([left], [right]) => left - right);
}

/** Loads emojibase-data's English dataset (a devDependency: only this generator and its test read it). */
export function loadEmojibaseEntries(): EmojibaseEntry[] {
  const require = createRequire(import.meta.url);
  return require('emojibase-data/en/data.json') as EmojibaseEntry[];
}

/** The source text of `src/sentiment/data/vader-emoji-names.ts`. */
export function renderVaderEmojiModule(table: readonly (readonly [number, string])[]): string {
  const rows = table.map(([codePoint, name]) => `  [0x${codePoint.toString(16)}, ${singleQuoted(name)}],`);
  const citations = Object.entries(VADER_NAME_CORRECTIONS).map(
    ([emoji, correction]) => `0x${emoji.codePointAt(0)?.toString(16)} line ${correction.lexiconLine}`,
  );
  const citationLines = Array.from(
    { length: Math.ceil(citations.length / 8) },
    (_, index) => `//   ${citations.slice(index * 8, index * 8 + 8).join(', ')}`,
  );
  return [
    '// Generated by scripts/generate-vader-emoji.ts from emojibase-data 17.0.0 (en); do not edit by hand.',
    '/** VADER 3.3.2 emoji step: code point → description (Emoji <= 11.0, names as in emoji_utf8_lexicon.txt). */',
    "// Names restored from VADER 3.3.2's emoji_utf8_lexicon.txt where CLDR renamed the emoji later, each with the",
    "// line of that file it comes from (the script's VADER_NAME_CORRECTIONS):",
    ...citationLines,
    'export const VADER_EMOJI_NAMES: readonly (readonly [number, string])[] = [',
    ...rows,
    '];',
    '',
  ].join('\n');
}

function singleQuoted(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const target = fileURLToPath(new URL('../src/sentiment/data/vader-emoji-names.ts', import.meta.url));
  const table = buildVaderEmojiNames(loadEmojibaseEntries());
  writeFileSync(target, renderVaderEmojiModule(table));
  console.log(`wrote ${table.length} emoji descriptions to ${target}`);
}
