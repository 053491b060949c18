import { COVERAGE_STATUSES, type CoverageFigures, type CoverageStatus } from './coverage-grid.js';
import { tableHtml } from './html-table.js';
import { escapeHtml, plural } from './html-text.js';

/** Symbol and word of each status: the cell never relies on its background colour alone. */
export const COVERAGE_STATUS_LABELS: Record<CoverageStatus, { symbol: string; word: string }> = {
  written: { symbol: '✓', word: 'written' },
  failed: { symbol: '✗', word: 'failed' },
  skipped: { symbol: '–', word: 'skipped' },
  missing: { symbol: '?', word: 'missing' },
};

/**
 * Up to this many celebrities the grid lists every one; above it, only the celebrities with a cell that is not
 * written (the page of a 10,000-name week stays small: its gaps, not 40,000 green cells).
 */
export const FULL_GRID_LIMIT = 500;

/** The coverage section: totals per source, the celebrity × source grid and the reasons of failed cells. */
export function coverageSectionHtml(coverage: CoverageFigures): string {
  return (
    `<section id="coverage" aria-labelledby="coverage-heading"><h2 id="coverage-heading">Coverage: celebrity × source</h2>` +
    `<p class="note">${plural(coverage.rows.length, 'celebrity', 'celebrities')} × ${plural(coverage.sources.length, 'source')}. ` +
    `${COVERAGE_STATUSES.map((status) => `${COVERAGE_STATUS_LABELS[status].symbol} ${COVERAGE_STATUS_LABELS[status].word}`).join(' · ')}. ` +
    `Hover a cell (or read its text) for the run or the reason.</p>` +
    `${totalsTable(coverage)}${gridHtml(coverage)}${failedCellsHtml(coverage)}</section>`
  );
}

function totalsTable(coverage: CoverageFigures): string {
  return tableHtml({
    caption: 'Cells per status and source',
    headers: ['source', ...COVERAGE_STATUSES.map((status) => ({ text: status, isNumber: true }))],
    rows: coverage.sources.map((source) => [
      source,
      ...COVERAGE_STATUSES.map((status) => coverage.totals[source][status]),
    ]),
    name: 'coverage-totals',
  });
}

function gridHtml(coverage: CoverageFigures): string {
  const headers = coverage.sources.map((source) => `<th scope="col">${escapeHtml(source)}</th>`).join('');
  const isGapsOnly = coverage.rows.length > FULL_GRID_LIMIT;
  const listed = isGapsOnly
    ? coverage.rows.filter((row) => row.cells.some((cell) => cell.status !== 'written'))
    : coverage.rows;
  const note = isGapsOnly
    ? `<p class="note" data-grid="gaps-only">Over ${FULL_GRID_LIMIT} celebrities: the grid lists the ${plural(listed.length, 'celebrity', 'celebrities')} with a cell that is not written; the other ${coverage.rows.length - listed.length} have every source written.</p>`
    : '';
  const rows = listed.map((row) => {
    const cells = row.cells.map((cell) => {
      const label = COVERAGE_STATUS_LABELS[cell.status];
      return (
        `<td class="cell status-${cell.status}" data-status="${cell.status}" data-source="${cell.source}" title="${escapeHtml(cell.detail)}">` +
        `<span class="symbol" aria-hidden="true">${label.symbol}</span>${label.word}</td>`
      );
    });
    return `<tr data-celebrity="${escapeHtml(row.celebrityId)}"><th scope="row">${escapeHtml(row.celebrityName)}</th>${cells.join('')}</tr>`;
  });
  return (
    note +
    `<div class="coverage-scroll" tabindex="0" role="region" aria-label="Coverage grid, scrollable">` +
    `<table class="coverage" data-chart="coverage"><caption>Status of every celebrity and source</caption>` +
    `<thead><tr><th scope="col">celebrity</th>${headers}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function failedCellsHtml(coverage: CoverageFigures): string {
  const rows = coverage.rows.flatMap((row) =>
    row.cells
      .filter((cell) => cell.status === 'failed')
      .map((cell) => [row.celebrityName, cell.source, cell.detail] as const),
  );
  if (rows.length === 0) return '<p class="empty">No collection failed this week.</p>';
  return `<details open><summary>Reasons of the ${plural(rows.length, 'failed cell')}</summary>${tableHtml({
    caption: 'Failed cells and their reasons',
    headers: ['celebrity', 'source', 'reason'],
    rows,
    name: 'coverage-failures',
  })}</details>`;
}
