import { type Check, MAXIMUM_UNENRICHED_ITEMS } from '@celebrity-pipeline/core';
import type { WeekReport } from '@celebrity-pipeline/local-runtime';

const seconds = (milliseconds: number) => `${(milliseconds / 1_000).toFixed(1)} s`;

/** A PASS/FAIL line. */
export function formatCheck(check: Check): string {
  return `${check.isPassed ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`;
}

/** The Phase 4C report as text lines. */
export function formatWeekReport(report: WeekReport): string[] {
  const weight = report.weight
    ? `min ${report.weight.min}  max ${report.weight.max}  avg ${report.weight.avg}`
    : 'no enriched item';
  const sentiment = Object.entries(report.sentiment)
    .map(([label, count]) => `${label} ${count}`)
    .join('  ');
  return [
    `Week ${report.week}`,
    `  items written        ${report.written} (expected ${report.expectedItems})`,
    `  enriched             ${report.enriched} (expected ${report.expectedItems})`,
    `  un-enriched          ${report.unenriched} (must be < ${MAXIMUM_UNENRICHED_ITEMS})`,
    `  dead-lettered        ${report.deadLettered}`,
    `  weight               ${weight}`,
    `  sentiment            ${sentiment}`,
    '  per source           written  failed  duration  status',
    ...report.sources.map(
      (source) =>
        `    ${source.source.padEnd(19)}${String(source.written).padStart(7)}${String(source.failed).padStart(8)}${seconds(source.durationMs).padStart(10)}  ${source.status}${source.error ? ` (${source.error})` : ''}`,
    ),
    `  total wall time      ${seconds(report.wallTimeMs)}`,
    '',
    ...report.checks.map(formatCheck),
    report.isPassed ? 'All Phase 4C checks passed.' : `Phase 4C checks failed: ${failedNames(report.checks)}`,
  ];
}

/** Names of the failed checks, comma-separated. */
export function failedNames(checks: readonly Check[]): string {
  return checks
    .filter((check) => !check.isPassed)
    .map((check) => check.name)
    .join(', ');
}

/**
 * Aligned text columns: each column as wide as its widest cell, text left-aligned, cells that start with a digit
 * or `$` right-aligned.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const isNumeric = (cell: string) => /^[$\d]/.test(cell);
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (isNumeric(cell) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
