import type { EnrichOutcome, SentimentLabel, Source } from '@celebrity-pipeline/core';

/** What happened to one stream record: the writer's outcome, `filtered` (rejected by the filter patterns) or `failed`. */
export type RecordOutcome = EnrichOutcome | 'filtered' | 'failed';

/** Counts of one batch, published as metrics and logged. */
export interface BatchTally {
  /** Records whose enrichment was written. */
  processed: number;
  /** Records that succeeded without a write: already enriched, stale, missing, or filtered out. */
  skipped: number;
  /** Records reported in `batchItemFailures`. */
  failed: number;
  /** Sentiment labels written in this batch, per source. */
  sentimentBySource: Partial<Record<Source, Partial<Record<SentimentLabel, number>>>>;
}

/** An empty tally. */
export function createBatchTally(): BatchTally {
  return { processed: 0, skipped: 0, failed: 0, sentimentBySource: {} };
}

/**
 * Adds one record's outcome to `tally` (in place: records of a batch finish in any order). `written` is the
 * source and label of an `updated` record, counted in the sentiment mix.
 */
export function countOutcome(
  tally: BatchTally,
  outcome: RecordOutcome,
  written?: { source: Source; sentiment: SentimentLabel },
): void {
  if (outcome === 'failed') tally.failed += 1;
  else if (outcome !== 'updated') tally.skipped += 1;
  else {
    tally.processed += 1;
    if (written === undefined) return;
    const labels = tally.sentimentBySource[written.source] ?? {};
    labels[written.sentiment] = (labels[written.sentiment] ?? 0) + 1;
    tally.sentimentBySource[written.source] = labels;
  }
}
