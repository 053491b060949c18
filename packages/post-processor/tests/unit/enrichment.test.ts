import {
  computeWeight,
  EnrichmentSchema,
  SENTIMENT_LABELS,
  SOURCES,
  scoreSentiment,
  WEIGHT_FORMULA_VERSION,
} from '@celebrity-pipeline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { enrichmentFor, PROCESSOR_VERSION, processorVersion } from '../../src/index.js';
import { observationOf, SAMPLE_TEXTS, weekItems } from '../helpers/items.js';

const NOW = new Date('2026-11-22T02:05:00.000Z');

describe('enrichmentFor', () => {
  it("computes core's weight and sentiment, stamps the clock and the processor version", () => {
    for (const item of weekItems(12)) {
      const sentiment = scoreSentiment(item.texts);
      expect(enrichmentFor(item, NOW)).toEqual({
        weight: computeWeight(item),
        sentiment: sentiment.label,
        sentiment_score: sentiment.compound,
        processed_at: '2026-11-22T02:05:00.000Z',
        processor_version: PROCESSOR_VERSION,
      });
    }
  });

  it('labels clearly positive and negative texts as such', () => {
    const [positive, negative, neutral] = weekItems(3);
    expect(positive?.texts[0]?.text).toContain(SAMPLE_TEXTS.positive);
    expect(positive && enrichmentFor(positive, NOW).sentiment).toBe('POSITIVE');
    expect(negative && enrichmentFor(negative, NOW).sentiment).toBe('NEGATIVE');
    expect(neutral && enrichmentFor(neutral, NOW).sentiment).toBe('NEUTRAL');
  });

  it('is NEUTRAL with score 0 for an item without texts', () => {
    const [item] = weekItems(1);
    if (item === undefined) throw new Error('no item');
    expect(enrichmentFor({ ...item, texts: [] }, NOW)).toMatchObject({ sentiment: 'NEUTRAL', sentiment_score: 0 });
  });

  it('uses the version it is given', () => {
    const [item] = weekItems(1);
    if (item === undefined) throw new Error('no item');
    expect(enrichmentFor(item, NOW, 'post-processor@9.9.9+weight@7').processor_version).toBe(
      'post-processor@9.9.9+weight@7',
    );
  });

  it("always produces what core's writer accepts: weight in [0, 1], a known label, score in [-1, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 10_000_000 }), (sourceIndex, level) => {
        const source = SOURCES[sourceIndex] ?? 'tmdb';
        const [template] = weekItems(1);
        if (template === undefined) return false;
        const observation = observationOf(source, level);
        const item = { ...template, source, signals: observation.signals } as typeof template;
        const enrichment = enrichmentFor(item, NOW);
        return (
          EnrichmentSchema.safeParse(enrichment).success &&
          enrichment.weight >= 0 &&
          enrichment.weight <= 1 &&
          SENTIMENT_LABELS.includes(enrichment.sentiment)
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('PROCESSOR_VERSION', () => {
  it("is derived from this package's version and core's weight formula version", () => {
    expect(PROCESSOR_VERSION).toBe(`post-processor@${packageJson.version}+weight@${WEIGHT_FORMULA_VERSION}`);
    expect(processorVersion('1.2.3', 4)).toBe('post-processor@1.2.3+weight@4');
  });
});
