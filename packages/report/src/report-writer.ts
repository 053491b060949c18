import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ReportWriteError } from './errors.js';
import type { ReportFigures } from './report-figures.js';
import { renderReportHtml } from './report-html.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  figures: ReportFigures;
  /** Where to write the HTML file; missing folders are created. */
  outPath: string;
}

/**
 * Renders the figures and writes the page to `outPath`.
 * @returns the absolute path written and its size in bytes.
 * @throws ReportWriteError when the file cannot be written.
 * @example await writeReport({ figures, outPath: 'report.html' }); // open report.html in any browser
 */
export async function writeReport(options: WriteReportOptions): Promise<{ outPath: string; bytes: number }> {
  const outPath = resolve(options.outPath);
  const html = renderReportHtml(options.figures);
  try {
    await mkdir(dirname(outPath), { recursive: true });
    await writeFile(outPath, html, 'utf8');
  } catch (error) {
    throw new ReportWriteError(outPath, { cause: error });
  }
  return { outPath, bytes: Buffer.byteLength(html, 'utf8') };
}
