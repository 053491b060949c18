import type { CelebrityItem, Source } from '../../src/index.js';

/** `item` as the post-processor leaves it: weight, sentiment and the version set. */
export function enriched(
  item: CelebrityItem,
  weight: number,
  sentimentScore = 0,
  processorVersion = 'post-processor@0.1.0+weight@1',
): CelebrityItem {
  return {
    ...item,
    weight,
    sentiment: sentimentScore >= 0.05 ? 'POSITIVE' : sentimentScore <= -0.05 ? 'NEGATIVE' : 'NEUTRAL',
    sentiment_score: sentimentScore,
    processed_at: '2026-11-22T02:05:00.000Z',
    processor_version: processorVersion,
    enriched_hash: item.content_hash,
  };
}

/** Only the items of `sources`. */
export function ofSources(items: readonly CelebrityItem[], sources: readonly Source[]): CelebrityItem[] {
  return items.filter((item) => sources.includes(item.source));
}
