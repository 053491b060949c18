import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/index.js';
import { celebrity, item, runSummary } from '../helpers/report-data.js';

const week = '2026-W48';
const ada = celebrity('ada-lovelace', 'Ada Lovelace');

describe('computeCoverage', () => {
  it('prefers an item over an earlier failure (a redrive wrote it)', () => {
    const summaries = [
      runSummary({ source: 'news', week, failed: [{ celebrityId: ada.id, reason: 'GDELT 429', retryable: true }] }),
    ];
    const coverage = computeCoverage([item({ celebrity: ada, source: 'news', week })], summaries, [ada]);
    expect(coverage.rows[0]?.cells[2]).toEqual({
      source: 'news',
      status: 'written',
      detail: 'written by run run-2026-W48',
    });
  });

  it('takes the latest reason when several runs failed the same cell', () => {
    const summaries = [
      runSummary({
        source: 'tmdb',
        week,
        runId: 'late',
        startedAt: '2026-11-29T05:00:00.000Z',
        failed: [{ celebrityId: ada.id, reason: 'second', retryable: true }],
      }),
      runSummary({
        source: 'tmdb',
        week,
        runId: 'early',
        startedAt: '2026-11-29T02:00:00.000Z',
        failed: [{ celebrityId: ada.id, reason: 'first', retryable: true }],
      }),
    ];
    expect(computeCoverage([], summaries, [ada]).rows[0]?.cells[0]).toMatchObject({
      status: 'failed',
      detail: 'second',
    });
  });

  it('marks every unwritten cell of a failed invocation failed, and clears it when a later run succeeds', () => {
    const failedRun = runSummary({ source: 'social', week, runId: 'r1', status: 'failed' });
    expect(computeCoverage([], [failedRun], [ada]).rows[0]?.cells[3]).toEqual({
      source: 'social',
      status: 'failed',
      detail: 'run r1 of social failed',
    });
    const retried = runSummary({ source: 'social', week, runId: 'r2', startedAt: '2026-11-29T06:00:00.000Z' });
    expect(computeCoverage([], [failedRun, retried], [ada]).rows[0]?.cells[3]?.status).toBe('missing');
  });

  it('says whether a missing cell had no run at all', () => {
    const cells = computeCoverage([], [runSummary({ source: 'tmdb', week })], [ada]).rows[0]?.cells;
    expect(cells?.[0]?.detail).toBe('no item and no failure reported by the tmdb runs of the week');
    expect(cells?.[1]?.detail).toBe('no wikipedia run recorded for the week');
  });

  it('adds celebrities seen only in the data after the list, by id', () => {
    const zed = celebrity('zed', 'Zed');
    const summaries = [
      runSummary({ source: 'tmdb', week, failed: [{ celebrityId: 'mo', reason: 'gone', retryable: false }] }),
    ];
    const coverage = computeCoverage([item({ celebrity: zed, source: 'tmdb', week })], summaries, [ada]);
    expect(coverage.rows.map((row) => [row.celebrityId, row.celebrityName])).toEqual([
      ['ada-lovelace', 'Ada Lovelace'],
      ['mo', 'mo'],
      ['zed', 'Zed'],
    ]);
  });
});
