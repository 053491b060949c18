import { MAXIMUM_UNENRICHED_ITEMS, type RunSummary } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { computeReportFigures, type ReportDeadLetter } from '../../src/index.js';
import { celebrity, item, runSummary } from '../helpers/report-data.js';

const week = '2026-W48';
const ada = celebrity('ada-lovelace', 'Ada Lovelace');
const bo = celebrity('bo-diddley', 'Bo Diddley');
const cy = celebrity('cy-twombly', 'Cy Twombly');

// A known small week: 3 celebrities × 4 sources.
//   ada: tmdb 0.95 POSITIVE +0.8 · wikipedia 0.55 NEUTRAL 0 · news 0.05 NEGATIVE -0.6 · social skipped
//   bo:  tmdb 0.15 POSITIVE +0.3 · wikipedia failed         · news missing            · social skipped
//   cy:  tmdb failed             · wikipedia not enriched   · news missing            · social skipped
const items = [
  item({ celebrity: ada, source: 'tmdb', week, enrichment: { weight: 0.95, sentiment: 'POSITIVE', score: 0.8 } }),
  item({ celebrity: ada, source: 'wikipedia', week, enrichment: { weight: 0.55, sentiment: 'NEUTRAL', score: 0 } }),
  item({
    celebrity: ada,
    source: 'news',
    week,
    texts: ['Awful reviews everywhere.', 'A terrible week.', 'Third text.', 'Fourth text.'],
    enrichment: { weight: 0.05, sentiment: 'NEGATIVE', score: -0.6 },
  }),
  item({ celebrity: bo, source: 'tmdb', week, enrichment: { weight: 0.15, sentiment: 'POSITIVE', score: 0.3 } }),
  item({ celebrity: cy, source: 'wikipedia', week, enrichment: 'none' }),
  // Another week's item: never counted.
  item({ celebrity: cy, source: 'tmdb', week: '2026-W47', enrichment: { weight: 1, sentiment: 'POSITIVE', score: 1 } }),
];

const runs: RunSummary[] = [
  runSummary({ source: 'tmdb', week: '2026-W47', runId: 'r47', written: 3, durationMs: 1_000 }),
  runSummary({
    source: 'tmdb',
    week,
    written: 2,
    durationMs: 2_000,
    failed: [{ celebrityId: 'cy-twombly', reason: 'TMDB 404', retryable: false }],
  }),
  runSummary({
    source: 'wikipedia',
    week,
    written: 2,
    durationMs: 3_000,
    failed: [{ celebrityId: 'bo-diddley', reason: 'timeout', retryable: true }],
  }),
  runSummary({ source: 'news', week, written: 1, unchanged: 4, durationMs: 4_000 }),
  runSummary({ source: 'social', week, status: 'skipped', skippedReason: 'no credentials', durationMs: 0 }),
  // After the report's week: not in its history.
  runSummary({ source: 'tmdb', week: '2026-W49', runId: 'r49', written: 9 }),
];

const deadLetter = (id: string, fields: Partial<ReportDeadLetter>): ReportDeadLetter => ({
  id,
  source: 'tmdb',
  kind: 'scraper-invocation',
  reason: 'retries-exhausted',
  failedAt: '2026-11-24T02:00:00.000Z',
  payloadSummary: 'Scheduled Event',
  ...fields,
});

const deadLetters = [
  deadLetter('b', { week, failedAt: '2026-11-29T05:00:00.000Z' }),
  deadLetter('a', { failedAt: '2026-11-25T03:00:00.000Z' }), // no week: failedAt is in W48
  deadLetter('c', { week: '2026-W47', failedAt: '2026-11-25T03:00:00.000Z' }), // redrive of last week
  deadLetter('d', { failedAt: '2026-11-30T00:00:00.000Z' }), // Monday of W49
];

const figures = computeReportFigures({
  week,
  items,
  runs,
  deadLetters,
  celebrities: [ada, bo, cy],
  now: new Date('2026-11-30T08:00:00.000Z'),
});

