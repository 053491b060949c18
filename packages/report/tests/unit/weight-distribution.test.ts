import { describe, expect, it } from 'vitest';
import { histogram, summariseWeights } from '../../src/weight-distribution.js';

describe('histogram', () => {
  it('puts 0 in the first bin and 1 in the last, bin edges in the upper bin', () => {
    const counts = histogram([0, 0.1, 0.0999, 0.5, 0.999, 1]).map((bin) => bin.count);
    expect(counts).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it('spans [0, 1] in 10 equal bins', () => {
    const bins = histogram([]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 0.1, count: 0 });
    expect(bins[9]).toEqual({ from: 0.9, to: 1, count: 0 });
  });
});

describe('summariseWeights', () => {
  it('rounds the mean to 4 decimals', () => {
    expect(summariseWeights([0.1, 0.2, 0.2])).toEqual({ count: 3, min: 0.1, max: 0.2, avg: 0.1667 });
  });

  it('returns nulls when no item has a weight', () => {
    expect(summariseWeights([])).toEqual({ count: 0, min: null, max: null, avg: null });
  });
});
