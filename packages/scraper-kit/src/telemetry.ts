import { Logger } from '@aws-lambda-powertools/logger';
import type { LogLevel } from '@aws-lambda-powertools/logger/types';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Source } from '@celebrity-pipeline/core';

/** CloudWatch namespace of the scraper metrics (overridable with `POWERTOOLS_METRICS_NAMESPACE`). */
export const METRICS_NAMESPACE = 'CelebrityPipeline';

/** Names of the metrics every scraper emits, with dimension `source`. */
export const SCRAPER_METRICS = {
  itemsWritten: 'ItemsWritten',
  itemsUnchanged: 'ItemsUnchanged',
  itemsFailed: 'ItemsFailed',
  requestsRetried: 'RequestsRetried',
  runSkipped: 'RunSkipped',
} as const;

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'];

/**
 * A JSON-lines logger for a source's scraper (`service` = `scraper-<source>`, key `source`).
 * @param logLevel e.g. `INFO` or `SILENT`; default: Powertools' own (`POWERTOOLS_LOG_LEVEL`, else INFO).
 */
export function createScraperLogger(source: Source, logLevel?: string): Logger {
  const level = logLevel?.toUpperCase();
  return new Logger({
    serviceName: `scraper-${source}`,
    persistentKeys: { source },
    ...(level && LOG_LEVELS.includes(level) ? { logLevel: level as LogLevel } : {}),
  });
}

/** EMF metrics for a source's scraper. */
export function createScraperMetrics(source: Source): Metrics {
  return new Metrics({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
    serviceName: `scraper-${source}`,
  });
}

/** Records a run's counts (per source) and flushes them as one EMF line. */
export function publishRunMetrics(
  metrics: Metrics,
  source: Source,
  counts: { written: number; unchanged: number; failed: number; requestsRetried: number; skipped: boolean },
): void {
  metrics.addDimension('source', source);
  metrics.addMetric(SCRAPER_METRICS.itemsWritten, MetricUnit.Count, counts.written);
  metrics.addMetric(SCRAPER_METRICS.itemsUnchanged, MetricUnit.Count, counts.unchanged);
  metrics.addMetric(SCRAPER_METRICS.itemsFailed, MetricUnit.Count, counts.failed);
  metrics.addMetric(SCRAPER_METRICS.requestsRetried, MetricUnit.Count, counts.requestsRetried);
  metrics.addMetric(SCRAPER_METRICS.runSkipped, MetricUnit.Count, counts.skipped ? 1 : 0);
  metrics.publishStoredMetrics();
}
