import {
  type Check,
  type IsoWeek,
  isEnriched,
  isoWeekOf,
  itemsEnrichedCheck,
  MAXIMUM_UNENRICHED_ITEMS,
  parseIsoWeek,
  SOURCES,
  type WeekCheckId,
  weekChecks,
  weightsInRangeCheck,
} from '@celebrity-pipeline/core';
import { type CoverageFigures, computeCoverage } from './coverage-grid.js';
import { computeRankingFigures, DEFAULT_TREND_WEEKS, type RankingFigures } from './ranking-figures.js';
import { DEFAULT_HISTORY_WEEKS, type ReportDeadLetter, type ReportInput } from './report-input.js';
import { computeRunHistory, type HistoryFigures } from './run-history.js';
import { computeSentimentFigures, type SentimentFigures } from './sentiment-mix.js';
import { computeWeightFigures, type WeightFigures } from './weight-distribution.js';

/** The page header: the spec's Phase 4C checks in figures. */
export interface HeaderFigures {
  /** Items of the week in the table (the spec's `attribute_exists(timestamp)` count). */
  items: number;
  /** Celebrities × sources when the celebrity list was given (the spec's "~400 entries"), else `null`. */
  expectedItems: number | null;
  /** Items with both weight and sentiment. */
  enriched: number;
  /** Items missing weight or sentiment. */
  unEnriched: number;
  /** Core's `MAXIMUM_UNENRICHED_ITEMS`: the check passes below it. */
  unEnrichedThreshold: number;
  /** Core's `items-enriched` check passes (`unEnriched` below the threshold). */
  isUnEnrichedCheckPassing: boolean;
  /**
   * Core's Phase 4C checks of the week, by id: `items-written` (only when the celebrity list was given),
   * `items-enriched`, `weights-in-range`.
   */
  checks: Check<WeekCheckId>[];
  /** Celebrity × source cells whose collection failed this week (not written since). */
  failures: number;
  /** Cells not collected because the source was skipped (missing credentials). */
  skipped: number;
  /** Cells with no item and nothing that explains why. */
  missing: number;
  /** Dead-letter messages of the week. */
  deadLetters: number;
}

/** Everything the report shows; plain JSON (what `celebrity-pipeline report --json` prints). */
export interface ReportFigures {
  week: IsoWeek;
  /** ISO-8601 time the report was made, when `now` was given. */
  generatedAt: string | null;
  header: HeaderFigures;
  weight: WeightFigures;
  sentiment: SentimentFigures;
  coverage: CoverageFigures;
  history: HistoryFigures;
  rankings: RankingFigures;
  /** The week's dead letters, oldest first. */
  deadLetters: ReportDeadLetter[];
}

/**
 * Computes the report of one week from the table's items, the run ledger and the DLQ. Pure: no I/O, no clock.
 * @throws ValidationError (core) for a malformed week.
 * @example
 * const { items } = await listWeekItems({ client, tableName, week });
 * const { runs } = await createRunLedger({ client, tableName: ledgerTableName }).listRuns();
 * const figures = computeReportFigures({ week, items, runs: runs.flatMap((run) => run.summaries) });
 */
export function computeReportFigures(input: ReportInput): ReportFigures {
  const week = parseIsoWeek(input.week);
  const items = input.items.filter((item) => item.week === week);
  const weekSummaries = input.runs.filter((summary) => summary.week === week);
  const coverage = computeCoverage(items, weekSummaries, input.celebrities);
  const deadLetters = weekDeadLetters(input.deadLetters ?? [], week);
  return {
    week,
    generatedAt: input.now?.toISOString() ?? null,
    header: headerFigures(items, coverage, deadLetters.length, input.celebrities?.length),
    weight: computeWeightFigures(items),
    sentiment: computeSentimentFigures(items),
    coverage,
    history: computeRunHistory(input.runs, week, input.historyWeeks ?? DEFAULT_HISTORY_WEEKS),
    rankings: computeRankingFigures(input.summaries ?? [], week, input.trendWeeks ?? DEFAULT_TREND_WEEKS),
    deadLetters,
  };
}

function headerFigures(
  items: ReportInput['items'],
  coverage: CoverageFigures,
  deadLetters: number,
  celebrities: number | undefined,
): HeaderFigures {
  const enriched = items.filter(isEnriched).length;
  const unEnriched = items.length - enriched;
  const expectedItems = celebrities === undefined ? null : celebrities * SOURCES.length;
  const checks =
    expectedItems === null
      ? [itemsEnrichedCheck({ items }), weightsInRangeCheck({ items })]
      : weekChecks({ items, expectedItems });
  const totals = Object.values(coverage.totals);
  const sum = (status: 'failed' | 'skipped' | 'missing') => totals.reduce((total, entry) => total + entry[status], 0);
  return {
    items: items.length,
    expectedItems,
    enriched,
    unEnriched,
    unEnrichedThreshold: MAXIMUM_UNENRICHED_ITEMS,
    isUnEnrichedCheckPassing: checks.find((check) => check.id === 'items-enriched')?.isPassed ?? false,
    checks,
    failures: sum('failed'),
    skipped: sum('skipped'),
    missing: sum('missing'),
    deadLetters,
  };
}

/** Dead letters of `week` (by their `week`, else by the week `failedAt` falls in), oldest first. */
export function weekDeadLetters(deadLetters: readonly ReportDeadLetter[], week: IsoWeek): ReportDeadLetter[] {
  return deadLetters
    .filter((deadLetter) => deadLetterWeek(deadLetter) === week)
    .sort((left, right) => Date.parse(left.failedAt) - Date.parse(right.failedAt) || (left.id < right.id ? -1 : 1));
}

function deadLetterWeek(deadLetter: ReportDeadLetter): string | null {
  if (deadLetter.week !== undefined) return deadLetter.week;
  const failedAt = new Date(deadLetter.failedAt);
  return Number.isNaN(failedAt.getTime()) ? null : isoWeekOf(failedAt);
}
