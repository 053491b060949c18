import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type IsoWeek, previousIsoWeek, type WeekSummary } from '@celebrity-pipeline/core';
import { listCelebrityHistory, listStoredWeeks, listWeekRanking } from '@celebrity-pipeline/core/dynamodb';
import { DEFAULT_TREND_WEEKS } from '@celebrity-pipeline/report';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import { parseWeekOption } from '../option-parsers.js';
import { formatHistory, formatTop, type HistoryView, historyView, type TopView, topView } from './ranking-views.js';

/** Where the summaries are read from: the local table or the deployed one. */
export interface RankingSource {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/** `--week`, else the latest week that holds observations, else the current ISO week. */
export async function weekOrLatest(source: RankingSource, week: string | undefined, now: Date): Promise<IsoWeek> {
  if (week !== undefined) return parseWeekOption(week, now);
  return (await listStoredWeeks(source)).at(-1) ?? parseWeekOption(undefined, now);
}

/** The top `limit` of a week: one Query on `ranking-index`. */
export async function readTop(source: RankingSource, week: IsoWeek, limit: number): Promise<TopView> {
  const { summaries } = await listWeekRanking({ ...source, week, limit });
  return topView(week, summaries);
}

/** A celebrity's last `weeks` weeks up to `toWeek`: one Query on its partition. */
export async function readHistory(
  source: RankingSource,
  celebrityId: string,
  toWeek: IsoWeek,
  weeks: number,
): Promise<HistoryView> {
  let fromWeek = toWeek;
  for (let count = 1; count < weeks; count++) fromWeek = previousIsoWeek(fromWeek);
  const { summaries } = await listCelebrityHistory({ ...source, celebrityId, fromWeek, toWeek });
  return historyView(celebrityId, { fromWeek, toWeek }, summaries);
}

/** The summaries of the `weeks` weeks ending with `week` (one ranking-index Query per week), for the report's trends. */
export async function readTrendSummaries(
  source: RankingSource,
  week: IsoWeek,
  weeks: number = DEFAULT_TREND_WEEKS,
): Promise<WeekSummary[]> {
  const trendWeeks = [week];
  while (trendWeeks.length < weeks) trendWeeks.push(previousIsoWeek(trendWeeks.at(-1) as IsoWeek));
  const rankings = await Promise.all(trendWeeks.map((trendWeek) => listWeekRanking({ ...source, week: trendWeek })));
  return rankings.flatMap((ranking) => ranking.summaries);
}

/** Prints `top` as text or, with `--json`, the JSON alone. */
export function printTop(view: TopView, isJson: boolean, io: CommandIo): number {
  if (isJson) printJson(io, view);
  else for (const line of formatTop(view)) printLine(io, line);
  return 0;
}

/** Prints `history` as text or, with `--json`, the JSON alone. */
export function printHistory(view: HistoryView, isJson: boolean, io: CommandIo): number {
  if (isJson) printJson(io, view);
  else for (const line of formatHistory(view)) printLine(io, line);
  return 0;
}
