import type { Observation, Signals, WeekWindow } from '@celebrity-pipeline/core';
import type { PageviewsResponse, WikipediaSummary } from './wikipedia-responses.js';

/**
 * Days after which a day's pageviews are certainly published: a day D is final from 00:00 UTC of D + 2.
 * Yesterday is often not loaded a few hours after midnight UTC (`research/source-apis.md`, Corrections), so a
 * day AQS omits counts as 0 views only once it is final, and as not measured (`null`) before.
 */
export const PAGEVIEWS_PUBLISH_LAG_DAYS = 2;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → the `YYYYMMDD00` form AQS expects (dropping the hour is a 404 on some routes). */
export function aqsTimestamp(day: string): string {
  return `${day.replaceAll('-', '')}00`;
}

/** A title as the REST API wants it in a path: underscores, percent-encoded (`/` too). */
export function encodeTitle(title: string): string {
  return encodeURIComponent(title.trim().replaceAll(' ', '_'));
}

/** True when the views of `day` (`YYYY-MM-DD`) are final at `now` ({@link PAGEVIEWS_PUBLISH_LAG_DAYS}). */
export function isPublishedDay(day: string, now: Date): boolean {
  return Date.parse(`${day}T00:00:00Z`) + PAGEVIEWS_PUBLISH_LAG_DAYS * DAY_MS <= now.getTime();
}

/**
 * Daily views for each of `days` (`YYYY-MM-DD`, oldest first). A day AQS returned has its views; a day it
 * omitted has 0 views when it is published (AQS omits days without views) and `null` when it may not be loaded
 * yet ({@link isPublishedDay}). `response` undefined is AQS's 404: no views in the range. Pure.
 * @example dailyViews(['2026-11-20', '2026-11-21'], { items: [{ timestamp: '2026112000', views: 5 }] }, new Date('2026-11-22T02:00:00Z')) // [5, null]
 */
export function dailyViews(
  days: readonly string[],
  response: PageviewsResponse | undefined,
  now: Date,
): (number | null)[] {
  const byDay = new Map<string, number>();
  for (const item of response?.items ?? []) {
    const day = item.timestamp.slice(0, 8);
    byDay.set(day, (byDay.get(day) ?? 0) + item.views);
  }
  return days.map((day) => byDay.get(day.replaceAll('-', '')) ?? (isPublishedDay(day, now) ? 0 : null));
}

/**
 * The Wikipedia signals of a week from its daily views: `pageviews_7d` is the sum of the measured days (`null`
 * when none is), `days_measured` how many there are. A week with fewer than 7 measured days is a lower bound,
 * never scaled up. Pure.
 */
export function weekPageviews(window: WeekWindow, daily: readonly (number | null)[]): Signals<'wikipedia'> {
  const measured = daily.filter((views): views is number => views !== null);
  return {
    pageviews_7d: measured.length === 0 ? null : measured.reduce((total, views) => total + views, 0),
    daily_pageviews: [...daily],
    days_measured: measured.length,
    ...(measured.length === 0
      ? {
          not_measured_reason: `wikimedia has published no day of ${window.week} yet (${window.dates[0]} to ${window.dates.at(-1)})`,
        }
      : {}),
  };
}

/** The signals of a week Wikimedia refused to serve (rate limited beyond the retry budget). Pure. */
export function unmeasuredPageviews(window: WeekWindow, reason: string): Signals<'wikipedia'> {
  return {
    pageviews_7d: null,
    daily_pageviews: window.dates.map(() => null),
    days_measured: 0,
    not_measured_reason: reason,
  };
}

/** Summary + the week's signals → the Wikipedia observation: text = the extract. Pure. */
export function mapWikipedia(
  summary: WikipediaSummary | undefined,
  signals: Signals<'wikipedia'>,
  title: string,
): Observation<'wikipedia'> {
  const extract = summary?.extract.trim() ?? '';
  return {
    source: 'wikipedia',
    signals,
    texts: extract ? [{ text: extract }] : [],
    sourceRef: summary?.titles.canonical ?? title,
  };
}
