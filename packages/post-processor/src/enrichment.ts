import { type CelebrityItem, computeWeight, type Enrichment, scoreSentiment } from '@celebrity-pipeline/core';
import { PROCESSOR_VERSION } from './processor-version.js';

/**
 * The enrichment of one item: core's popularity weight and the VADER sentiment of its texts. Pure: the clock and
 * the version come in as arguments.
 * @example enrichmentFor(item, new Date('2026-11-22T02:05:00Z')).weight // 0.8117
 */
export function enrichmentFor(item: CelebrityItem, now: Date, processorVersion = PROCESSOR_VERSION): Enrichment {
  const sentiment = scoreSentiment(item.texts);
  return {
    weight: computeWeight(item),
    sentiment: sentiment.label,
    sentiment_score: sentiment.compound,
    processed_at: now.toISOString(),
    processor_version: processorVersion,
  };
}
