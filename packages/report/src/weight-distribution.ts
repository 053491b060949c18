import { type CelebrityItem, SOURCES, type Source } from '@celebrity-pipeline/core';

/** Bins of the weight histogram over [0, 1] (core's weight range). */
export const WEIGHT_HISTOGRAM_BINS = 10;

/** Min, max and mean of the weights of some items (`null` when none has a weight). */
export interface WeightSummary {
  /** Items with a weight. */
  count: number;
  min: number | null;
  max: number | null;
  /** Mean, rounded to 4 decimals. */
  avg: number | null;
}

/** One histogram bin: weights in [from, to), the last bin including 1. */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Weight distribution of one source. */
export interface SourceWeightDistribution extends WeightSummary {
  source: Source;
  bins: HistogramBin[];
}

/** Weight figures: the spec's `{min, max, avg}` over all items, and a histogram per source. */
export interface WeightFigures {
  overall: WeightSummary;
  perSource: SourceWeightDistribution[];
}

/**
 * Summarises the weights of the items, overall and per source in {@link SOURCES} order.
 * @example computeWeightFigures(items).overall // { count: 400, min: 0.02, max: 0.97, avg: 0.41 }
 */
export function computeWeightFigures(items: readonly CelebrityItem[]): WeightFigures {
  const weights = (source?: Source) =>
    items.flatMap((item) =>
      item.weight !== undefined && (source === undefined || item.source === source) ? [item.weight] : [],
    );
  return {
    overall: summariseWeights(weights()),
    perSource: SOURCES.map((source) => {
      const sourceWeights = weights(source);
      return { source, ...summariseWeights(sourceWeights), bins: histogram(sourceWeights) };
    }),
  };
}

/** Count, min, max and mean (4 decimals) of `weights`. */
export function summariseWeights(weights: readonly number[]): WeightSummary {
  if (weights.length === 0) return { count: 0, min: null, max: null, avg: null };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const weight of weights) {
    min = Math.min(min, weight);
    max = Math.max(max, weight);
    sum += weight;
  }
  return { count: weights.length, min, max, avg: Math.round((sum / weights.length) * 10_000) / 10_000 };
}

/** {@link WEIGHT_HISTOGRAM_BINS} equal bins over [0, 1]; a weight of exactly 1 falls in the last bin. */
export function histogram(weights: readonly number[]): HistogramBin[] {
  const bins = Array.from({ length: WEIGHT_HISTOGRAM_BINS }, (_, index) => ({
    from: index / WEIGHT_HISTOGRAM_BINS,
    to: (index + 1) / WEIGHT_HISTOGRAM_BINS,
    count: 0,
  }));
  for (const weight of weights) {
    const index = Math.min(WEIGHT_HISTOGRAM_BINS - 1, Math.max(0, Math.floor(weight * WEIGHT_HISTOGRAM_BINS)));
    const bin = bins[index];
    if (bin) bin.count += 1;
  }
  return bins;
}
