import { type IsoWeek, SOURCES, type Source, type WeekSummary } from '@celebrity-pipeline/core';

/** One line of `top --json`. */
export interface TopEntry {
  celebrityId: string;
  name: string;
  rank: number;
  score: number;
  /** `null` when the celebrity had no summary the week before. */
  previousRank: number | null;
  /** `null` when the celebrity had no summary the week before. */
  scoreChange: number | null;
  sourcesPresent: Source[];
}

/** `top --json`. */
export interface TopView {
  week: IsoWeek;
  rankedCount: number;
  entries: TopEntry[];
}

/** The top of a week, from its summaries (best first). */
export function topView(week: IsoWeek, summaries: readonly WeekSummary[]): TopView {
  return {
    week,
    rankedCount: summaries[0]?.ranked_count ?? 0,
    entries: summaries.map((summary) => ({
      celebrityId: summary.celebrity_id,
      name: summary.celebrity_name,
      rank: summary.rank,
      score: summary.score,
      previousRank: summary.previous_rank,
      scoreChange: summary.score_change,
      sourcesPresent: summary.sources_present,
    })),
  };
}

/** `top` as text: one aligned row per celebrity. */
export function formatTop(view: TopView): string[] {
  if (view.entries.length === 0) {
    return [`No rankings for week ${view.week}: run the week first (\`celebrity-pipeline run --week ${view.week}\`).`];
  }
  const nameWidth = Math.max(4, ...view.entries.map((entry) => entry.name.length));
  const header = `${'rank'.padStart(4)}  ${'name'.padEnd(nameWidth)}  ${'score'.padStart(6)}  ${'prev'.padStart(4)}  ${'change'.padStart(7)}  sources`;
  return [
    `Top ${view.entries.length} of ${view.rankedCount} in week ${view.week}`,
    header,
    ...view.entries.map(
      (entry) =>
        `${String(entry.rank).padStart(4)}  ${entry.name.padEnd(nameWidth)}  ${entry.score.toFixed(4).padStart(6)}  ${(entry.previousRank === null ? '–' : String(entry.previousRank)).padStart(4)}  ${signed(entry.scoreChange).padStart(7)}  ${entry.sourcesPresent.length}/${SOURCES.length}`,
    ),
  ];
}

/** One source of one week in `history --json`. */
export interface HistorySource {
  weight: number;
  sentiment: string;
  sentimentScore: number;
}

/** One week of `history --json`. */
export interface HistoryWeek {
  week: IsoWeek;
  score: number;
  rank: number;
  sentimentScore: number | null;
  /** Each source's weight and sentiment; `null` for a source missing that week. */
  sources: Record<Source, HistorySource | null>;
}

/** `history --json`. */
export interface HistoryView {
  celebrityId: string;
  name: string | null;
  fromWeek: IsoWeek;
  toWeek: IsoWeek;
  /** Oldest first; weeks without a summary are left out. */
  weeks: HistoryWeek[];
}

/** A celebrity's series of weeks, from its summaries. */
export function historyView(
  celebrityId: string,
  range: { fromWeek: IsoWeek; toWeek: IsoWeek },
  summaries: readonly WeekSummary[],
): HistoryView {
  return {
    celebrityId,
    name: summaries.at(-1)?.celebrity_name ?? null,
    ...range,
    weeks: summaries.map((summary) => ({
      week: summary.summary_week,
      score: summary.score,
      rank: summary.rank,
      sentimentScore: summary.sentiment_score,
      sources: Object.fromEntries(
        SOURCES.map((source) => {
          const entry = summary.sources[source];
          return [
            source,
            entry ? { weight: entry.weight, sentiment: entry.sentiment, sentimentScore: entry.sentiment_score } : null,
          ];
        }),
      ) as Record<Source, HistorySource | null>,
    })),
  };
}

/** `history` as text: one row per week with the score, rank and each source's weight and sentiment. */
export function formatHistory(view: HistoryView): string[] {
  if (view.weeks.length === 0) {
    return [`No scores for \`${view.celebrityId}\` from ${view.fromWeek} to ${view.toWeek}.`];
  }
  const sourceHeader = SOURCES.map((source) => source.padStart(15)).join('');
  return [
    `${view.name ?? view.celebrityId} (${view.celebrityId}), ${view.fromWeek} to ${view.toWeek}: weight/sentiment per source`,
    `${'week'.padEnd(8)}  ${'score'.padStart(6)}  ${'rank'.padStart(4)}  ${'tone'.padStart(7)}${sourceHeader}`,
    ...view.weeks.map((week) => {
      const cells = SOURCES.map((source) => {
        const entry = week.sources[source];
        return (entry ? `${entry.weight.toFixed(2)}/${signed(entry.sentimentScore, 2)}` : '–').padStart(15);
      }).join('');
      return `${week.week.padEnd(8)}  ${week.score.toFixed(4).padStart(6)}  ${String(week.rank).padStart(4)}  ${signed(week.sentimentScore).padStart(7)}${cells}`;
    }),
  ];
}

function signed(value: number | null, digits = 4): string {
  if (value === null) return '–';
  return `${value > 0 ? '+' : ''}${value.toFixed(digits)}`;
}
