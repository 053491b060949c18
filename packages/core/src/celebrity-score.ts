import { ValidationError } from './errors.js';
import { SOURCES, type Source } from './sources.js';

/** Version of the formula below; stored with every celebrity-week summary (`score_version`). */
export const SCORE_FORMULA_VERSION = 1;

/** Each source's share of the score. Equal shares: no source is trusted more than another. Sums to 1. */
export const SCORE_SOURCE_SHARES: Readonly<Record<Source, number>> = {
  tmdb: 0.25,
  wikipedia: 0.25,
  news: 0.25,
  social: 0.25,
};

/**
 * How much sentiment moves a source's contribution: a source's weight counts in full at sentiment +1, at
 * `(1 - k) / (1 + k)` of it at -1 (0.6 with k = 0.25) and at `1 / (1 + k)` (0.8) when neutral. Attention
 * stays the main signal; tone tilts it.
 */
export const SENTIMENT_INFLUENCE = 0.25;

/** What one enriched item contributes: its source, popularity weight and VADER compound. */
export interface ScoreInput {
  source: Source;
  /** Popularity weight in [0, 1]. */
  weight: number;
  /** Aggregated VADER compound in [-1, 1]. */
  sentiment_score: number;
}

/** The score of one celebrity in one week. */
export interface CelebrityScore {
  /** In [0, 1], 4 decimals. */
  score: number;
  /** The week's sentiment: the weight-weighted mean compound of the present sources (plain mean when every weight is 0), in [-1, 1], 4 decimals; `null` with no source. */
  sentimentScore: number | null;
  /** Sources that took part, in {@link SOURCES} order. */
  sourcesPresent: Source[];
}

/**
 * The score of one celebrity in one week, from the enriched items of that week (at most one per source):
 *
 * `score = round4( Σ over present sources of SHARE[source] × weight × (1 + k × sentiment) / (1 + k) )`
 *
 * A **missing source counts as 0** (no renormalisation): a celebrity measured by fewer sources is not lifted
 * to the level of one every source saw, and a source that failed this week lowers the score visibly instead
 * of silently changing what the score means. Bounded in [0, 1]; never decreases when any source's weight
 * grows (each term is `weight` times a positive factor); deterministic; independent of the input order
 * (terms are summed in {@link SOURCES} order).
 * @throws ValidationError for two inputs of one source, or a weight or sentiment out of range.
 * @example celebrityScore([{ source: 'tmdb', weight: 1, sentiment_score: 1 }]).score // 0.25
 */
export function celebrityScore(inputs: readonly ScoreInput[]): CelebrityScore {
  const bySource = indexBySource(inputs);
  const sourcesPresent = SOURCES.filter((source) => bySource.has(source));
  let score = 0;
  for (const source of sourcesPresent) {
    const input = bySource.get(source) as ScoreInput;
    const tone = (1 + SENTIMENT_INFLUENCE * input.sentiment_score) / (1 + SENTIMENT_INFLUENCE);
    score += SCORE_SOURCE_SHARES[source] * input.weight * tone;
  }
  return {
    score: round4(Math.min(1, score)),
    sentimentScore: weekSentiment(sourcesPresent.map((source) => bySource.get(source) as ScoreInput)),
    sourcesPresent,
  };
}

function indexBySource(inputs: readonly ScoreInput[]): Map<Source, ScoreInput> {
  const bySource = new Map<Source, ScoreInput>();
  const issues: string[] = [];
  for (const input of inputs) {
    if (bySource.has(input.source)) issues.push(`source \`${input.source}\` appears more than once`);
    if (!(input.weight >= 0 && input.weight <= 1)) issues.push(`${input.source}: weight ${input.weight} not in [0, 1]`);
    if (!(input.sentiment_score >= -1 && input.sentiment_score <= 1)) {
      issues.push(`${input.source}: sentiment_score ${input.sentiment_score} not in [-1, 1]`);
    }
    bySource.set(input.source, input);
  }
  if (issues.length > 0) throw new ValidationError('Invalid celebrityScore input', issues);
  return bySource;
}

function weekSentiment(inputs: readonly ScoreInput[]): number | null {
  if (inputs.length === 0) return null;
  const totalWeight = inputs.reduce((sum, input) => sum + input.weight, 0);
  const mean =
    totalWeight > 0
      ? inputs.reduce((sum, input) => sum + input.weight * input.sentiment_score, 0) / totalWeight
      : inputs.reduce((sum, input) => sum + input.sentiment_score, 0) / inputs.length;
  return round4(Math.max(-1, Math.min(1, mean)));
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000 + 0;
}
