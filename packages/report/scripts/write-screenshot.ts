/**
 * Writes the README's screenshot (docs/report-screenshot.png): the report of the synthetic week (100 celebrities ×
 * 4 sources) in Debian's Chromium, full page. The browser test asserts the page; this script only pictures it.
 * Run: pnpm --filter @celebrity-pipeline/report screenshot
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startChromium } from '@celebrity-pipeline/testing/chromium';
import { computeReportFigures, writeReport } from '../src/index.js';
import { syntheticReportInput } from '../tests/helpers/synthetic-report-input.js';

const screenshotPath = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'report-screenshot.png');
const directory = await mkdtemp(join(tmpdir(), 'report-screenshot-'));
const chromium = await startChromium();
try {
  const reportPath = join(directory, 'report.html');
  await writeReport({ figures: computeReportFigures(syntheticReportInput()), outPath: reportPath });
  const page = await chromium.context.newPage();
  await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
  const screenshot = await page.screenshot({ fullPage: true });
  await mkdir(dirname(screenshotPath), { recursive: true });
  await writeFile(screenshotPath, screenshot);
  process.stdout.write(`${screenshotPath}: ${screenshot.length} bytes\n`);
} finally {
  await chromium.close();
  await rm(directory, { recursive: true, force: true });
}
