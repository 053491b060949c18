import { VADER_PORT_LEXICON } from './data/vader-port-lexicon.js';

/**
 * Entries of VADER 3.3.2's `vader_lexicon.txt` that differ from the lexicon shipped by `vader-sentiment@1.1.3`
 * (which is the 7,517-line file of an earlier release). Found by comparing the two files line by line: 3.3.2
 * adds `heart`, `hearts` and `flawed` and re-rates `badass` (−0.6 → 1.4); every other entry (7,503 distinct keys,
 * duplicated keys resolved to their last value as Python's dict does) is identical.
 */
export const LEXICON_CORRECTIONS: Readonly<Record<string, number>> = {
  badass: 1.4,
  flawed: -2.1,
  heart: 3.2,
  hearts: 3.3,
};

/**
 * Word → mean valence of VADER 3.3.2, built once from the port's lexicon plus {@link LEXICON_CORRECTIONS}.
 * A `Map`, so keys such as `constructor` are never confused with object properties.
 */
export const VADER_LEXICON: ReadonlyMap<string, number> = new Map([
  ...VADER_PORT_LEXICON,
  ...Object.entries(LEXICON_CORRECTIONS),
]);
