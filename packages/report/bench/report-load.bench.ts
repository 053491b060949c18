// Load time of the report for 100 celebrities x 4 sources in Debian's Chromium (target: < 1 s), next to the
// time to compute the figures and render the HTML in Node. Run: pnpm --filter @celebrity-pipeline/report bench
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startChromium } from '@celebrity-pipeline/testing/chromium';
import { median } from '@celebrity-pipeline/testing/statistics';
import { computeReportFigures, renderReportHtml, writeReport } from '../src/index.js';
import { syntheticReportInput } from '../tests/helpers/synthetic-report-input.js';

const ROUNDS = 7;

const input = syntheticReportInput();
const renderTimes: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  renderReportHtml(computeReportFigures(input));
  renderTimes.push(performance.now() - started);
}

const directory = await mkdtemp(join(tmpdir(), 'report-bench-'));
const outPath = join(directory, 'report.html');
const { bytes } = await writeReport({ figures: computeReportFigures(input), outPath });
const chromium = await startChromium();
const loadTimes: number[] = [];
try {
  const page = await chromium.context.newPage();
  await page.goto('about:blank');
  for (let round = 0; round < ROUNDS; round++) {
    await page.goto(pathToFileURL(outPath).href, { waitUntil: 'load' });
    loadTimes.push(
      await page.evaluate(() => {
        const timeline = performance as unknown as { getEntriesByType(type: string): { loadEventEnd?: number }[] };
        return timeline.getEntriesByType('navigation')[0]?.loadEventEnd ?? Number.NaN;
      }),
    );
  }
} finally {
  await chromium.close();
  await rm(directory, { recursive: true, force: true });
}

console.log(`report: ${(bytes / 1024).toFixed(0)} KiB for ${input.items.length} items`);
console.log(`figures + HTML in Node: median ${median(renderTimes).toFixed(1)} ms over ${ROUNDS} rounds`);
console.log(
  `page load in Chromium (loadEventEnd): median ${median(loadTimes).toFixed(0)} ms, max ${Math.max(...loadTimes).toFixed(0)} ms over ${ROUNDS} loads (target < 1000 ms)`,
);
