import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isEnriched, SOURCES } from '@celebrity-pipeline/core';
import { type ChromiumSession, startChromium } from '@celebrity-pipeline/testing/chromium';
import { median } from '@celebrity-pipeline/testing/statistics';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_STATUSES, computeReportFigures, type ReportFigures, writeReport } from '../../src/index.js';
import { SYNTHETIC_FACTS, SYNTHETIC_WEEK, syntheticReportInput } from '../helpers/synthetic-report-input.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDirectory = join(packageRoot, 'test-results');
const reportPath = join(resultsDirectory, 'report.html');

const input = syntheticReportInput();
let figures: ReportFigures;
let chromium: ChromiumSession;
let page: Page;
let loadTimeMs: number;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  figures = computeReportFigures(input);
  const { bytes } = await writeReport({ figures, outPath: reportPath });
  chromium = await startChromium();
  page = await chromium.context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  // The browser is warm (an open tab), as for someone opening the file; the median of 5 loads tames a busy machine.
  await page.goto('about:blank');
  const loads: { loadEventEndMs: number; gotoWallMs: number }[] = [];
  for (let attempt = 0; attempt < 5; attempt++) loads.push(await loadReport(page));
  loadTimeMs = median(loads.map((load) => load.loadEventEndMs));
  await writeFile(
    join(resultsDirectory, 'report-metrics.json'),
    `${JSON.stringify({ medianLoadEventEndMs: loadTimeMs, loads, htmlBytes: bytes }, null, 2)}\n`,
  );
});

afterAll(async () => {
  await chromium?.close();
});

async function loadReport(target: Page): Promise<{ loadEventEndMs: number; gotoWallMs: number }> {
  const started = performance.now();
  await target.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
  const gotoWallMs = Math.round(performance.now() - started);
  const loadEventEndMs = await target.evaluate(() => {
    // Runs in the page: the DOM's Performance (this package's types only know Node's).
    const timeline = performance as unknown as { getEntriesByType(type: string): { loadEventEnd?: number }[] };
    const [entry] = timeline.getEntriesByType('navigation');
    return Math.round(entry?.loadEventEnd ?? Number.NaN);
  });
  return { loadEventEndMs, gotoWallMs };
}

const countOf = (selector: string) => page.locator(selector).count();
const values = (selector: string) =>
  page
    .locator(selector)
    .evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-value'))));

