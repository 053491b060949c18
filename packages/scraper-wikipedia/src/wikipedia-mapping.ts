import type { Observation } from '@celebrity-pipeline/core';
import type { PageviewsResponse, WikipediaSummary } from './wikipedia-responses.js';

/** `YYYY-MM-DD` → the `YYYYMMDD00` form AQS expects (dropping the hour is a 404 on some routes). */
export function aqsTimestamp(day: string): string {
  return `${day.replaceAll('-', '')}00`;
}

/** A title as the REST API wants it in a path: underscores, percent-encoded (`/` too). */
export function encodeTitle(title: string): string {
  return encodeURIComponent(title.trim().replaceAll(' ', '_'));
}

/**
 * Daily views for each of `days` (`YYYY-MM-DD`, oldest first), 0 for days AQS omitted. Pure.
 * @example zeroFilledViews(['2026-11-20', '2026-11-21'], { items: [{ timestamp: '2026112100', views: 5 }] }) // [0, 5]
 */
export function zeroFilledViews(days: readonly string[], response: PageviewsResponse | undefined): number[] {
  const byDay = new Map<string, number>();
  for (const item of response?.items ?? []) {
    const day = item.timestamp.slice(0, 8);
    byDay.set(day, (byDay.get(day) ?? 0) + item.views);
  }
  return days.map((day) => byDay.get(day.replaceAll('-', '')) ?? 0);
}

/** Summary + daily views → the Wikipedia observation: signal = weekly pageviews; text = extract. Pure. */
export function mapWikipedia(summary: WikipediaSummary, dailyViews: readonly number[]): Observation<'wikipedia'> {
  const extract = summary.extract.trim();
  return {
    source: 'wikipedia',
    signals: { pageviews_7d: dailyViews.reduce((total, views) => total + views, 0), daily_pageviews: [...dailyViews] },
    texts: extract ? [{ text: extract }] : [],
    sourceRef: summary.titles.canonical,
  };
}
