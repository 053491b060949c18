import type { ChartFill } from './chart-patterns.js';
import { escapeHtml } from './html-text.js';

/** What every chart carries for assistive technology and for tests. */
export interface ChartFrame {
  /** Unique id on the page (prefix of the title and description ids). */
  id: string;
  /** Kind of chart, `data-chart` attribute (tests select charts by it). */
  chart: string;
  title: string;
  /** One or two sentences saying what the chart shows, read by screen readers. */
  description: string;
}

/** One series of a column chart. */
export interface ColumnSeries {
  name: string;
  fill: ChartFill;
  /** One value per category; `null` draws an empty column titled "no data". */
  values: readonly (number | null)[];
}

/** Options of {@link columnChartSvg}. */
export interface ColumnChartOptions extends ChartFrame {
  categories: readonly string[];
  series: readonly ColumnSeries[];
  formatValue: (value: number) => string;
  /** Formats the y-axis ticks; default `formatValue`. */
  formatTick?: (value: number) => string;
  yLabel: string;
  xLabel?: string;
  /** Largest value of the y axis (to share a scale between charts), used as given; default: the data's, rounded up. */
  yMax?: number;
  /** Print each value above its column (single series only, when there is room). */
  showValues?: boolean;
  /** Label every category (default) or only the first and last edge values given here. */
  edgeLabels?: readonly [string, string, string];
  width?: number;
  height?: number;
}

const MARGIN = { top: 18, right: 10, bottom: 38, left: 52 } as const;

/** Wraps chart content in an accessible `<svg role="img">` with a title and a description. */
export function chartSvg(frame: ChartFrame, width: number, height: number, body: string): string {
  const titleId = `${frame.id}-title`;
  const descriptionId = `${frame.id}-desc`;
  return (
    `<svg class="chart" id="${escapeHtml(frame.id)}" data-chart="${escapeHtml(frame.chart)}" role="img" ` +
    `aria-labelledby="${escapeHtml(titleId)} ${escapeHtml(descriptionId)}" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" style="max-width: ${width}px" preserveAspectRatio="xMinYMin meet">` +
    `<title id="${escapeHtml(titleId)}">${escapeHtml(frame.title)}</title>` +
    `<desc id="${escapeHtml(descriptionId)}">${escapeHtml(frame.description)}</desc>${body}</svg>`
  );
}