describe('the report in Chromium', () => {
  // Load time is a performance target: measured by bench/report-load.bench.ts, not asserted here.
  it('loads the page of 100 celebrities with no request but the file itself and no console error', () => {
    expect(loadTimeMs).toBeGreaterThan(0);
    expect(new Set(requests)).toEqual(new Set([pathToFileURL(reportPath).href]));
    expect(consoleErrors).toEqual([]);
  });

  it('shows header figures that match the data', async () => {
    const week = input.items.filter((item) => item.week === SYNTHETIC_WEEK);
    const expected = {
      items: week.length,
      enriched: week.filter(isEnriched).length,
      'un-enriched': week.filter((item) => !isEnriched(item)).length,
      failures: SYNTHETIC_FACTS.tmdbFailures.length + SYNTHETIC_FACTS.newsFailures.length,
      'dead-letters': SYNTHETIC_FACTS.weekDeadLetters,
    };
    expect(expected).toEqual({ items: 391, enriched: 384, 'un-enriched': 7, failures: 8, 'dead-letters': 2 });
    for (const [name, value] of Object.entries(expected)) {
      await expect.poll(() => page.locator(`[data-figure="${name}"] .value`).textContent()).toBe(String(value));
    }
    expect(await page.locator('[data-figure="un-enriched"] [data-check]').getAttribute('data-check')).toBe('pass');
  });

  it('draws a 10-bar weight histogram per source with the computed counts', async () => {
    expect(await countOf('svg[data-chart="weight-histogram"]')).toBe(SOURCES.length);
    for (const distribution of figures.weight.perSource) {
      const bars = `svg#weight-${distribution.source} rect.bar`;
      expect(await countOf(bars)).toBe(10);
      expect(await values(bars)).toEqual(distribution.bins.map((bin) => bin.count));
      expect(distribution.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(distribution.count);
    }
    await expectBarsRendered('svg[data-chart="weight-histogram"] rect.bar');
  });

  it('draws one sentiment segment per non-empty label and source', async () => {
    const expected = figures.sentiment.perSource.flatMap((mix) =>
      [mix.POSITIVE, mix.NEUTRAL, mix.NEGATIVE, mix.notEnriched].filter((count) => count > 0),
    );
    expect(await countOf('svg#sentiment-mix rect.segment')).toBe(expected.length);
    expect(await values('svg#sentiment-mix rect.segment')).toEqual(expected);
    await expectBarsRendered('svg#sentiment-mix rect.segment');
    expect(await page.locator('#most-positive li').count()).toBe(10);
    expect(await page.locator('#most-negative li').count()).toBe(10);
  });

  it('fills the coverage grid with one cell per celebrity and source, statuses as computed', async () => {
    expect(await countOf('table[data-chart="coverage"] tbody tr')).toBe(SYNTHETIC_FACTS.celebrities);
    expect(await countOf('table[data-chart="coverage"] td[data-status]')).toBe(SYNTHETIC_FACTS.celebrities * 4);
    for (const status of COVERAGE_STATUSES) {
      const total = SOURCES.reduce((sum, source) => sum + figures.coverage.totals[source][status], 0);
      expect(await countOf(`table[data-chart="coverage"] td[data-status="${status}"]`)).toBe(total);
    }
    expect(await countOf('table[data-chart="coverage"] td[data-status="failed"]')).toBe(8);
    expect(await countOf('table[data-chart="coverage"] td[data-status="missing"]')).toBe(1);
    const failedCell = page.locator('tr[data-celebrity="dev-moreau"] td[data-source="tmdb"]');
    expect(await failedCell.textContent()).toBe('✗failed');
    expect(await failedCell.getAttribute('title')).toBe('TMDB answered 503 four times');
  });

  it('draws the run history: items and failures per week, time per source and week', async () => {
    const weeks = figures.history.weeks.length;
    expect(weeks).toBe(6);
    expect(await values('svg#history-items rect.bar')).toEqual(figures.history.weeks.map((week) => week.written));
    expect(await values('svg#history-failures rect.bar')).toEqual(figures.history.weeks.map((week) => week.failures));
    expect(await countOf('svg#history-duration rect.bar')).toBe(weeks * SOURCES.length);
    await expectBarsRendered('svg[data-chart^="history-"] rect.bar');
  });

  it("lists the week's dead letters with their reasons", async () => {
    const rows = page.locator('table[data-table="dead-letters"] tbody tr');
    expect(await rows.count()).toBe(SYNTHETIC_FACTS.weekDeadLetters);
    expect(await rows.first().textContent()).toContain('retries-exhausted: TimeoutError');
  });

  it('names every chart for assistive technology', async () => {
    for (const source of SOURCES) {
      await expect
        .poll(() => page.getByRole('img', { name: new RegExp(`^Weight distribution, ${source} `) }).count())
        .toBe(1);
    }
    for (const title of ['Sentiment mix per source', 'Items written per week', 'Collection failures per week']) {
      expect(await page.getByRole('img', { name: new RegExp(`^${title} `) }).count()).toBe(1);
    }
    expect(await page.getByRole('table', { name: 'Status of every celebrity and source' }).count()).toBe(1);
  });

  it('ranks the top 20 with rank changes, lists the movers and draws a score trend line per celebrity', async () => {
    const { rankings } = figures;
    expect(rankings.top).toHaveLength(20);
    const rows = page.locator('table[data-table="rankings"] tbody tr');
    expect(await rows.count()).toBe(20);
    expect(await rows.locator('th').allTextContents()).toEqual(rankings.top.map((row) => row.name));
    const changes = await rows
      .locator('td[data-rank-change]')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-rank-change')));
    expect(changes).toEqual(rankings.top.map((row) => (row.rankChange === null ? '' : String(row.rankChange))));
    expect(rankings.risers.length).toBeGreaterThan(0);
    expect(rankings.fallers.length).toBeGreaterThan(0);
    expect(await page.locator('table[data-table="risers"] tbody th').allTextContents()).toEqual(
      rankings.risers.map((row) => row.name),
    );
    expect(await page.locator('table[data-table="fallers"] tbody th').allTextContents()).toEqual(
      rankings.fallers.map((row) => row.name),
    );
    const sparklines = page.locator('table[data-table="rankings"] svg[data-chart="sparkline"]');
    expect(await sparklines.count()).toBe(20);
    const drawn = await sparklines.evaluateAll((svgs) =>
      svgs.map((svg) => ({
        points: Number(svg.getAttribute('data-points')),
        height: svg.getBoundingClientRect().height,
        lines: svg.querySelectorAll('polyline').length,
      })),
    );
    expect(drawn.map((entry) => entry.points)).toEqual(
      rankings.top.map((row) => row.trend.filter((value) => value !== null).length),
    );
    expect(drawn.every((entry) => entry.height > 0 && entry.lines >= 1)).toBe(true);
    const [first] = rankings.top;
    expect(
      await page
        .getByRole('img', { name: new RegExp(`^Score of ${first?.name} per week: 2026-W41: no score`) })
        .count(),
    ).toBe(1);
    const trendRows = page.locator('table[data-table="ranking-trends"] tbody tr');
    expect(await trendRows.count()).toBe(20);
    expect(await trendRows.first().locator('td').last().textContent()).toBe(first?.score.toFixed(3));
    const section = page.locator('section#rankings');
    await section.scrollIntoViewIfNeeded();
    const shot = await section.screenshot();
    await writeFile(join(resultsDirectory, 'rankings-section.png'), shot);
    expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('lays out every section and captures the whole page (a test artifact; the README image is a script’s)', async () => {
    const sections = await page
      .locator('main section')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height));
    const screenshot = await page.screenshot({ fullPage: true });
    await writeFile(join(resultsDirectory, 'report.png'), screenshot);
    expect(sections.length).toBeGreaterThan(0);
    expect(sections.every((height) => height > 0)).toBe(true);
    // The PNG header (IHDR) gives the picture's size: the viewport's width, and far more than its 800 px height.
    expect(screenshot.readUInt32BE(16)).toBe(1280);
    expect(screenshot.readUInt32BE(20)).toBeGreaterThan(800);
  });
});

/** Every bar with a value > 0 has a visible height on the page, every bar of 0 none. */
async function expectBarsRendered(selector: string): Promise<void> {
  const bars = await page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => ({
      value: Number(element.getAttribute('data-value')),
      height: element.getBoundingClientRect().height,
      width: element.getBoundingClientRect().width,
    })),
  );
  expect(bars.length).toBeGreaterThan(0);
  for (const bar of bars) {
    expect(bar.width).toBeGreaterThan(0);
    if (bar.value > 0) expect(bar.height).toBeGreaterThan(0);
    else expect(bar.height).toBeLessThan(0.5);
  }
}