describe('computeReportFigures', () => {
  it('computes the header checks of the week', () => {
    expect(figures.header).toEqual({
      items: 5,
      expectedItems: 12,
      enriched: 4,
      unEnriched: 1,
      unEnrichedThreshold: MAXIMUM_UNENRICHED_ITEMS,
      isUnEnrichedCheckPassing: true,
      checks: expect.any(Array),
      failures: 2,
      skipped: 3,
      missing: 2,
      deadLetters: 2,
    });
    expect(figures.header.checks.map((check) => [check.id, check.isPassed])).toEqual([
      ['items-written', false],
      ['items-enriched', true],
      ['weights-in-range', true],
    ]);
    expect(figures.week).toBe(week);
    expect(figures.generatedAt).toBe('2026-11-30T08:00:00.000Z');
  });

  it('summarises weights overall and per source with 10 bins', () => {
    expect(figures.weight.overall).toEqual({ count: 4, min: 0.05, max: 0.95, avg: 0.425 });
    const tmdb = figures.weight.perSource.find((entry) => entry.source === 'tmdb');
    expect(tmdb).toMatchObject({ count: 2, min: 0.15, max: 0.95, avg: 0.55 });
    expect(tmdb?.bins.map((bin) => bin.count)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    const social = figures.weight.perSource.find((entry) => entry.source === 'social');
    expect(social).toMatchObject({ count: 0, min: null, max: null, avg: null });
    expect(figures.weight.perSource.map((entry) => entry.source)).toEqual(['tmdb', 'wikipedia', 'news', 'social']);
  });

  it('counts the sentiment mix per source, un-enriched items apart', () => {
    expect(figures.sentiment.overall).toEqual({ POSITIVE: 2, NEGATIVE: 1, NEUTRAL: 1, notEnriched: 1, total: 5 });
    expect(figures.sentiment.perSource.find((entry) => entry.source === 'wikipedia')).toEqual({
      source: 'wikipedia',
      POSITIVE: 0,
      NEGATIVE: 0,
      NEUTRAL: 1,
      notEnriched: 1,
      total: 2,
    });
  });

  it('lists the most positive and most negative items with their most engaging texts', () => {
    expect(figures.sentiment.mostPositive.map((entry) => [entry.celebrityId, entry.sentimentScore])).toEqual([
      ['ada-lovelace', 0.8],
      ['bo-diddley', 0.3],
    ]);
    const [negative] = figures.sentiment.mostNegative;
    expect(negative).toMatchObject({ celebrityName: 'Ada Lovelace', source: 'news', weight: 0.05, textsStored: 4 });
    expect(negative?.texts.map((entry) => entry.text)).toEqual([
      'Awful reviews everywhere.',
      'A terrible week.',
      'Third text.',
    ]);
  });

  it('builds the coverage grid from items, failures and skips', () => {
    const statuses = figures.coverage.rows.map((row) => [row.celebrityId, row.cells.map((cell) => cell.status)]);
    expect(statuses).toEqual([
      ['ada-lovelace', ['written', 'written', 'written', 'skipped']],
      ['bo-diddley', ['written', 'failed', 'missing', 'skipped']],
      ['cy-twombly', ['failed', 'written', 'missing', 'skipped']],
    ]);
    expect(figures.coverage.rows[2]?.cells[0]?.detail).toBe('TMDB 404');
    expect(figures.coverage.rows[0]?.cells[3]?.detail).toBe('no credentials');
    expect(figures.coverage.totals.news).toEqual({ written: 1, failed: 0, skipped: 0, missing: 2 });
  });

  it('keeps the run history up to the report week, oldest first', () => {
    expect(figures.history.weeks).toEqual([
      {
        week: '2026-W47',
        runs: 1,
        written: 3,
        unchanged: 0,
        failures: 0,
        durationMsBySource: { tmdb: 1_000, wikipedia: null, news: null, social: null },
      },
      {
        week,
        runs: 1,
        written: 5,
        unchanged: 4,
        failures: 2,
        durationMsBySource: { tmdb: 2_000, wikipedia: 3_000, news: 4_000, social: 0 },
      },
    ]);
  });

  it("keeps the week's dead letters, by week or by failure time, oldest first", () => {
    expect(figures.deadLetters.map((entry) => entry.id)).toEqual(['a', 'b']);
  });

  it('is plain JSON (what --json prints)', () => {
    expect(JSON.parse(JSON.stringify(figures))).toEqual(figures);
  });

  it('fails the un-enriched check from 10 items on', () => {
    const unEnriched = Array.from({ length: 10 }, (_, index) =>
      item({ celebrity: celebrity(`person-${index}`, `Person ${index}`), source: 'news', week, enrichment: 'none' }),
    );
    const failing = computeReportFigures({ week, items: unEnriched, runs: [] });
    expect(failing.header).toMatchObject({ unEnriched: 10, isUnEnrichedCheckPassing: false, expectedItems: null });
    expect(failing.header.checks.map((check) => check.id)).toEqual(['items-enriched', 'weights-in-range']);
    const passing = computeReportFigures({ week, items: unEnriched.slice(1), runs: [] });
    expect(passing.header.isUnEnrichedCheckPassing).toBe(true);
  });

  it('rejects a malformed week', () => {
    expect(() => computeReportFigures({ week: '2026-48', items: [], runs: [] })).toThrow(/Invalid ISO week/);
  });
});
