import { describe, expect, it } from 'vitest';
import { labelCompound, polarityScores, SENTIMENT_THRESHOLDS, scoreSentiment } from '../../src/index.js';

describe('labelCompound', () => {
  it('uses the standard VADER thresholds, inclusive', () => {
    expect(SENTIMENT_THRESHOLDS).toEqual({ positive: 0.05, negative: -0.05 });
    expect(labelCompound(0.05)).toBe('POSITIVE');
    expect(labelCompound(-0.05)).toBe('NEGATIVE');
    expect(labelCompound(0.0499)).toBe('NEUTRAL');
    expect(labelCompound(-0.0499)).toBe('NEUTRAL');
  });
});

describe('scoreSentiment', () => {
  it('is NEUTRAL with compound 0 when there is no text', () => {
    expect(scoreSentiment([])).toEqual({ label: 'NEUTRAL', compound: 0, textsScored: 0 });
    expect(scoreSentiment([{ text: '  ' }])).toEqual({ label: 'NEUTRAL', compound: 0, textsScored: 0 });
  });

  it('ignores texts VADER finds no word in, by Python whitespace rules', () => {
    expect(scoreSentiment([{ text: '\u0085\u001f\u3000' }, { text: 'great' }]).textsScored).toBe(1);
    expect(scoreSentiment([{ text: '\ufeff' }, { text: 'great' }]).textsScored).toBe(2);
  });

  it('is the compound of a single text', () => {
    const { compound } = polarityScores('What a wonderful film!');
    expect(scoreSentiment([{ text: 'What a wonderful film!' }])).toEqual({
      label: 'POSITIVE',
      compound,
      textsScored: 1,
    });
  });

  it('weights texts by 1 + ln(1 + engagement)', () => {
    const good = polarityScores('great').compound;
    const bad = polarityScores('terrible').compound;
    const weight = 1 + Math.log1p(100);
    const result = scoreSentiment([{ text: 'great', engagement: 100 }, { text: 'terrible' }]);
    expect(result.compound).toBeCloseTo((good * weight + bad) / (weight + 1), 4);
    expect(result.label).toBe('POSITIVE');
  });
});
