import { type IsoWeek, weekWindow } from '@celebrity-pipeline/core';

/** `YYYYMMDDHHMMSS` (UTC), the form of GDELT's `startdatetime` / `enddatetime`. */
export function gdeltDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[-:T]/g, '');
}

/**
 * GDELT's window parameters for an ISO week: Monday 00:00:00 to Sunday 23:59:59 UTC (core's `weekWindow`).
 * @example gdeltWindowParams('2026-W40') // { startdatetime: '20260928000000', enddatetime: '20261004235959' }
 */
export function gdeltWindowParams(week: IsoWeek): { startdatetime: string; enddatetime: string } {
  const window = weekWindow(week);
  return { startdatetime: gdeltDateTime(window.start), enddatetime: gdeltDateTime(window.lastSecond) };
}
