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

/** Names in VADER 3.3.2's `emoji_utf8_lexicon.txt` that CLDR changed later (emojibase label in the comment). */
export const VADER_NAME_CORRECTIONS: Readonly<Record<string, string>> = {
  '🥰': 'smiling face with 3 hearts', // smiling face with hearts
  '🤗': 'hugging face', // smiling face with open hands
  '😵': 'dizzy face', // face with crossed-out eyes
  '😡': 'pouting face', // enraged face
  '🤖': 'robot face', // robot
  '😺': 'grinning cat face', // grinning cat
  '😸': 'grinning cat face with smiling eyes', // grinning cat with smiling eyes
  '😹': 'cat face with tears of joy', // cat with tears of joy
  '😻': 'smiling cat face with heart-eyes', // smiling cat with heart-eyes
  '😼': 'cat face with wry smile', // cat with wry smile
  '😽': 'kissing cat face', // kissing cat
  '🙀': 'weary cat face', // weary cat
  '😿': 'crying cat face', // crying cat
  '😾': 'pouting cat face', // pouting cat
  '🧑': 'adult', // person
  '🧓': 'older adult', // older person
  '👲': 'man with Chinese cap', // person with skullcap
  '🧔': 'bearded person', // person: beard
  '👱': 'blond-haired person', // person: blond hair
  '🤵': 'man in tuxedo', // person in tuxedo
  '👰': 'bride with veil', // person with veil
  '🕴': 'man in suit levitating', // person in suit levitating
  '👫': 'man and woman holding hands', // woman and man holding hands
  '👬': 'two men holding hands', // men holding hands
  '👭': 'two women holding hands', // women holding hands
  '🦰': 'red-haired', // red hair
  '🦱': 'curly-haired', // curly hair
  '🦳': 'white-haired', // white hair
  '❣': 'heavy heart exclamation', // heart exclamation
  '💤': 'zzz', // ZZZ
  '🎒': 'school backpack', // backpack
  '🥿': 'woman’s flat shoe', // flat shoe
  '🐺': 'wolf face', // wolf
  '🦊': 'fox face', // fox
  '🦁': 'lion face', // lion
  '🦄': 'unicorn face', // unicorn
  '🐹': 'hamster face', // hamster
  '🐻': 'bear face', // bear
  '🐼': 'panda face', // panda
  '🐸': 'frog face', // frog
  '🧱': 'bricks', // brick
  '🎯': 'direct hit', // bullseye
  '🧩': 'jigsaw', // puzzle piece
  '🔫': 'pistol', // water pistol
  '💻': 'laptop computer', // laptop
  '⭕': 'heavy large circle', // hollow red circle
  '✅': 'white heavy check mark', // check mark button
  '☑': 'ballot box with check', // check box with check
  '✔': 'heavy check mark', // check mark
  '✖': 'heavy multiplication x', // multiply
  '➕': 'heavy plus sign', // plus
  '➖': 'heavy minus sign', // minus
  '➗': 'heavy division sign', // divide
  '❓': 'question mark', // red question mark
  '❗': 'exclamation mark', // red exclamation mark
};

/** The generated table, sorted by code point: `[codePoint, description]`. */
export function buildVaderEmojiNames(entries: readonly EmojibaseEntry[]): [number, string][] {
  const names = new Map<number, string>();
  for (const entry of entries) {
    const emoji = entry.emoji.replaceAll('\uFE0F', '');
    const codePoint = emoji.codePointAt(0);
    const isSingleCodePoint = codePoint !== undefined && String.fromCodePoint(codePoint) === emoji;
    if (!isSingleCodePoint || entry.group === undefined || entry.version > VADER_EMOJI_VERSION_CUTOFF) continue;
    names.set(codePoint, VADER_NAME_CORRECTIONS[emoji] ?? entry.label);
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
  return [
    '// Generated by scripts/generate-vader-emoji.ts from emojibase-data 17.0.0 (en); do not edit by hand.',
    '/** VADER 3.3.2 emoji step: code point → description (Emoji <= 11.0, names as in emoji_utf8_lexicon.txt). */',
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
