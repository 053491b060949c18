import { type Celebrity, type CelebrityList, parseCelebrityList } from '@celebrity-pipeline/core';
import { CELEBRITY_LIST_VERSION } from './default-list.js';

/** Seed of {@link generateCelebrityList} when none is given. */
export const CELEBRITY_LIST_SEED = 1;

const FIRST_NAMES = (
  'Ava Ben Cleo Dev Elle Finn Gia Hugo Iris Jude Kai Lena Milo Nia Omar Pia Quinn Rosa Sami Tess Umar ' +
  'Vera Wes Xena Yara Zane Amara Bruno Chiara Dario Esme Felix Greta Hiro Ines Jonas Kira Luca Maya ' +
  'Nico'
).split(' ');

const LAST_NAMES = (
  'Moreau Okafor Lindqvist Tanaka Reyes Novak Haddad Kowalski Mensah Varga Duarte Ivanova Nakamura ' +
  'Oduya Petrov Quispe Rossi Silva Takeda Ueda Valdez Weber Xu Yilmaz Zhou Abebe Bauer Castillo Dubois ' +
  'Eriksen Fischer Garcia Hansen Ito Jansen Kim Larsen Murphy Nilsen Olsen Park Rahman Sato Tran Urban ' +
  'Vogel Wong Young Zaman Adeyemi'
).split(' ');

/** Options of {@link generateCelebrityList}. */
export interface CelebrityListGeneratorOptions {
  /** The ordering seed, a non-negative integer (default {@link CELEBRITY_LIST_SEED}): the same count and seed always give the same list. */
  seed?: number;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/**
 * A permutation of the name pairs chosen by `seed`: pair `i` goes to `(i × stride + seed) mod pairs`, with a stride
 * coprime to the pair count, so neighbouring entries do not share a first name and each seed orders them apart.
 */
function pairOrder(seed: number): number[] {
  const pairs = FIRST_NAMES.length * LAST_NAMES.length;
  let stride = 7 + 2 * seed;
  while (greatestCommonDivisor(stride, pairs) !== 1) stride += 1;
  return Array.from({ length: pairs }, (_, index) => (index * stride + seed) % pairs);
}

/** `first last`, then `first last 2`, ... once the pairs run out: unique for any count. */
function nameAt(index: number, order: readonly number[]): string {
  const pairs = FIRST_NAMES.length * LAST_NAMES.length;
  const pair = order[index % pairs] as number;
  const first = FIRST_NAMES[pair % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[Math.floor(pair / FIRST_NAMES.length)] as string;
  const round = Math.floor(index / pairs);
  return round === 0 ? `${first} ${last}` : `${first} ${last} ${round + 1}`;
}

/**
 * A synthetic celebrity list of any size, valid against core's schema, deterministic for `count` and `seed`:
 * unique ids and names, a Wikipedia title each, a hashtag, an alias for every fifth and a Bluesky handle for
 * every third. The fixtures and the replay server answer for any list (fixtures' `generateFixtures`), so a run of this
 * list works offline: what `celebrity-pipeline fixtures celebrities --count 10000` writes for the scale benchmark,
 * and what docs/cost.md plans at 1,000 and 10,000.
 * @throws RangeError when `count` is not a positive integer or `seed` not a non-negative one.
 */
export function generateCelebrityList(count: number, options: CelebrityListGeneratorOptions = {}): CelebrityList {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  const seed = options.seed ?? CELEBRITY_LIST_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  const order = pairOrder(seed);
  const celebrities = Array.from({ length: count }, (_, index): Celebrity => {
    const name = nameAt(index, order);
    const compact = name.replaceAll(' ', '');
    return {
      id: name.toLowerCase().replaceAll(' ', '-'),
      name,
      aliases: index % 5 === 0 ? [name.split(' ').reverse().join(' ')] : [],
      wikipediaTitle: name.replaceAll(' ', '_'),
      ...(index % 3 === 0 ? { blueskyHandle: `${compact.toLowerCase()}.bsky.social` } : {}),
      hashtags: [compact],
    };
  });
  return parseCelebrityList({ version: CELEBRITY_LIST_VERSION, celebrities }, `generated list of ${count}`);
}
