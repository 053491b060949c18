import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeWeight,
  type Signals,
  SignalsSchemas,
  signalStrength,
  WEIGHT_FORMULA_VERSION,
  WEIGHT_REFERENCES,
  type WeightInput,
} from '../../src/index.js';

const count = (max = 1e12) => fc.integer({ min: 0, max }).map((value) => value);

/** Valid signals of every source, including values far past the reference. */
const weightInputs: fc.Arbitrary<WeightInput> = fc.oneof(
  fc
    .double({ min: 0, max: 1e9, noNaN: true })
    .map((popularity) => ({ source: 'tmdb' as const, signals: { popularity } })),
  count().map((pageviews) => ({
    source: 'wikipedia' as const,
    signals: { pageviews_7d: pageviews, daily_pageviews: [] },
  })),
  fc.option(count(1e7), { nil: null }).map((articles) => ({
    source: 'news' as const,
    signals: { article_count: articles, provider: 'gdelt' as const, window_days: 7 },
  })),
  fc.tuple(count(1e9), count(1e9), count(1e9), count(1e9)).map(([mentions, likes, reposts, replies]) => ({
    source: 'social' as const,
    signals: { mentions, likes, reposts, replies, provider: 'bluesky' as const },
  })),
);

/** An input of `source` whose one signal is `value` (social: all of it as mentions). */
function inputWithSignal(source: WeightInput['source'], value: number): WeightInput {
  switch (source) {
    case 'tmdb':
      return { source, signals: { popularity: value } };
    case 'wikipedia':
      return { source, signals: { pageviews_7d: value, daily_pageviews: [] } };
    case 'news':
      return { source, signals: { article_count: value, provider: 'gdelt', window_days: 7 } };
    case 'social':
      return { source, signals: { mentions: value, likes: 0, reposts: 0, replies: 0, provider: 'mastodon' } };
  }
}

const sources = fc.constantFrom('tmdb', 'wikipedia', 'news', 'social' as const);

describe('computeWeight', () => {
  it('generates only inputs the item schema accepts (so the properties below are about real items)', () => {
    fc.assert(
      fc.property(weightInputs, (input) => {
        expect(SignalsSchemas[input.source].safeParse(input.signals).success).toBe(true);
      }),
    );
  });

  it('is bounded in [0, 1] with at most 4 decimals', () => {
    fc.assert(
      fc.property(weightInputs, (input) => {
        const weight = computeWeight(input);
        expect(weight).toBeGreaterThanOrEqual(0);
        expect(weight).toBeLessThanOrEqual(1);
        expect(Math.round(weight * 10_000) / 10_000).toBe(weight);
      }),
    );
  });

  it('is monotone (never decreasing) in its signal, for every source', () => {
    fc.assert(
      fc.property(sources, count(1e10), count(1e10), (source, first, second) => {
        const [low, high] = first <= second ? [first, second] : [second, first];
        expect(computeWeight(inputWithSignal(source, low))).toBeLessThanOrEqual(
          computeWeight(inputWithSignal(source, high)),
        );
      }),
    );
  });

  it('is monotone in each social component: more likes, reposts or replies never lower the weight', () => {
    fc.assert(
      fc.property(
        fc.tuple(count(1e6), count(1e6), count(1e6), count(1e6)),
        fc.integer({ min: 0, max: 3 }),
        count(1e6),
        (components, index, extra) => {
          const base = {
            mentions: components[0],
            likes: components[1],
            reposts: components[2],
            replies: components[3],
          };
          const field = (['mentions', 'likes', 'reposts', 'replies'] as const)[index] ?? 'mentions';
          const more = { ...base, [field]: base[field] + extra };
          const weightOf = (signals: typeof base) =>
            computeWeight({ source: 'social', signals: { ...signals, provider: 'bluesky' } });
          expect(weightOf(base)).toBeLessThanOrEqual(weightOf(more));
        },
      ),
    );
  });

  it('is deterministic: the same item always gets the same weight', () => {
    fc.assert(
      fc.property(weightInputs, (input) => {
        const copy = structuredClone(input);
        expect(computeWeight(copy)).toBe(computeWeight(input));
      }),
    );
  });

  it('reaches 1 at the reference value and stays 1 above it', () => {
    fc.assert(
      fc.property(sources, count(1e12), (source, excess) => {
        const reference = WEIGHT_REFERENCES[source];
        expect(computeWeight(inputWithSignal(source, reference))).toBe(1);
        expect(computeWeight(inputWithSignal(source, reference + excess))).toBe(1);
      }),
    );
  });

  it('returns 0 when the signal is missing (news article_count null) or zero', () => {
    const missing: Signals<'news'> = { article_count: null, provider: 'gdelt', window_days: 7 };
    expect(signalStrength({ source: 'news', signals: missing })).toBeNull();
    expect(computeWeight({ source: 'news', signals: missing })).toBe(0);
    for (const source of ['tmdb', 'wikipedia', 'news', 'social'] as const) {
      expect(computeWeight(inputWithSignal(source, 0))).toBe(0);
    }
  });

  it('returns 0 for a signal that is not a finite non-negative number', () => {
    expect(computeWeight(inputWithSignal('tmdb', Number.NaN))).toBe(0);
    expect(computeWeight(inputWithSignal('tmdb', -5))).toBe(0);
    expect(computeWeight(inputWithSignal('wikipedia', Number.POSITIVE_INFINITY))).toBe(0);
  });

  it('matches ln(1 + signal) / ln(1 + reference) on worked examples', () => {
    // Each of these is (close to) the square root of (1 + reference), so the weight is (about) one half.
    expect(computeWeight(inputWithSignal('tmdb', 9))).toBe(0.4989); // ln 10 / ln 101
    expect(computeWeight(inputWithSignal('wikipedia', 999))).toBe(0.5); // ln 1 000 / ln 1 000 001
    expect(computeWeight(inputWithSignal('news', 15))).toBe(0.5018); // ln 16 / ln 251
    expect(computeWeight(inputWithSignal('social', 99))).toBe(0.5); // ln 100 / ln 10 001
    expect(computeWeight(inputWithSignal('tmdb', 42.5))).toBe(0.8175); // ln 43.5 / ln 101
    expect(computeWeight(inputWithSignal('wikipedia', 52_340))).toBe(0.7865); // ln 52 341 / ln 1 000 001
    expect(computeWeight(inputWithSignal('news', 1))).toBe(0.1254); // ln 2 / ln 251
  });

  it('sums mentions and engagement into the social signal', () => {
    const signals: Signals<'social'> = { mentions: 40, likes: 30, reposts: 20, replies: 9, provider: 'bluesky' };
    expect(signalStrength({ source: 'social', signals })).toBe(99);
    expect(computeWeight({ source: 'social', signals })).toBe(computeWeight(inputWithSignal('social', 99)));
  });

  it('is version 1 of the formula', () => {
    expect(WEIGHT_FORMULA_VERSION).toBe(1);
  });
});
