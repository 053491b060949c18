import { ValidationError } from './errors.js';

/** An ISO-8601 week such as `2026-W48`. */
export type IsoWeek = `${number}-W${string}`;

const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** The ISO week (Monday to Sunday, UTC) that contains `date`. */
export function isoWeekOf(date: Date): IsoWeek {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday 00:00 UTC of an ISO week. */
function mondayOf(year: number, week: number): Date {
  const january4 = new Date(Date.UTC(year, 0, 4));
  const weekday = january4.getUTCDay() || 7;
  return new Date(Date.UTC(year, 0, 4 - weekday + 1 + (week - 1) * 7));
}

/**
 * Validates `YYYY-Www` and returns it typed.
 * @throws ValidationError for a malformed week or a week number the year does not have.
 */
export function parseIsoWeek(value: string): IsoWeek {
  const match = ISO_WEEK_PATTERN.exec(value);
  if (!match) throw new ValidationError(`Invalid ISO week \`${value}\`: expected YYYY-Www, e.g. 2026-W48`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || isoWeekOf(mondayOf(year, week)) !== value) {
    throw new ValidationError(`Invalid ISO week \`${value}\`: ${year} has no week ${week}`);
  }
  return value as IsoWeek;
}

/** First instant (Monday 00:00 UTC) and end (next Monday 00:00 UTC, exclusive) of an ISO week. */
export function isoWeekRange(week: IsoWeek): { start: Date; end: Date } {
  const [year, number] = week.split('-W').map(Number) as [number, number];
  const start = mondayOf(year, number);
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/**
 * The last `days` full UTC days before `now` (today excluded, because today's figures are incomplete),
 * oldest first, as `YYYY-MM-DD`.
 */
export function lastFullDays(now: Date, days = 7): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, index) =>
    new Date(today - (days - index) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The ISO week before `week` (crosses year boundaries, including 53-week years). */
export function previousIsoWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(new Date(isoWeekRange(week).start.getTime() - DAY_MS));
}

/** The ISO week after `week`. */
export function nextIsoWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(isoWeekRange(week).end);
}

/**
 * The week a run at `at` collects: the last ISO week that has fully ended by then.
 *
 * The scheduled run fires on Sunday 02:00 UTC, when its own ISO week still has 22 hours to go and the last days
 * of data (Wikimedia's daily pageviews, NewsAPI's 24 h delay) are not published yet. It therefore collects the
 * previous ISO week, Monday 00:00 to Sunday 24:00 UTC, which ended six days earlier and is complete at every
 * source. The item keys, `verify` and the report all use this week.
 */
export function collectedWeekAt(at: Date): IsoWeek {
  return previousIsoWeek(isoWeekOf(at));
}

/** The measurement window of an ISO week: its 7 UTC dates (`YYYY-MM-DD`, Monday first) and its instants. */
export interface WeekWindow {
  readonly week: IsoWeek;
  /** Monday 00:00:00.000 UTC. */
  readonly start: Date;
  /** The next Monday 00:00 UTC (exclusive end). */
  readonly end: Date;
  /** Sunday 23:59:59 UTC (the inclusive last second, for APIs that take an inclusive end). */
  readonly lastSecond: Date;
  readonly dates: readonly string[];
}

/** The measurement window of `week`. Every source measures exactly this window wherever its API allows. */
export function weekWindow(week: IsoWeek): WeekWindow {
  const { start, end } = isoWeekRange(week);
  const dates = Array.from({ length: 7 }, (_, index) =>
    new Date(start.getTime() + index * DAY_MS).toISOString().slice(0, 10),
  );
  return { week, start, end, lastSecond: new Date(end.getTime() - 1000), dates };
}
