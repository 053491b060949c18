import { replaceEmojiWithDescriptions } from './emoji-descriptions.js';
import { pythonRound } from './python-round.js';
import { codePointLength, isAsciiPunctuation, isPythonUpper, isPythonWhitespace } from './python-string.js';
import { VADER_LEXICON } from './vader-lexicon.js';
import { BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, NORMALIZE_ALPHA, SPECIAL_CASES } from './vader-rules.js';

/** VADER scores of one text: proportions of negative, neutral and positive words and the normalised compound. */
export interface PolarityScores {
  /** Share of negative sentiment, rounded to 3 decimals. */
  neg: number;
  /** Share of neutral words, rounded to 3 decimals. */
  neu: number;
  /** Share of positive sentiment, rounded to 3 decimals. */
  pos: number;
  /** Normalised sum of valences in [-1, 1], rounded to 4 decimals. */
  compound: number;
}

/** The tokens of one text with what every rule needs about them, computed once. */
interface Tokens {
  /** Tokens as VADER keeps them (case preserved, surrounding ASCII punctuation stripped from words). */
  readonly words: readonly string[];
  /** `words[i].toLowerCase()`. */
  readonly lower: readonly string[];
  /** Lexicon valence of `lower[i]`, `undefined` when the word is not in the lexicon. */
  readonly valences: readonly (number | undefined)[];
  /** Some but not all tokens are ALL CAPS (VADER's `is_cap_diff`). */
  readonly isCapDifferential: boolean;
}

const ZERO_SCORES: PolarityScores = Object.freeze({ neg: 0, neu: 0, pos: 0, compound: 0 });

/**
 * VADER 3.3.2 polarity scores of `text`, with the semantics and rounding of the original Python
 * `SentimentIntensityAnalyzer.polarity_scores` (emoji step, tokenisation, negation, boosters, idioms, "but",
 * "least", ALL CAPS and punctuation emphasis; Python `round()`). Empty or whitespace-only text scores all zeros.
 * @example polarityScores('Not great').compound // -0.5096
 */
export function polarityScores(text: string): PolarityScores {
  const prepared = replaceEmojiWithDescriptions(text);
  const tokens = tokenize(prepared);
  if (tokens.words.length === 0) return { ...ZERO_SCORES };
  const sentiments: number[] = [];
  for (let index = 0; index < tokens.words.length; index += 1) {
    sentiments.push(isModifier(tokens.lower, index) ? 0 : sentimentValence(tokens, index));
  }
  applyButRule(tokens.lower, sentiments);
  return scoreValence(sentiments, prepared);
}

/**
 * One pass over the text: Python `str.split()` tokens, each stripped of surrounding ASCII punctuation unless 2 or
 * fewer code points would remain (so ":)" survives), lower-cased and looked up once.
 */
function tokenize(text: string): Tokens {
  const words: string[] = [];
  const lower: string[] = [];
  const valences: (number | undefined)[] = [];
  let allCaps = 0;
  let start = -1;
  for (let index = 0; index <= text.length; index += 1) {
    const isBoundary = index === text.length || isPythonWhitespace(text.charCodeAt(index));
    if (!isBoundary) {
      if (start < 0) start = index;
      continue;
    }
    if (start < 0) continue;
    const word = wordAt(text, start, index);
    const lowerWord = word.toLowerCase();
    words.push(word);
    lower.push(lowerWord);
    valences.push(VADER_LEXICON.get(lowerWord));
    if (isPythonUpper(word)) allCaps += 1;
    start = -1;
  }
  return { words, lower, valences, isCapDifferential: allCaps > 0 && allCaps < words.length };
}

/** The token `text[start, end)`, stripped of ASCII punctuation when more than 2 code points remain. */
function wordAt(text: string, start: number, end: number): string {
  let innerStart = start;
  let innerEnd = end;
  while (innerStart < innerEnd && isAsciiPunctuation(text.charCodeAt(innerStart))) innerStart += 1;
  while (innerEnd > innerStart && isAsciiPunctuation(text.charCodeAt(innerEnd - 1))) innerEnd -= 1;
  const strippedLength = innerEnd - innerStart;
  if (strippedLength === end - start || strippedLength <= 2) return text.slice(start, end);
  const stripped = text.slice(innerStart, innerEnd);
  return strippedLength > 4 || codePointLength(stripped) > 2 ? stripped : text.slice(start, end);
}