/** 1, 2, 2.5 (from 25 on) or 5 × 10^k at or above `value` (1 for 0), so axes end on a round number. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = steps.find((candidate) => candidate * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** Vertical columns, one group per category and one column per series, with axes and per-column titles. */
export function columnChartSvg(options: ColumnChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const plot = { width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  const dataMax = Math.max(0, ...options.series.flatMap((series) => series.values.map((value) => value ?? 0)));
  // A given yMax is kept as is (charts sharing a scale); otherwise the data's maximum, rounded up.
  const yMax =
    options.yMax !== undefined && options.yMax >= dataMax && options.yMax > 0 ? options.yMax : niceCeiling(dataMax);
  const band = plot.width / Math.max(1, options.categories.length);
  const columnWidth = (band * 0.78) / Math.max(1, options.series.length);
  const columns = options.categories.flatMap((category, categoryIndex) =>
    options.series.map((series, seriesIndex) => {
      const value = series.values[categoryIndex] ?? null;
      const x = MARGIN.left + categoryIndex * band + band * 0.11 + seriesIndex * columnWidth;
      return column(options, { category, series, value, x, columnWidth, yMax, plotHeight: plot.height });
    }),
  );
  const body = [
    yAxisSvg(yMax, plot, width, options.formatTick ?? options.formatValue, options.yLabel),
    columns.join(''),
    xAxisSvg(options, band, plot, height),
  ].join('');
  return chartSvg(options, width, height, body);
}

interface ColumnPlacement {
  category: string;
  series: ColumnSeries;
  value: number | null;
  x: number;
  columnWidth: number;
  yMax: number;
  plotHeight: number;
}

function column(options: ColumnChartOptions, placement: ColumnPlacement): string {
  const { category, series, value, x, columnWidth, yMax, plotHeight } = placement;
  const columnHeight = ((value ?? 0) / yMax) * plotHeight;
  const y = MARGIN.top + plotHeight - columnHeight;
  const shown = value === null ? 'no data' : options.formatValue(value);
  const label = options.series.length > 1 ? `${category}, ${series.name}: ${shown}` : `${category}: ${shown}`;
  const rect =
    `<rect class="bar" data-category="${escapeHtml(category)}" data-series="${escapeHtml(series.name)}" ` +
    `data-value="${value ?? ''}" x="${round(x)}" y="${round(y)}" width="${round(columnWidth)}" ` +
    `height="${round(columnHeight)}" fill="${series.fill.paint}" stroke="#222" stroke-width="0.6">` +
    `<title>${escapeHtml(label)}</title></rect>`;
  const hasRoom = options.series.length === 1 && columnWidth >= 14 && value !== null && value > 0;
  if (!options.showValues || !hasRoom) return rect;
  const labelX = round(x + columnWidth / 2);
  return `${rect}<text class="value" x="${labelX}" y="${round(y - 3)}" text-anchor="middle" aria-hidden="true">${escapeHtml(options.formatValue(value))}</text>`;
}

function yAxisSvg(
  yMax: number,
  plot: { width: number; height: number },
  width: number,
  formatValue: (value: number) => string,
  yLabel: string,
): string {
  const ticks = [0, yMax / 2, yMax].map((tick) => {
    const y = round(MARGIN.top + plot.height - (tick / yMax) * plot.height);
    return (
      `<line class="grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${y}" y2="${y}"/>` +
      `<text class="tick" x="${MARGIN.left - 4}" y="${y + 4}" text-anchor="end">${escapeHtml(formatValue(tick))}</text>`
    );
  });
  const middle = round(MARGIN.top + plot.height / 2);
  const title = `<text class="axis-title" transform="translate(12 ${middle}) rotate(-90)" text-anchor="middle">${escapeHtml(yLabel)}</text>`;
  return `<g class="y-axis" aria-hidden="true">${ticks.join('')}${title}</g>`;
}

function xAxisSvg(
  options: ColumnChartOptions,
  band: number,
  plot: { width: number; height: number },
  height: number,
): string {
  const baseline = MARGIN.top + plot.height;
  const axis = `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left + plot.width}" y1="${baseline}" y2="${baseline}"/>`;
  const labelY = baseline + 14;
  const labels = options.edgeLabels
    ? options.edgeLabels.map((label, index) => {
        const x = round(MARGIN.left + (plot.width * index) / 2);
        const anchor = index === 0 ? 'start' : index === 1 ? 'middle' : 'end';
        return `<text class="tick" x="${x}" y="${labelY}" text-anchor="${anchor}">${escapeHtml(label)}</text>`;
      })
    : options.categories.map((category, index) => {
        const x = round(MARGIN.left + index * band + band / 2);
        return `<text class="tick" x="${x}" y="${labelY}" text-anchor="middle">${escapeHtml(category)}</text>`;
      });
  const title = options.xLabel
    ? `<text class="axis-title" x="${round(MARGIN.left + plot.width / 2)}" y="${height - 4}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`
    : '';
  return `<g class="x-axis" aria-hidden="true">${axis}${labels.join('')}${title}</g>`;
}

/** One horizontal bar made of segments (zero segments are left out). */
export interface StackedRow {
  label: string;
  segments: readonly { name: string; fill: ChartFill; value: number }[];
}

/** Horizontal 100% stacked bars, one per row, each segment titled and labelled with its count when it fits. */
export function stackedBarsSvg(frame: ChartFrame, rows: readonly StackedRow[], width = 1000): string {
  const labelWidth = 90;
  const totalWidth = 80;
  const barWidth = width - labelWidth - totalWidth;
  const rowHeight = 34;
  const height = rows.length * rowHeight + 8;
  const body = rows.map((row, index) => stackedRow(row, index * rowHeight + 6, labelWidth, barWidth)).join('');
  return chartSvg(frame, width, height, body);
}

function stackedRow(row: StackedRow, y: number, labelWidth: number, barWidth: number): string {
  const total = row.segments.reduce((sum, segment) => sum + segment.value, 0);
  let x = labelWidth;
  const segments = row.segments
    .filter((segment) => segment.value > 0)
    .map((segment) => {
      const segmentWidth = (segment.value / total) * barWidth;
      const share = Math.round((segment.value / total) * 100);
      const title = `${row.label}, ${segment.name}: ${segment.value} (${share}%)`;
      const rect =
        `<rect class="segment" data-row="${escapeHtml(row.label)}" data-segment="${escapeHtml(segment.name)}" ` +
        `data-value="${segment.value}" x="${round(x)}" y="${y}" width="${round(segmentWidth)}" height="24" ` +
        `fill="${segment.fill.paint}" stroke="#222" stroke-width="0.6"><title>${escapeHtml(title)}</title></rect>`;
      const text =
        segmentWidth >= 26
          ? `<text class="segment-label" x="${round(x + segmentWidth / 2)}" y="${y + 16}" text-anchor="middle" aria-hidden="true">${segment.value}</text>`
          : '';
      x += segmentWidth;
      return rect + text;
    });
  const label = `<text class="row-label" x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(row.label)}</text>`;
  const totalText = `<text class="tick" x="${labelWidth + barWidth + 8}" y="${y + 16}">${total} items</text>`;
  return `<g class="stacked-row">${label}${segments.join('')}${totalText}</g>`;
}

/** A legend in HTML: a pattern swatch and the name, so a pattern is always paired with words. */
export function legendHtml(entries: readonly { name: string; fill: ChartFill }[]): string {
  const items = entries.map(
    (entry) =>
      `<li><svg class="swatch" width="18" height="12" aria-hidden="true" focusable="false"><rect width="18" height="12" fill="${entry.fill.paint}" stroke="#222" stroke-width="0.6"/></svg>${escapeHtml(entry.name)} <span class="pattern-name">(${escapeHtml(entry.fill.patternName)})</span></li>`,
  );
  return `<ul class="legend">${items.join('')}</ul>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
