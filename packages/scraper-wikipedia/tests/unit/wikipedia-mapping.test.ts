import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildItem, weekWindow } from '@celebrity-pipeline/core';
import { canonicalTitleOf, readFixtures } from '@celebrity-pipeline/fixtures';
import { describe, expect, it } from 'vitest';
import {
  aqsTimestamp,
  dailyViews,
  encodeTitle,
  isPublishedDay,
  mapWikipedia,
  unmeasuredPageviews,
  WikipediaSummarySchema,
  weekPageviews,
} from '../../src/index.js';

const fixtures = await readFixtures();
const { celebrities } = defaultCelebrityList();
const window = weekWindow('2026-W47');
const afterTheWeek = new Date('2026-11-29T02:00:00Z');
const context = { week: '2026-W47' as const, runId: 'run-1', collectedAt: afterTheWeek };

describe('mapWikipedia', () => {
  it('maps every fixture summary + pageviews of a finished week to a valid item: 7 days, omitted days 0', () => {
    celebrities.forEach((celebrity, index) => {
      const canonical = canonicalTitleOf(celebrity, index);
      const summary = WikipediaSummarySchema.parse(fixtures.wikipedia.summaries[canonical]);
      const series = fixtures.wikipedia.pageviews[canonical];
      const items = window.dates
        .map((day, dayIndex) => ({ day, dayIndex }))
        .filter(({ dayIndex }) => !series?.missingDays.includes(dayIndex))
        .map(({ day, dayIndex }) => ({ timestamp: aqsTimestamp(day), views: series?.daily[dayIndex] ?? 0 }));
      const signals = weekPageviews(window, dailyViews(window.dates, { items }, afterTheWeek));
      const item = buildItem(celebrity, mapWikipedia(summary, signals, celebrity.wikipediaTitle), context);
      const stored = item.signals as { pageviews_7d: number; daily_pageviews: number[]; days_measured: number };
      expect(stored.days_measured).toBe(7);
      expect(stored.daily_pageviews.filter((views) => views === 0)).toHaveLength(series?.missingDays.length ?? 0);
      expect(stored.pageviews_7d).toBe(stored.daily_pageviews.reduce((total, views) => total + views, 0));
      expect(item.texts[0]?.text).toBe(summary.extract);
      expect(item.source_ref).toBe(canonical);
    });
  });
});

describe('dailyViews', () => {
  const response = {
    items: [
      { timestamp: '2026112200', views: 7 },
      { timestamp: '2026111600', views: 3 },
    ],
  };

  it('fills a published day AQS omitted with 0, in day order', () => {
    expect(dailyViews(window.dates, response, afterTheWeek)).toEqual([3, 0, 0, 0, 0, 0, 7]);
    expect(dailyViews(window.dates, undefined, afterTheWeek)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('leaves a day that may not be loaded yet as null (missing), not 0', () => {
    const mondayNight = new Date('2026-11-23T03:00:00Z');
    expect(dailyViews(window.dates, { items: [{ timestamp: '2026111600', views: 3 }] }, mondayNight)).toEqual([
      3,
      0,
      0,
      0,
      0,
      0,
      null,
    ]);
    expect(isPublishedDay('2026-11-21', mondayNight)).toBe(true);
    expect(isPublishedDay('2026-11-22', mondayNight)).toBe(false);
    expect(isPublishedDay('2026-11-22', new Date('2026-11-24T00:00:00Z'))).toBe(true);
  });
});

describe('weekPageviews', () => {
  it('sums the measured days and says how many there are: a partial week is a lower bound', () => {
    expect(weekPageviews(window, [3, 1, 1, 1, 1, 1, null])).toEqual({
      pageviews_7d: 8,
      daily_pageviews: [3, 1, 1, 1, 1, 1, null],
      days_measured: 6,
    });
  });

  it('is not measured, with its reason, when no day is published', () => {
    expect(weekPageviews(window, Array(7).fill(null))).toMatchObject({
      pageviews_7d: null,
      days_measured: 0,
      not_measured_reason: 'wikimedia has published no day of 2026-W47 yet (2026-11-16 to 2026-11-22)',
    });
    expect(unmeasuredPageviews(window, 'rate limited')).toEqual({
      pageviews_7d: null,
      daily_pageviews: [null, null, null, null, null, null, null],
      days_measured: 0,
      not_measured_reason: 'rate limited',
    });
  });
});

describe('encodeTitle', () => {
  it('uses underscores and percent-encodes slashes and non-ASCII letters', () => {
    expect(encodeTitle('Robert Downey Jr.')).toBe('Robert_Downey_Jr.');
    expect(encodeTitle('AC/DC')).toBe('AC%2FDC');
    expect(encodeTitle('Beyoncé')).toBe('Beyonc%C3%A9');
  });
});
