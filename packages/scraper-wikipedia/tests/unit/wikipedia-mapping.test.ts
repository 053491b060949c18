import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildItem, lastFullDays } from '@celebrity-pipeline/core';
import { canonicalTitleOf, readFixtures } from '@celebrity-pipeline/fixtures';
import { describe, expect, it } from 'vitest';
import { aqsTimestamp, encodeTitle, mapWikipedia, WikipediaSummarySchema, zeroFilledViews } from '../../src/index.js';

const fixtures = await readFixtures();
const { celebrities } = defaultCelebrityList();
const collectedAt = new Date('2026-11-22T02:00:00Z');
const context = { week: '2026-W47' as const, runId: 'run-1', collectedAt };
const days = lastFullDays(collectedAt, 7);

describe('mapWikipedia', () => {
  it('maps every fixture summary + pageviews to a valid item', () => {
    celebrities.forEach((celebrity, index) => {
      const canonical = canonicalTitleOf(celebrity, index);
      const summary = WikipediaSummarySchema.parse(fixtures.wikipedia.summaries[canonical]);
      const series = fixtures.wikipedia.pageviews[canonical];
      const items = days
        .map((day, dayIndex) => ({ day, dayIndex }))
        .filter(({ dayIndex }) => !series?.missingDays.includes(dayIndex))
        .map(({ day, dayIndex }) => ({ timestamp: aqsTimestamp(day), views: series?.daily[dayIndex] ?? 0 }));
      const item = buildItem(celebrity, mapWikipedia(summary, zeroFilledViews(days, { items })), context);
      const signals = item.signals as { pageviews_7d: number; daily_pageviews: number[] };
      expect(signals.daily_pageviews).toHaveLength(7);
      expect(signals.daily_pageviews.filter((views) => views === 0)).toHaveLength(series?.missingDays.length ?? 0);
      expect(signals.pageviews_7d).toBe(signals.daily_pageviews.reduce((total, views) => total + views, 0));
      expect(item.texts[0]?.text).toBe(summary.extract);
      expect(item.source_ref).toBe(canonical);
    });
  });
});

describe('zeroFilledViews', () => {
  it('fills days AQS omitted with 0, in day order', () => {
    const response = {
      items: [
        { timestamp: '2026112100', views: 7 },
        { timestamp: '2026111500', views: 3 },
      ],
    };
    expect(zeroFilledViews(days, response)).toEqual([3, 0, 0, 0, 0, 0, 7]);
    expect(zeroFilledViews(days, undefined)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('encodeTitle', () => {
  it('uses underscores and percent-encodes slashes and non-ASCII letters', () => {
    expect(encodeTitle('Robert Downey Jr.')).toBe('Robert_Downey_Jr.');
    expect(encodeTitle('AC/DC')).toBe('AC%2FDC');
    expect(encodeTitle('Beyoncé')).toBe('Beyonc%C3%A9');
  });
});
