import type { SentimentLabel } from '../item.js';
import { isPythonWhitespace } from './python-string.js';
import { polarityScores } from './vader.js';

/** Standard VADER thresholds on the compound score. */
export const SENTIMENT_THRESHOLDS = { positive: 0.05, negative: -0.05 } as const;

/** Labels a compound score: >= 0.05 POSITIVE, <= -0.05 NEGATIVE, else NEUTRAL. */
export function labelCompound(compound: number): SentimentLabel {
  if (compound >= SENTIMENT_THRESHOLDS.positive) return 'POSITIVE';
  if (compound <= SENTIMENT_THRESHOLDS.negative) return 'NEGATIVE';
  return 'NEUTRAL';
}

/** The sentiment of one item. */
export interface ItemSentiment {
  label: SentimentLabel;
  /** Engagement-weighted mean compound in [-1, 1], rounded to 4 decimals. */
  compound: number;
  /** Texts that took part (texts with no word, i.e. empty or only whitespace as VADER splits it, are ignored). */
  textsScored: number;
}

/**
 * Aggregates the texts of one item: each text's VADER compound, weighted by `1 + ln(1 + engagement)` so a
 * post many people reacted to counts more without drowning the rest; NEUTRAL with compound 0 when there is
 * no text.
 * @example scoreSentiment([{ text: 'What a wonderful film!', engagement: 120 }]).label // 'POSITIVE'
 */
export function scoreSentiment(texts: readonly { text: string; engagement?: number }[]): ItemSentiment {
  let weightedSum = 0;
  let totalWeight = 0;
  let textsScored = 0;
  for (const entry of texts) {
    if (!hasWords(entry.text)) continue;
    const weight = 1 + Math.log1p(Math.max(0, entry.engagement ?? 0));
    weightedSum += polarityScores(entry.text).compound * weight;
    totalWeight += weight;
    textsScored += 1;
  }
  const compound = totalWeight === 0 ? 0 : Math.round((weightedSum / totalWeight) * 10_000) / 10_000;
  return { label: labelCompound(compound), compound, textsScored };
}

/** Whether VADER finds at least one token: a character that Python's `str.split()` does not treat as whitespace. */
function hasWords(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    if (!isPythonWhitespace(text.charCodeAt(index))) return true;
  }
  return false;
}
