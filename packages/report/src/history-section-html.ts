import { SOURCES } from '@celebrity-pipeline/core';
import { FAILURE_FILL, PLAIN_FILL, SOURCE_FILLS } from './chart-patterns.js';
import { tableFallbackHtml } from './html-table.js';
import { formatCount, formatDuration } from './html-text.js';
import type { HistoryFigures, WeekHistory } from './run-history.js';
import { columnChartSvg, legendHtml, niceCeiling } from './svg-charts.js';

/** The run-history section: items and failures per week, and scraper time per source per week. */
export function historySectionHtml(history: HistoryFigures): string {
  const heading = '<h2 id="history-heading">Run history</h2>';
  if (history.weeks.length === 0) {
    return `<section id="history" aria-labelledby="history-heading">${heading}<p class="empty">No run recorded in the ledger up to this week.</p></section>`;
  }
  const weeks = history.weeks.map((week) => shortWeek(week.week));
  const range = `${history.weeks[0]?.week} to ${history.weeks.at(-1)?.week}`;
  return (
    `<section id="history" aria-labelledby="history-heading">${heading}` +
    `<p class="note">${history.weeks.length} weeks with runs, ${range}. Items written count new or changed items; failures count every attempt.</p>` +
    `<div class="charts wide">${itemsChart(history.weeks, weeks)}${failuresChart(history.weeks, weeks)}</div>` +
    `${durationChart(history.weeks, weeks)}${historyTable(history.weeks)}</section>`
  );
}

function itemsChart(history: readonly WeekHistory[], weeks: string[]): string {
  return `<figure class="chart-figure">${columnChartSvg({
    id: 'history-items',
    chart: 'history-items',
    title: 'Items written per week',
    description: `Items written per week: ${history.map((week) => `${week.week}: ${week.written}`).join(', ')}.`,
    categories: weeks,
    series: [{ name: 'items written', fill: PLAIN_FILL, values: history.map((week) => week.written) }],
    formatValue: (value) => formatCount(Math.round(value)),
    formatTick: formatCount,
    yLabel: 'items',
    showValues: true,
  })}</figure>`;
}

function failuresChart(history: readonly WeekHistory[], weeks: string[]): string {
  return `<figure class="chart-figure">${columnChartSvg({
    id: 'history-failures',
    chart: 'history-failures',
    title: 'Collection failures per week',
    description: `Celebrity failures reported per week: ${history.map((week) => `${week.week}: ${week.failures}`).join(', ')}.`,
    categories: weeks,
    series: [{ name: 'failures', fill: FAILURE_FILL, values: history.map((week) => week.failures) }],
    formatValue: (value) => formatCount(Math.round(value)),
    formatTick: formatCount,
    yLabel: 'failures',
    showValues: true,
  })}</figure>`;
}

const MINUTE_MS = 60_000;

function durationChart(history: readonly WeekHistory[], weeks: string[]): string {
  const longest = Math.max(
    0,
    ...history.flatMap((week) => SOURCES.map((source) => week.durationMsBySource[source] ?? 0)),
  );
  const chart = columnChartSvg({
    id: 'history-duration',
    chart: 'history-duration',
    title: 'Scraper time per source per week',
    description: `Summed invocation time per source and week: ${history
      .map(
        (week) =>
          `${week.week}: ${SOURCES.map((source) => `${source} ${formatDuration(week.durationMsBySource[source])}`).join(', ')}`,
      )
      .join('; ')}.`,
    categories: weeks,
    series: SOURCES.map((source) => ({
      name: source,
      fill: SOURCE_FILLS[source],
      values: history.map((week) => week.durationMsBySource[source]),
    })),
    formatValue: formatDuration,
    formatTick: (durationMs) => formatCount(Number((durationMs / MINUTE_MS).toFixed(1))),
    yMax: niceCeiling(longest / MINUTE_MS) * MINUTE_MS,
    yLabel: 'minutes',
    width: 1100,
    height: 240,
  });
  const legend = legendHtml(SOURCES.map((source) => ({ name: source, fill: SOURCE_FILLS[source] })));
  return `<h3>Scraper time per source</h3>${legend}<figure class="chart-figure">${chart}</figure>`;
}

function historyTable(history: readonly WeekHistory[]): string {
  return tableFallbackHtml({
    caption: 'Runs per week',
    headers: [
      'week',
      ...['runs', 'written', 'unchanged', 'failures'].map((text) => ({ text, isNumber: true })),
      ...SOURCES.map((source) => ({ text: `${source} time`, isNumber: true })),
    ],
    rows: history.map((week) => [
      week.week,
      week.runs,
      week.written,
      week.unchanged,
      week.failures,
      ...SOURCES.map((source) => ({ text: formatDuration(week.durationMsBySource[source]), isNumber: true })),
    ]),
    name: 'history',
  });
}

/** `2026-W48` → `W48` (the year is in the table and descriptions). */
function shortWeek(week: string): string {
  return week.slice(5);
}
