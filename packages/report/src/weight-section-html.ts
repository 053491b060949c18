import { PLAIN_FILL } from './chart-patterns.js';
import { tableFallbackHtml } from './html-table.js';
import { escapeHtml, formatCount, formatDecimal } from './html-text.js';
import { columnChartSvg, niceCeiling } from './svg-charts.js';
import type { SourceWeightDistribution, WeightFigures } from './weight-distribution.js';

/** The weight section: one histogram per source on a shared scale, each with min/max/avg, and a table. */
export function weightSectionHtml(weight: WeightFigures): string {
  const yMax = niceCeiling(Math.max(0, ...weight.perSource.flatMap((source) => source.bins.map((bin) => bin.count))));
  const charts = weight.perSource.map((distribution) => histogramFigure(distribution, yMax)).join('');
  const binHeaders = weight.perSource[0]?.bins.map((bin) => binLabel(bin.from, bin.to)) ?? [];
  const table = tableFallbackHtml({
    caption: 'Items per weight bin and source',
    headers: ['source', ...binHeaders.map((text) => ({ text, isNumber: true })), 'min', 'max', 'avg'],
    rows: weight.perSource.map((source) => [
      source.source,
      ...source.bins.map((bin) => bin.count),
      { text: formatDecimal(source.min), isNumber: true },
      { text: formatDecimal(source.max), isNumber: true },
      { text: formatDecimal(source.avg), isNumber: true },
    ]),
    name: 'weight',
  });
  return (
    `<section id="weight" aria-labelledby="weight-heading"><h2 id="weight-heading">Weight distribution per source</h2>` +
    `<p class="note">Popularity weight in [0, 1], ${weight.perSource[0]?.bins.length ?? 0} bins of 0.1; all four charts share one scale. Overall: ${summaryText(weight.overall)}.</p>` +
    `<div class="charts">${charts}</div>${table}</section>`
  );
}

function histogramFigure(distribution: SourceWeightDistribution, yMax: number): string {
  const chart = columnChartSvg({
    id: `weight-${distribution.source}`,
    chart: 'weight-histogram',
    title: `Weight distribution, ${distribution.source}`,
    description: `Histogram of ${distribution.count} ${distribution.source} weights in 10 bins from 0 to 1: ${distribution.bins
      .map((bin) => `${binLabel(bin.from, bin.to)}: ${bin.count}`)
      .join(', ')}.`,
    categories: distribution.bins.map((bin) => binLabel(bin.from, bin.to)),
    series: [{ name: 'items', fill: PLAIN_FILL, values: distribution.bins.map((bin) => bin.count) }],
    formatValue: (value) => String(Math.round(value)),
    formatTick: formatCount,
    yLabel: 'items',
    xLabel: 'weight',
    yMax,
    showValues: true,
    edgeLabels: ['0', '0.5', '1'],
    width: 320,
    height: 190,
  });
  return (
    `<figure class="chart-figure"><h3>${escapeHtml(distribution.source)}</h3>${chart}` +
    `<figcaption>${escapeHtml(summaryText(distribution))}</figcaption></figure>`
  );
}

function summaryText(summary: { count: number; min: number | null; max: number | null; avg: number | null }): string {
  return `${summary.count} weighted items · min ${formatDecimal(summary.min)} · max ${formatDecimal(summary.max)} · avg ${formatDecimal(summary.avg)}`;
}

function binLabel(from: number, to: number): string {
  return `${from.toFixed(1)}–${to.toFixed(1)}`;
}
