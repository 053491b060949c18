import type { CelebrityItem, Signals } from './item.js';
import type { Source } from './sources.js';

/** Version of the formula below; stored with every enrichment (part of `processor_version`). */
export const WEIGHT_FORMULA_VERSION = 1;

/**
 * Reference value of each source's signal: the level that earns the full weight of 1. Chosen from what the
 * most-followed figures reach in a week (see README, "Weight formula").
 */
export const WEIGHT_REFERENCES: Readonly<Record<Source, number>> = {
  /** TMDB `popularity` (a daily score; the most popular people sit around 100). */
  tmdb: 100,
  /** English Wikipedia pageviews over the 7 days of the week (the days measured; see README). */
  wikipedia: 1_000_000,
  /** News articles over 7 days (GDELT returns at most 250 per query). */
  news: 250,
  /** Social mentions plus their likes, reposts and replies. */
  social: 10_000,
};

/** The item fields the weight depends on: one item, never the batch (it runs per stream record). */
export type WeightInput = Pick<CelebrityItem, 'source' | 'signals'>;

/**
 * The one number each source contributes: TMDB popularity, Wikipedia 7-day pageviews, news article count,
 * social mentions + engagement. `null` when the source could not measure it.
 */
export function signalStrength(input: WeightInput): number | null {
  switch (input.source) {
    case 'tmdb':
      return (input.signals as Signals<'tmdb'>).popularity;
    case 'wikipedia':
      return (input.signals as Signals<'wikipedia'>).pageviews_7d;
    case 'news':
      return (input.signals as Signals<'news'>).article_count;
    case 'social': {
      const social = input.signals as Signals<'social'>;
      return social.mentions === null ? null : social.mentions + social.likes + social.reposts + social.replies;
    }
  }
}

/**
 * Popularity weight in [0, 1]: `min(1, ln(1 + signal) / ln(1 + reference))`, rounded to 4 decimals.
 * Log scale, so ten times the attention adds a constant step; monotone in the signal; deterministic.
 * A missing, negative or non-finite signal gives 0.
 * @example computeWeight({ source: 'tmdb', signals: { popularity: 100 } }) // 1
 */
export function computeWeight(input: WeightInput): number {
  const signal = signalStrength(input);
  if (signal === null || !Number.isFinite(signal) || signal <= 0) return 0;
  const weight = Math.log1p(signal) / Math.log1p(WEIGHT_REFERENCES[input.source]);
  return Math.round(Math.min(1, weight) * 10_000) / 10_000;
}
