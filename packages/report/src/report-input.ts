import type { Celebrity, CelebrityItem, IsoWeek, RunSummary, WeekSummary } from '@celebrity-pipeline/core';

/** One dead-letter message as the report shows it (the CLI maps the local DLQ or SQS messages to this). */
export interface ReportDeadLetter {
  id: string;
  /** A source (`tmdb`...) or the stage that failed, e.g. `post-processor` for a stream batch. */
  source: string;
  /** What failed, e.g. `scraper-invocation` or `stream-batch`. */
  kind: string;
  /** Why it failed, e.g. `retries-exhausted: TimeoutError: ...`. */
  reason: string;
  /** ISO week the failed work was for, when the message says; otherwise `failedAt` decides the week. */
  week?: string;
  /** ISO-8601 time the message was dead-lettered. */
  failedAt: string;
  /** A short, human-readable description of the payload (records, event). */
  payloadSummary: string;
}

/** Everything {@link computeReportFigures} reads. */
export interface ReportInput {
  /** The ISO week to report on, e.g. `2026-W48`. */
  week: IsoWeek | string;
  /** The week's items (core's `listWeekItems`); items of other weeks are ignored. */
  items: readonly CelebrityItem[];
  /** Every run summary in the ledger (all weeks, for the history), e.g. from `createRunLedger().listRuns()`. */
  runs: readonly RunSummary[];
  /** Dead-letter messages; only the week's are reported. */
  deadLetters?: readonly ReportDeadLetter[];
  /** The followed celebrities, in list order: without it the coverage grid only knows who appears in the data. */
  celebrities?: readonly Pick<Celebrity, 'id' | 'name'>[];
  /** When the report is made (shown on the page); passed in so the figures stay pure. */
  now?: Date;
  /** How many weeks of history, ending with `week`. Default {@link DEFAULT_HISTORY_WEEKS}. */
  historyWeeks?: number;
  /**
   * Celebrity-week summaries (core's `listWeekRanking`) of `week` and the weeks before it, for the rankings and
   * trends section. Default: none (the section says the week has not been rolled up).
   */
  summaries?: readonly WeekSummary[];
  /** Weeks of score trend, ending with `week`. Default `DEFAULT_TREND_WEEKS` (8). */
  trendWeeks?: number;
}

/** Weeks of run history shown by default. */
export const DEFAULT_HISTORY_WEEKS = 12;
