import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { SENTIMENT_LABELS, type SentimentLabel, type Source } from '@celebrity-pipeline/core';
import type { BatchTally } from './batch-tally.js';

/** CloudWatch namespace of the post-processor's metrics unless `POWERTOOLS_METRICS_NAMESPACE` says otherwise. */
export const DEFAULT_METRICS_NAMESPACE = 'CelebrityPipeline';

/** Metric names the post-processor emits (EMF). */
export const POST_PROCESSOR_METRICS = Object.freeze({
  /** Records whose enrichment was written. */
  processed: 'RecordsProcessed',
  /** Records that succeeded without a write (already enriched, stale, missing, filtered out). */
  skipped: 'RecordsSkipped',
  /** Records reported in `batchItemFailures`. */
  failed: 'RecordsFailed',
  /** Enrichments written per sentiment label, with dimension `source`: the sentiment mix per source. */
  sentiment: Object.freeze({
    POSITIVE: 'SentimentPositive',
    NEGATIVE: 'SentimentNegative',
    NEUTRAL: 'SentimentNeutral',
  } as const satisfies Record<SentimentLabel, string>),
} as const);

/** The dimension that splits the sentiment metrics by source. */
export const SOURCE_DIMENSION = 'source';

/**
 * Publishes one batch's counts: one EMF document with the three record counts, then one per source that had
 * enrichments written, holding its three sentiment counts (zeros included, so ratios add up) under dimension
 * `source`. Synchronous, so documents of concurrent batches never mix.
 */
export function publishBatchMetrics(metrics: Metrics, tally: BatchTally): void {
  metrics.addMetric(POST_PROCESSOR_METRICS.processed, MetricUnit.Count, tally.processed);
  metrics.addMetric(POST_PROCESSOR_METRICS.skipped, MetricUnit.Count, tally.skipped);
  metrics.addMetric(POST_PROCESSOR_METRICS.failed, MetricUnit.Count, tally.failed);
  metrics.publishStoredMetrics();
  for (const [source, labels] of Object.entries(tally.sentimentBySource) as [
    Source,
    BatchTally['sentimentBySource'][Source],
  ][]) {
    metrics.addDimension(SOURCE_DIMENSION, source);
    for (const label of SENTIMENT_LABELS) {
      metrics.addMetric(POST_PROCESSOR_METRICS.sentiment[label], MetricUnit.Count, labels?.[label] ?? 0);
    }
    metrics.publishStoredMetrics();
  }
}
