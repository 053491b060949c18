import { type CelebrityItem, type ItemText, type SentimentLabel, SOURCES, type Source } from '@celebrity-pipeline/core';

/** How many items the report lists as most positive and as most negative. */
export const NOTABLE_ITEMS_COUNT = 10;

/** Texts shown per notable item, and their length on the page. */
export const NOTABLE_TEXT_LIMITS = { texts: 3, length: 280 } as const;

/** Items per sentiment label; `notEnriched` counts items without a label yet. */
export type SentimentCounts = Record<SentimentLabel, number> & { notEnriched: number; total: number };

/** Sentiment mix of one source. */
export interface SourceSentimentMix extends SentimentCounts {
  source: Source;
}

/** An item among the most positive or most negative of the week, with its most engaging texts. */
export interface NotableItem {
  celebrityId: string;
  celebrityName: string;
  source: Source;
  sentiment: SentimentLabel;
  /** VADER compound in [-1, 1]. */
  sentimentScore: number;
  weight: number | null;
  /** Up to {@link NOTABLE_TEXT_LIMITS}`.texts` texts, most engaging first, cut to `.length` characters. */
  texts: ItemText[];
  /** Texts the item holds in all. */
  textsStored: number;
}

/** Sentiment figures: the spec's `group_by(sentiment)` counts, a mix per source and the extremes. */
export interface SentimentFigures {
  overall: SentimentCounts;
  perSource: SourceSentimentMix[];
  mostPositive: NotableItem[];
  mostNegative: NotableItem[];
}

/** Counts labels overall and per source, and picks the {@link NOTABLE_ITEMS_COUNT} most positive/negative items. */
export function computeSentimentFigures(items: readonly CelebrityItem[]): SentimentFigures {
  return {
    overall: countSentiments(items),
    perSource: SOURCES.map((source) => ({
      source,
      ...countSentiments(items.filter((item) => item.source === source)),
    })),
    mostPositive: notableItems(items, 'POSITIVE'),
    mostNegative: notableItems(items, 'NEGATIVE'),
  };
}

/** Items per label, plus those not enriched yet. */
export function countSentiments(items: readonly CelebrityItem[]): SentimentCounts {
  const counts: SentimentCounts = { POSITIVE: 0, NEGATIVE: 0, NEUTRAL: 0, notEnriched: 0, total: items.length };
  for (const item of items) {
    if (item.sentiment === undefined) counts.notEnriched += 1;
    else counts[item.sentiment] += 1;
  }
  return counts;
}

/**
 * The items labelled `label`, strongest score first (ties: heavier weight, then celebrity id and source, so the
 * order never depends on the input order).
 */
export function notableItems(items: readonly CelebrityItem[], label: 'POSITIVE' | 'NEGATIVE'): NotableItem[] {
  const direction = label === 'POSITIVE' ? 1 : -1;
  return items
    .filter((item) => item.sentiment === label && item.sentiment_score !== undefined)
    .sort(
      (left, right) =>
        direction * ((right.sentiment_score ?? 0) - (left.sentiment_score ?? 0)) ||
        (right.weight ?? 0) - (left.weight ?? 0) ||
        compareText(left.celebrity_id, right.celebrity_id) ||
        SOURCES.indexOf(left.source) - SOURCES.indexOf(right.source),
    )
    .slice(0, NOTABLE_ITEMS_COUNT)
    .map((item) => toNotable(item, label));
}

function toNotable(item: CelebrityItem, label: SentimentLabel): NotableItem {
  const texts = [...item.texts]
    .sort((left, right) => right.engagement - left.engagement)
    .slice(0, NOTABLE_TEXT_LIMITS.texts)
    .map((entry) => ({ text: cut(entry.text, NOTABLE_TEXT_LIMITS.length), engagement: entry.engagement }));
  return {
    celebrityId: item.celebrity_id,
    celebrityName: item.celebrity_name,
    source: item.source,
    sentiment: label,
    sentimentScore: item.sentiment_score ?? 0,
    weight: item.weight ?? null,
    texts,
    textsStored: item.texts.length,
  };
}

function cut(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The labels in display order (positive, neutral, negative), then `notEnriched`. */
export const SENTIMENT_SEGMENTS = ['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'notEnriched'] as const satisfies readonly (
  | SentimentLabel
  | 'notEnriched'
)[];
