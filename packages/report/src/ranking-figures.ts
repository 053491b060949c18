import { type IsoWeek, previousIsoWeek, type WeekSummary } from '@celebrity-pipeline/core';

/** How many celebrities the rankings table shows. */
export const RANKING_TOP_COUNT = 20;
/** How many risers and fallers are listed. */
export const RANKING_MOVERS_COUNT = 5;
/** Weeks of score trend shown by default, ending with the report's week. */
export const DEFAULT_TREND_WEEKS = 8;

/** One celebrity of the rankings section. */
export interface RankingRow {
  celebrityId: string;
  name: string;
  rank: number;
  score: number;
  previousRank: number | null;
  /** `previousRank - rank`: positive = moved up; `null` when new this week. */
  rankChange: number | null;
  scoreChange: number | null;
  /** Score per trend week, oldest first; `null` for a week without a summary. */
  trend: (number | null)[];
}

/** The rankings and trends of one week. */
export interface RankingFigures {
  week: IsoWeek;
  /** The trend window, oldest first (ends with `week`). */
  trendWeeks: IsoWeek[];
  rankedCount: number;
  /** The week's top {@link RANKING_TOP_COUNT}. */
  top: RankingRow[];
  /** Biggest climbers (largest positive rank change), at most {@link RANKING_MOVERS_COUNT}. */
  risers: RankingRow[];
  /** Biggest fallers (most negative rank change), at most {@link RANKING_MOVERS_COUNT}. */
  fallers: RankingRow[];
}

/**
 * The rankings of `week` from celebrity-week summaries (core's `rollUpWeek`) of that week and the weeks before:
 * the top 20 with rank changes, the biggest movers both ways, and each shown celebrity's score per week over the
 * trend window. Pure; summaries outside the window are ignored.
 */
export function computeRankingFigures(
  summaries: readonly WeekSummary[],
  week: IsoWeek,
  trendWeekCount: number = DEFAULT_TREND_WEEKS,
): RankingFigures {
  const trendWeeks = weeksEndingWith(week, trendWeekCount);
  const scores = new Map<string, number>();
  for (const summary of summaries) scores.set(`${summary.celebrity_id}|${summary.summary_week}`, summary.score);
  const ranked = summaries
    .filter((summary) => summary.summary_week === week)
    .sort((left, right) => left.rank - right.rank || compareText(left.celebrity_id, right.celebrity_id))
    .map((summary) => rowOf(summary, trendWeeks, scores));
  const moved = ranked.filter((row) => row.rankChange !== null && row.rankChange !== 0);
  const byChange = (sign: 1 | -1) =>
    moved
      .filter((row) => Math.sign(row.rankChange ?? 0) === sign)
      .sort((left, right) => sign * ((right.rankChange ?? 0) - (left.rankChange ?? 0)) || left.rank - right.rank)
      .slice(0, RANKING_MOVERS_COUNT);
  return {
    week,
    trendWeeks,
    rankedCount: ranked.length,
    top: ranked.slice(0, RANKING_TOP_COUNT),
    risers: byChange(1),
    fallers: byChange(-1),
  };
}

function rowOf(summary: WeekSummary, trendWeeks: readonly IsoWeek[], scores: Map<string, number>): RankingRow {
  return {
    celebrityId: summary.celebrity_id,
    name: summary.celebrity_name,
    rank: summary.rank,
    score: summary.score,
    previousRank: summary.previous_rank,
    rankChange: summary.rank_change,
    scoreChange: summary.score_change,
    trend: trendWeeks.map((trendWeek) => scores.get(`${summary.celebrity_id}|${trendWeek}`) ?? null),
  };
}

function weeksEndingWith(week: IsoWeek, count: number): IsoWeek[] {
  const weeks = [week];
  while (weeks.length < Math.max(1, count)) weeks.unshift(previousIsoWeek(weeks[0] as IsoWeek));
  return weeks;
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