/** Boosters and the "kind" of "kind of" carry no valence of their own. */
function isModifier(lower: readonly string[], index: number): boolean {
  const word = lower[index] ?? '';
  return BOOSTER_DICT.has(word) || (word === 'kind' && lower[index + 1] === 'of');
}

function sentimentValence(tokens: Tokens, index: number): number {
  const lexiconValence = tokens.valences[index];
  if (lexiconValence === undefined) return 0;
  let valence = noNegation(tokens, index, lexiconValence);
  if (tokens.isCapDifferential && isPythonUpper(tokens.words[index] ?? '')) {
    valence = valence > 0 ? valence + C_INCR : valence - C_INCR;
  }
  for (let distance = 0; distance < 3; distance += 1) {
    const previous = index - (distance + 1);
    if (previous < 0 || tokens.valences[previous] !== undefined) continue;
    valence += dampedScalar(tokens, previous, valence, distance);
    valence = negationCheck(valence, tokens.lower, distance, index);
    if (distance === 2) valence = specialIdiomsCheck(valence, tokens.lower, index);
  }
  return leastCheck(valence, tokens, index);
}

/** "no" before a lexicon word loses its own valence; a word 1–2 after "no" (or 3 after "no … or/nor") flips. */
function noNegation(tokens: Tokens, index: number, lexiconValence: number): number {
  const { lower, valences } = tokens;
  let valence = lexiconValence;
  if (lower[index] === 'no' && index !== lower.length - 1 && valences[index + 1] !== undefined) valence = 0;
  const followsNo =
    lower[index - 1] === 'no' ||
    lower[index - 2] === 'no' ||
    (lower[index - 3] === 'no' && (lower[index - 1] === 'or' || lower[index - 1] === 'nor'));
  return followsNo ? lexiconValence * N_SCALAR : valence;
}

/** The booster/dampener effect of the word at `previous`, damped by its distance (VADER's `scalar_inc_dec`). */
function dampedScalar(tokens: Tokens, previous: number, valence: number, distance: number): number {
  const boost = BOOSTER_DICT.get(tokens.lower[previous] ?? '');
  if (boost === undefined) return 0;
  let scalar = valence < 0 ? -boost : boost;
  if (tokens.isCapDifferential && isPythonUpper(tokens.words[previous] ?? '')) {
    scalar = valence > 0 ? scalar + C_INCR : scalar - C_INCR;
  }
  if (distance === 1) return scalar * 0.95;
  if (distance === 2) return scalar * 0.9;
  return scalar;
}

function isNegated(word: string | undefined): boolean {
  return word !== undefined && (NEGATE.has(word) || word.includes("n't"));
}

function negationCheck(valence: number, lower: readonly string[], distance: number, index: number): number {
  const third = lower[index - 3];
  const second = lower[index - 2];
  const first = lower[index - 1];
  if (distance === 0) return isNegated(first) ? valence * N_SCALAR : valence;
  if (distance === 1) {
    if (second === 'never' && (first === 'so' || first === 'this')) return valence * 1.25;
    if (second === 'without' && first === 'doubt') return valence;
    return isNegated(second) ? valence * N_SCALAR : valence;
  }
  if ((third === 'never' && (second === 'so' || second === 'this')) || first === 'so' || first === 'this') {
    return valence * 1.25;
  }
  if (third === 'without' && (second === 'doubt' || first === 'doubt')) return valence;
  return isNegated(third) ? valence * N_SCALAR : valence;
}

/** Every word that occurs in a multi-word special case or booster phrase; other windows cannot match one. */
const PHRASE_WORDS: ReadonlySet<string> = new Set(
  [...SPECIAL_CASES.keys(), ...BOOSTER_DICT.keys()].filter((key) => key.includes(' ')).flatMap((key) => key.split(' ')),
);

/** Whether any word of the window `index - 3 .. index + 2` occurs in a phrase. */
function mayStartPhrase(lower: readonly string[], index: number): boolean {
  for (let position = index - 3; position <= index + 2 && position < lower.length; position += 1) {
    if (PHRASE_WORDS.has(lower[position] ?? '')) return true;
  }
  return false;
}

