import {
  type CelebrityItem,
  type Check,
  isEnriched,
  type RunSummary,
  SENTIMENT_LABELS,
  type SentimentLabel,
  type Source,
  WEEK_CHECK_IDS,
  type WeekCheckId,
  type WeightStatistics,
  weekChecks,
  weightStatistics,
} from '@celebrity-pipeline/core';

/** The checks of a local cycle, by stable id: core's Phase 4C checks of the week, then the cycle's own. */
export const CYCLE_CHECK_IDS = [
  ...WEEK_CHECK_IDS,
  'every-scraper-succeeded',
  'no-stream-record-dead-lettered',
] as const;
export type CycleCheckId = WeekCheckId | 'every-scraper-succeeded' | 'no-stream-record-dead-lettered';

/** What one source did in a run. */
export interface SourceRun {
  source: Source;
  status: 'succeeded' | 'failed' | 'skipped' | 'dead-lettered' | 'not-run';
  written: number;
  failed: number;
  durationMs: number;
  /** Why the invocation failed (dead-lettered), when it did. */
  error?: string;
}

export type { Check };

/** The spec's Phase 4C figures and checks for one week. */
export interface WeekReport {
  week: string;
  expectedItems: number;
  written: number;
  enriched: number;
  unenriched: number;
  deadLettered: number;
  weight: WeightStatistics | null;
  sentiment: Record<SentimentLabel, number>;
  sources: SourceRun[];
  wallTimeMs: number;
  checks: Check<CycleCheckId>[];
  isPassed: boolean;
}

/** Input of {@link buildWeekReport}. */
export interface WeekReportInput {
  week: string;
  items: readonly CelebrityItem[];
  expectedItems: number;
  sources: readonly SourceRun[];
  deadLetteredItems: number;
  wallTimeMs: number;
}

/** Items per sentiment label (every label present, 0 when unused). */
export function sentimentCounts(items: readonly CelebrityItem[]): Record<SentimentLabel, number> {
  const counts = Object.fromEntries(SENTIMENT_LABELS.map((label) => [label, 0])) as Record<SentimentLabel, number>;
  for (const item of items) if (item.sentiment) counts[item.sentiment] += 1;
  return counts;
}

/** Per-source figures from a RunSummary (or its absence when the invocation failed). */
export function sourceRunOf(
  source: Source,
  items: readonly CelebrityItem[],
  invocation: { summary?: RunSummary; isDeadLettered: boolean; durationMs: number; error?: string },
): SourceRun {
  const written = items.filter((item) => item.source === source).length;
  const summary = invocation.summary;
  if (invocation.isDeadLettered || !summary) {
    return {
      source,
      status: invocation.isDeadLettered ? 'dead-lettered' : 'not-run',
      written,
      failed: summary?.failed.length ?? 0,
      durationMs: invocation.durationMs,
      ...(invocation.error ? { error: invocation.error } : {}),
    };
  }
  return { source, status: summary.status, written, failed: summary.failed.length, durationMs: invocation.durationMs };
}

/**
 * The week's figures and checks after a local cycle: core's Phase 4C checks (every expected item written, fewer
 * than `MAXIMUM_UNENRICHED_ITEMS` un-enriched, weights in [0, 1]), then every scraper succeeded and nothing
 * dead-lettered.
 */
export function buildWeekReport(input: WeekReportInput): WeekReport {
  const written = input.items.length;
  const enriched = input.items.filter(isEnriched).length;
  const failedSources = input.sources.filter((source) => source.status !== 'succeeded');
  const checks: Check<CycleCheckId>[] = [
    ...weekChecks({ items: input.items, expectedItems: input.expectedItems }),
    {
      id: 'every-scraper-succeeded',
      name: 'every scraper succeeded',
      isPassed: failedSources.length === 0,
      detail:
        failedSources.length === 0
          ? `${input.sources.length} of ${input.sources.length}`
          : failedSources.map((source) => `${source.source}: ${source.status}`).join(', '),
    },
    {
      id: 'no-stream-record-dead-lettered',
      name: 'no stream record dead-lettered',
      isPassed: input.deadLetteredItems === 0,
      detail: `${input.deadLetteredItems} item(s) in the DLQ`,
    },
  ];
  return {
    week: input.week,
    expectedItems: input.expectedItems,
    written,
    enriched,
    unenriched: written - enriched,
    deadLettered: input.deadLetteredItems,
    weight: weightStatistics(input.items),
    sentiment: sentimentCounts(input.items),
    sources: [...input.sources],
    wallTimeMs: input.wallTimeMs,
    checks,
    isPassed: checks.every((check) => check.isPassed),
  };
}
