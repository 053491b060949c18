import { SOURCES } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { computeReportFigures, FULL_GRID_LIMIT, renderReportHtml } from '../../src/index.js';
import { celebrity, item } from '../helpers/report-data.js';

const week = '2026-W48';

function pageOf(count: number, missing: ReadonlySet<number>) {
  const celebrities = Array.from({ length: count }, (_, index) => celebrity(`person-${index}`, `Person ${index}`));
  const items = celebrities.flatMap((person, index) =>
    SOURCES.filter((source) => !(missing.has(index) && source === 'news')).map((source) =>
      item({ celebrity: person, source, week, enrichment: { weight: 0.5, sentiment: 'NEUTRAL', score: 0 } }),
    ),
  );
  return renderReportHtml(computeReportFigures({ week, items, runs: [], deadLetters: [], celebrities }));
}

const gridRows = (html: string) => html.match(/<tr data-celebrity=/g)?.length ?? 0;

describe('the coverage grid of a large week', () => {
  it(`lists every celebrity up to ${FULL_GRID_LIMIT}`, () => {
    const html = pageOf(FULL_GRID_LIMIT, new Set([3]));
    expect(gridRows(html)).toBe(FULL_GRID_LIMIT);
    expect(html).not.toContain('data-grid="gaps-only"');
  });

  it('above it, lists only the celebrities with a gap, says how many are complete, and stays small', () => {
    const count = FULL_GRID_LIMIT * 4;
    const html = pageOf(count, new Set([7, 1_234]));
    expect(gridRows(html)).toBe(2);
    expect(html).toContain('data-celebrity="person-7"');
    expect(html).toContain('data-celebrity="person-1234"');
    expect(html).toContain(`the other ${count - 2} have every source written`);
    // The totals still count every cell.
    expect(html).toMatch(/news<\/th><td class="number">1998<\/td>/);
    expect(html.length).toBeLessThan(pageOf(FULL_GRID_LIMIT, new Set()).length * 2);
  });
});
