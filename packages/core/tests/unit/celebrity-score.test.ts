import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  celebrityScore,
  SCORE_FORMULA_VERSION,
  SCORE_SOURCE_SHARES,
  type ScoreInput,
  SENTIMENT_INFLUENCE,
  SOURCES,
  type Source,
  ValidationError,
} from '../../src/index.js';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const compound = fc.double({ min: -1, max: 1, noNaN: true });

/** Inputs with each source at most once, any subset of the four, in any order. */
const scoreInputs: fc.Arbitrary<ScoreInput[]> = fc
  .subarray([...SOURCES])
  .chain((sources) =>
    fc.tuple(
      ...sources.map((source) => fc.record({ source: fc.constant(source), weight: unit, sentiment_score: compound })),
    ),
  )
  .chain((inputs) => fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }));

describe('celebrityScore', () => {
  it('is version 1 with equal shares that sum to 1', () => {
    expect(SCORE_FORMULA_VERSION).toBe(1);
    expect(Object.values(SCORE_SOURCE_SHARES).reduce((sum, share) => sum + share, 0)).toBe(1);
  });

  it('gives 1 for full weight and sentiment +1 on every source, 0 with no source', () => {
    const full = SOURCES.map((source) => ({ source, weight: 1, sentiment_score: 1 }));
    expect(celebrityScore(full)).toEqual({ score: 1, sentimentScore: 1, sourcesPresent: [...SOURCES] });
    expect(celebrityScore([])).toEqual({ score: 0, sentimentScore: null, sourcesPresent: [] });
  });

  it('counts a missing source as 0 instead of renormalising', () => {
    const one = celebrityScore([{ source: 'tmdb', weight: 1, sentiment_score: 1 }]);
    expect(one.score).toBe(0.25);
    expect(one.sourcesPresent).toEqual(['tmdb']);
    const neutral = celebrityScore([{ source: 'news', weight: 0.8, sentiment_score: 0 }]);
    expect(neutral.score).toBe(Math.round((0.25 * 0.8 * 10_000) / (1 + SENTIMENT_INFLUENCE)) / 10_000);
  });

  it('tilts by sentiment: negative coverage scores below neutral, neutral below positive', () => {
    const at = (sentiment: number) =>
      celebrityScore(SOURCES.map((source) => ({ source, weight: 0.6, sentiment_score: sentiment }))).score;
    expect(at(-1)).toBeLessThan(at(0));
    expect(at(0)).toBeLessThan(at(1));
    expect(at(-1)).toBeCloseTo((0.6 * (1 - SENTIMENT_INFLUENCE)) / (1 + SENTIMENT_INFLUENCE), 4);
  });

  it('weights the week sentiment by the sources weights (plain mean when every weight is 0)', () => {
    const mixed = celebrityScore([
      { source: 'tmdb', weight: 0.9, sentiment_score: 0.5 },
      { source: 'social', weight: 0.1, sentiment_score: -0.5 },
    ]);
    expect(mixed.sentimentScore).toBe(0.4);
    const silent = celebrityScore([
      { source: 'tmdb', weight: 0, sentiment_score: 0.5 },
      { source: 'social', weight: 0, sentiment_score: -0.1 },
    ]);
    expect(silent.sentimentScore).toBe(0.2);
  });

  it('rejects two inputs of one source and values out of range, naming each', () => {
    expect(() =>
      celebrityScore([
        { source: 'tmdb', weight: 0.2, sentiment_score: 0 },
        { source: 'tmdb', weight: 0.3, sentiment_score: 0 },
      ]),
    ).toThrow(/source `tmdb` appears more than once/);
    expect(() => celebrityScore([{ source: 'news', weight: 1.5, sentiment_score: 0 }])).toThrow(ValidationError);
    expect(() => celebrityScore([{ source: 'news', weight: Number.NaN, sentiment_score: 0 }])).toThrow(/weight NaN/);
    expect(() => celebrityScore([{ source: 'social', weight: 0.5, sentiment_score: -2 }])).toThrow(
      /social: sentiment_score -2 not in \[-1, 1\]/,
    );
  });

  it('is bounded in [0, 1] with at most 4 decimals, and the week sentiment in [-1, 1]', () => {
    fc.assert(
      fc.property(scoreInputs, (inputs) => {
        const { score, sentimentScore } = celebrityScore(inputs);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(Math.round(score * 10_000) / 10_000).toBe(score);
        if (inputs.length === 0) expect(sentimentScore).toBeNull();
        else {
          expect(sentimentScore).toBeGreaterThanOrEqual(-1);
          expect(sentimentScore).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('never decreases when one source weight grows (a missing source is weight 0)', () => {
    fc.assert(
      fc.property(
        scoreInputs,
        fc.constantFrom(...SOURCES),
        unit,
        unit,
        compound,
        (inputs, source: Source, first, second, sentiment) => {
          const others = inputs.filter((input) => input.source !== source);
          const [low, high] = first <= second ? [first, second] : [second, first];
          const lower = celebrityScore([...others, { source, weight: low, sentiment_score: sentiment }]).score;
          const higher = celebrityScore([...others, { source, weight: high, sentiment_score: sentiment }]).score;
          expect(higher).toBeGreaterThanOrEqual(lower);
          expect(lower).toBeGreaterThanOrEqual(celebrityScore(others).score);
        },
      ),
    );
  });

  it('is deterministic and independent of the input order', () => {
    fc.assert(
      fc.property(
        scoreInputs.chain((inputs) =>
          fc.tuple(
            fc.constant(inputs),
            fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }),
          ),
        ),
        ([inputs, shuffled]) => {
          expect(celebrityScore(inputs)).toEqual(celebrityScore(inputs));
          expect(celebrityScore(shuffled)).toEqual(celebrityScore(inputs));
        },
      ),
    );
  });
});
