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

/** Log message of a run's start; infra counts it (a metric filter) to alarm on a missed schedule. */
export const RUN_STARTED_MESSAGE = 'run started';

/** Powertools service name of a source's scraper: the `service` dimension of its metrics and key of its logs. */
export function scraperServiceName(source: Source): string {
  return `scraper-${source}`;
}

/** The dimensions every scraper metric carries (Powertools' default `service` plus `source`). */
export function scraperMetricDimensions(source: Source): { service: string; source: Source } {
  return { service: scraperServiceName(source), source };
}

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'];

/**
 * A JSON-lines logger for a source's scraper (`service` = `scraper-<source>`, key `source`).
 * @param logLevel e.g. `INFO` or `SILENT`; default: Powertools' own (`POWERTOOLS_LOG_LEVEL`, else INFO).
 */
export function createScraperLogger(source: Source, logLevel?: string): Logger {
  const level = logLevel?.toUpperCase();
  return new Logger({
    serviceName: scraperServiceName(source),
    persistentKeys: { source },
    ...(level && LOG_LEVELS.includes(level) ? { logLevel: level as LogLevel } : {}),
  });
}

/** EMF metrics for a source's scraper. */
export function createScraperMetrics(source: Source): Metrics {
  return new Metrics({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE,
    serviceName: scraperServiceName(source),
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
