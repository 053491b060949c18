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