function specialIdiomsCheck(valence: number, lower: readonly string[], index: number): number {
  if (!mayStartPhrase(lower, index)) return valence;
  const third = lower[index - 3];
  const second = lower[index - 2];
  const first = lower[index - 1];
  const current = lower[index];
  const twoOne = `${second} ${first}`;
  const threeTwoOne = `${third} ${twoOne}`;
  const threeTwo = `${third} ${second}`;
  const sequences = [`${first} ${current}`, `${twoOne} ${current}`, twoOne, threeTwoOne, threeTwo];
  let result = valence;
  const idiom = sequences.find((sequence) => SPECIAL_CASES.has(sequence));
  if (idiom !== undefined) result = SPECIAL_CASES.get(idiom) ?? result;
  if (lower.length - 1 > index) result = SPECIAL_CASES.get(`${current} ${lower[index + 1]}`) ?? result;
  if (lower.length - 1 > index + 1) {
    result = SPECIAL_CASES.get(`${current} ${lower[index + 1]} ${lower[index + 2]}`) ?? result;
  }
  for (const nGram of [threeTwoOne, threeTwo, twoOne]) {
    const boost = BOOSTER_DICT.get(nGram);
    if (boost !== undefined) result += boost;
  }
  return result;
}

/** "least" before a word negates it, except in "at least" and "very least". */
function leastCheck(valence: number, tokens: Tokens, index: number): number {
  const { lower, valences } = tokens;
  if (index < 1 || lower[index - 1] !== 'least' || valences[index - 1] !== undefined) return valence;
  if (index > 1 && (lower[index - 2] === 'at' || lower[index - 2] === 'very')) return valence;
  return valence * N_SCALAR;
}

/**
 * "but" halves what comes before it and multiplies what follows by 1.5. The original looks each value up with
 * `list.index()`, so with repeated values the first equal element is the one rescaled; that is reproduced.
 * Zeros are skipped (rescaling a zero changes nothing, and a zero never equals a non-zero value), so the
 * `list.index()` search only needs to visit the non-zero positions.
 */
function applyButRule(lower: readonly string[], sentiments: number[]): void {
  const butIndex = lower.indexOf('but');
  if (butIndex < 0) return;
  const nonZero: number[] = [];
  for (let position = 0; position < sentiments.length; position += 1) {
    if (sentiments[position] !== 0) nonZero.push(position);
  }
  for (const position of nonZero) {
    const sentiment = sentiments[position] ?? 0;
    const first = nonZero.find((candidate) => sentiments[candidate] === sentiment) ?? position;
    if (first < butIndex) sentiments[first] = sentiment * 0.5;
    else if (first > butIndex) sentiments[first] = sentiment * 1.5;
  }
}

function punctuationEmphasis(text: string): number {
  let exclamations = 0;
  let questions = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x21) exclamations += 1;
    else if (code === 0x3f) questions += 1;
  }
  const exclamationAmplifier = Math.min(exclamations, 4) * 0.292;
  if (questions <= 1) return exclamationAmplifier;
  return exclamationAmplifier + (questions <= 3 ? questions * 0.18 : 0.96);
}

function normalize(score: number): number {
  const normalized = score / Math.sqrt(score * score + NORMALIZE_ALPHA);
  return Math.min(1, Math.max(-1, normalized));
}

function scoreValence(sentiments: readonly number[], text: string): PolarityScores {
  let sum = 0;
  let positiveSum = 0;
  let negativeSum = 0;
  let neutralCount = 0;
  for (const sentiment of sentiments) {
    sum += sentiment;
    if (sentiment > 0) positiveSum += sentiment + 1;
    else if (sentiment < 0) negativeSum += sentiment - 1;
    else neutralCount += 1;
  }
  const emphasis = punctuationEmphasis(text);
  if (sum > 0) sum += emphasis;
  else if (sum < 0) sum -= emphasis;
  if (positiveSum > Math.abs(negativeSum)) positiveSum += emphasis;
  else if (positiveSum < Math.abs(negativeSum)) negativeSum -= emphasis;
  const total = positiveSum + Math.abs(negativeSum) + neutralCount;
  return {
    neg: pythonRound(Math.abs(negativeSum / total), 3),
    neu: pythonRound(Math.abs(neutralCount / total), 3),
    pos: pythonRound(Math.abs(positiveSum / total), 3),
    compound: pythonRound(normalize(sum), 4),
  };
}
