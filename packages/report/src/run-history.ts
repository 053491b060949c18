import type { IsoWeek, RunSummary, Source } from '@celebrity-pipeline/core';

/** What the runs of one week did, summed over its invocations. */
export interface WeekHistory {
  week: IsoWeek;
  /** Distinct run ids. */
  runs: number;
  /** Items written (new or changed), summed over the week's invocations. */
  written: number;
  /** Items found unchanged (same content hash). */
  unchanged: number;
  /** Celebrity failures reported, summed over every attempt of the week. */
  failures: number;
  /** Scraper time per source in ms, summed over the week's invocations; `null` when the source did not run. */
  durationMsBySource: Record<Source, number | null>;
}

/** Run history, oldest week first, ending with the report's week. */
export interface HistoryFigures {
  weeks: WeekHistory[];
}

/**
 * Groups run summaries by week and keeps the last `weeks` weeks up to and including `week` (weeks with no
 * run are not invented).
 * @example computeRunHistory(summaries, '2026-W48', 12).weeks.at(-1)?.week // '2026-W48' when it has runs
 */
export function computeRunHistory(summaries: readonly RunSummary[], week: IsoWeek, weeks: number): HistoryFigures {
  const byWeek = new Map<IsoWeek, RunSummary[]>();
  for (const summary of summaries) {
    if (summary.week > week) continue;
    const group = byWeek.get(summary.week) ?? [];
    group.push(summary);
    byWeek.set(summary.week, group);
  }
  const kept = [...byWeek.keys()].sort().slice(-Math.max(0, weeks));
  return { weeks: kept.map((keptWeek) => weekHistory(keptWeek, byWeek.get(keptWeek) ?? [])) };
}

function weekHistory(week: IsoWeek, summaries: readonly RunSummary[]): WeekHistory {
  const durationMsBySource: Record<Source, number | null> = { tmdb: null, wikipedia: null, news: null, social: null };
  let written = 0;
  let unchanged = 0;
  let failures = 0;
  for (const summary of summaries) {
    written += summary.written;
    unchanged += summary.unchanged;
    failures += summary.failed.length;
    durationMsBySource[summary.source] = (durationMsBySource[summary.source] ?? 0) + summary.durationMs;
  }
  const runs = new Set(summaries.map((summary) => summary.runId)).size;
  return { week, runs, written, unchanged, failures, durationMsBySource };
}
