import { describe, expect, it } from 'vitest';
import { PLAIN_FILL } from '../../src/chart-patterns.js';
import { columnChartSvg, niceCeiling } from '../../src/svg-charts.js';

describe('niceCeiling', () => {
  it('rounds an axis maximum up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.3, 3, 7, 24, 26, 391, 4_100].map(niceCeiling)).toEqual([1, 0.5, 5, 10, 25, 50, 500, 5_000]);
  });
});

describe('columnChartSvg', () => {
  const chart = columnChartSvg({
    id: 'demo',
    chart: 'demo-chart',
    title: 'Demo <chart>',
    description: 'Two weeks & a gap',
    categories: ['W47', 'W48'],
    series: [{ name: 'items', fill: PLAIN_FILL, values: [4, null] }],
    formatValue: String,
    yLabel: 'items',
  });

  it('is an image named by its escaped title and description', () => {
    expect(chart).toContain('role="img" aria-labelledby="demo-title demo-desc"');
    expect(chart).toContain('<title id="demo-title">Demo &lt;chart&gt;</title>');
    expect(chart).toContain('<desc id="demo-desc">Two weeks &amp; a gap</desc>');
  });

  it('draws one column per value, an empty one titled "no data" for null', () => {
    expect(chart.match(/<rect class="bar"/g)).toHaveLength(2);
    expect(chart).toContain('data-value="4"');
    expect(chart).toMatch(/data-value="" [^>]*height="0"[^>]*><title>W48: no data<\/title>/);
  });
});
