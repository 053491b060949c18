import { buildItem, type CelebrityItem, type Source } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { buildWeekReport, CYCLE_CHECK_IDS, sentimentCounts } from '../../src/week-report.js';

function item(
  index: number,
  enrichment: Partial<Pick<CelebrityItem, 'weight' | 'sentiment'>> = {},
  source: Source = 'tmdb',
): CelebrityItem {
  const built = buildItem(
    { id: `person-${index}`, name: `Person ${index}`, aliases: [], wikipediaTitle: `Person_${index}`, hashtags: [] },
    {
      source,
      signals: source === 'tmdb' ? { popularity: index } : { pageviews_7d: index, daily_pageviews: [] },
      texts: [],
    } as never,
    { week: '2026-W48', runId: 'run', collectedAt: new Date('2026-11-29T02:00:00Z') },
  );
  return { ...built, ...enrichment };
}

const succeeded = (source: Source) => ({
  source,
  status: 'succeeded' as const,
  written: 2,
  failed: 0,
  durationMs: 1_000,
});

describe('buildWeekReport', () => {
  it('passes when every expected item is written and enriched', () => {
    const items = [item(1, { weight: 0.2, sentiment: 'POSITIVE' }), item(2, { weight: 0.6, sentiment: 'NEUTRAL' })];
    const report = buildWeekReport({
      week: '2026-W48',
      items,
      expectedItems: 2,
      sources: [succeeded('tmdb')],
      deadLetteredItems: 0,
      wallTimeMs: 5,
    });
    expect(report).toMatchObject({
      written: 2,
      enriched: 2,
      unenriched: 0,
      isPassed: true,
      weight: { min: 0.2, max: 0.6, avg: 0.4 },
    });
    expect(report.sentiment).toEqual({ POSITIVE: 1, NEGATIVE: 0, NEUTRAL: 1 });
  });

  it('fails the counts, enrichment and scraper checks and names them', () => {
    const items = Array.from({ length: 12 }, (_, index) => item(index));
    const report = buildWeekReport({
      week: '2026-W48',
      items,
      expectedItems: 20,
      sources: [succeeded('tmdb'), { ...succeeded('news'), status: 'dead-lettered' }],
      deadLetteredItems: 0,
      wallTimeMs: 5,
    });
    const failed = report.checks.filter((check) => !check.isPassed).map((check) => check.id);
    expect(failed).toEqual(['items-written', 'items-enriched', 'weights-in-range', 'every-scraper-succeeded']);
    expect(report.checks.map((check) => check.id)).toEqual([...CYCLE_CHECK_IDS]);
    expect(report.isPassed).toBe(false);
  });

  it('accepts up to 9 un-enriched items and refuses 10', () => {
    const enriched = Array.from({ length: 90 }, (_, index) => item(index, { weight: 0.5, sentiment: 'NEGATIVE' }));
    const build = (missing: number) =>
      buildWeekReport({
        week: '2026-W48',
        items: [...enriched, ...Array.from({ length: missing }, (_, index) => item(100 + index))],
        expectedItems: 90 + missing,
        sources: [],
        deadLetteredItems: 0,
        wallTimeMs: 0,
      }).checks[1]?.isPassed;
    expect(build(9)).toBe(true);
    expect(build(10)).toBe(false);
  });
});

describe('sentimentCounts', () => {
  it('ignores un-enriched items', () => {
    const items = [item(1), item(2, { weight: 1, sentiment: 'NEGATIVE' })];
    expect(sentimentCounts(items)).toEqual({ POSITIVE: 0, NEGATIVE: 1, NEUTRAL: 0 });
  });
});
