import {
  type CelebrityItem,
  isEnriched,
  type RunSummary,
  SENTIMENT_LABELS,
  type SentimentLabel,
  type Source,
} from '@celebrity-pipeline/core';

/** The spec's threshold for un-enriched items after a run (Phase 4C: "< 10 entries"). */
export const MAXIMUM_UNENRICHED_ITEMS = 10;

/** One PASS/FAIL line. */
export interface Check {
  name: string;
  isPassed: boolean;
  detail: string;
}

/** What one source did in a run. */
export interface SourceRun {
  source: Source;
  status: RunSummary['status'] | 'dead-lettered' | 'not-run';
  written: number;
  failed: number;
  durationMs: number;
  /** Why the invocation failed (dead-lettered), when it did. */
  error?: string;
}

/** The spec's Phase 4C figures and checks for one week. */
export interface WeekReport {
  week: string;
  expectedItems: number;
  written: number;
  enriched: number;
  unenriched: number;
  deadLettered: number;
  weight: { min: number; max: number; avg: number } | null;
  sentiment: Record<SentimentLabel, number>;
  sources: SourceRun[];
  wallTimeMs: number;
  checks: Check[];
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
  maximumUnenriched?: number;
}

/** Weight min/max/avg over enriched items, rounded to 4 decimals; null when none is enriched. */
export function weightStatistics(items: readonly CelebrityItem[]): WeekReport['weight'] {
  const weights = items.flatMap((item) => (item.weight === undefined ? [] : [item.weight]));
  if (weights.length === 0) return null;
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return { min: round(Math.min(...weights)), max: round(Math.max(...weights)), avg: round(sum / weights.length) };
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
 * The Phase 4C checks: every expected item written, fewer than 10 un-enriched, weights in [0, 1], every
 * scraper succeeded, nothing dead-lettered.
 */
export function buildWeekReport(input: WeekReportInput): WeekReport {
  const maximumUnenriched = input.maximumUnenriched ?? MAXIMUM_UNENRICHED_ITEMS;
  const written = input.items.length;
  const enriched = input.items.filter(isEnriched).length;
  const unenriched = written - enriched;
  const weight = weightStatistics(input.items);
  const failedSources = input.sources.filter((source) => source.status !== 'succeeded');
  const checks: Check[] = [
    {
      name: 'items written',
      isPassed: written === input.expectedItems,
      detail: `${written} of ${input.expectedItems} expected`,
    },
    {
      name: 'items enriched (weight and sentiment)',
      isPassed: unenriched < maximumUnenriched,
      detail: `${enriched} enriched, ${unenriched} un-enriched (must be < ${maximumUnenriched})`,
    },
    {
      name: 'weights within [0, 1]',
      isPassed: weight !== null && weight.min >= 0 && weight.max <= 1,
      detail: weight ? `min ${weight.min}, max ${weight.max}, avg ${weight.avg}` : 'no weight at all',
    },
    {
      name: 'every scraper succeeded',
      isPassed: failedSources.length === 0,
      detail:
        failedSources.length === 0
          ? `${input.sources.length} of ${input.sources.length}`
          : failedSources.map((source) => `${source.source}: ${source.status}`).join(', '),
    },
    {
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
    unenriched,
    deadLettered: input.deadLetteredItems,
    weight,
    sentiment: sentimentCounts(input.items),
    sources: [...input.sources],
    wallTimeMs: input.wallTimeMs,
    checks,
    isPassed: checks.every((check) => check.isPassed),
  };
}
