import type { AuditOutcome } from './audit-outcome.js';
import type { ReferencedCell } from './existing-coverage.js';
import {
  DUPLICATE_MEASURES,
  type DuplicateMeasure,
  FAULTS_INJECTED_DEFINITION,
  isCellPassing,
  MATRIX_AREAS,
  type MatrixArea,
  type MatrixCell,
} from './matrix-record.js';
import { notApplicableReason } from './not-applicable-cells.js';

/** Everything the report is rendered from (all read by the script; rendering is pure). */
export interface ReportInput {
  generatedAt: string;
  /** Start of the vitest run the figures come from. */
  testRunStartedAt: string;
  tests: { total: number; passed: number; failed: number };
  cells: readonly MatrixCell[];
  references: readonly ReferencedCell[];
  audit: AuditOutcome;
}

/** The heading of the audit section: its answer depends on the registry on the day, not on the code. */
export const AUDIT_HEADING = '## `pnpm audit --prod`';
/** The start of the one line that changes with every generation. */
export const GENERATED_LINE_PREFIX = 'Generated ';

const AREA_TITLES: Record<MatrixArea, string> = {
  'source-fault': 'Source × fault (real scraper handlers, replay server, DynamoDB Local)',
  invocation: 'Failure share → invocation → DLQ → redrive (local-runtime invoker and DLQ)',
  stream: 'Stream side (local-runtime poller, real post-processor, SDK middleware faults)',
  crash: 'Crashes (CLI binary killed with SIGKILL)',
  'bad-input': 'Bad input (CLI binary)',
  security: 'Security',
};

/** How a grid position or a table row shows its outcome. */
export const CELL_MARKS = { passed: 'pass', failed: 'FAIL', missing: 'MISSING', notApplicable: '—' } as const;

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const statusMark = (cell: MatrixCell) => (isCellPassing(cell) ? CELL_MARKS.passed : CELL_MARKS.failed);

function sum(cells: readonly MatrixCell[], field: 'faultsInjected' | 'pairs' | 'itemsLost' | 'duplicates') {
  return cells.reduce((total, cell) => total + (cell.measured?.[field] ?? 0), 0);
}

function duplicatesOf(cells: readonly MatrixCell[], measure: DuplicateMeasure) {
  const measuring = cells.filter((cell) => cell.duplicatesMeasure === measure && cell.measured !== null);
  return `${sum(measuring, 'duplicates')} (over the ${measuring.length} cells that count them)`;
}

/** The grid's positions: fault rows × source columns, each a recorded cell, declared not applicable, or missing. */
export function sourceGridPositions(cells: readonly MatrixCell[]) {
  const sourceCells = cells.filter((cell) => cell.area === 'source-fault');
  const subjects = [...new Set(sourceCells.map((cell) => cell.subject))];
  const faults = [...new Set(sourceCells.map((cell) => cell.fault))];
  return faults.map((fault) => ({
    fault,
    positions: subjects.map((subject) => {
      const cell = sourceCells.find((candidate) => candidate.subject === subject && candidate.fault === fault);
      const reason = cell ? undefined : notApplicableReason(subject, fault);
      return { subject, cell, notApplicableReason: reason };
    }),
  }));
}

function missingCount(cells: readonly MatrixCell[]): number {
  return sourceGridPositions(cells)
    .flatMap((row) => row.positions)
    .filter((position) => !position.cell && position.notApplicableReason === undefined).length;
}

function summary(input: ReportInput): string[] {
  const cells = input.cells;
  const failedCells = cells.filter((cell) => !isCellPassing(cell)).length;
  return [
    '## Figures of the latest run',
    '',
    '| figure | value |',
    '| --- | --- |',
    `| tests (this package) | ${input.tests.passed} passed, ${input.tests.failed} failed, ${input.tests.total} total |`,
    `| matrix cells recorded | ${cells.length}: ${cells.length - failedCells} pass, ${failedCells} FAIL |`,
    `| grid positions with no cell (MISSING) | ${missingCount(cells)} |`,
    `| faults injected | ${sum(cells, 'faultsInjected')} |`,
    `| (celebrity, source) pairs and records accounted for | ${sum(cells, 'pairs')} |`,
    `| items lost | ${sum(cells, 'itemsLost')} |`,
    `| duplicate stored items | ${duplicatesOf(cells, 'stored-items')} |`,
    `| updates applied twice | ${duplicatesOf(cells, 'repeated-updates')} |`,
    `| cells covered by other packages' tests | ${input.references.length} |`,
    '',
    'What the figures count (the same in every cell):',
    '',
    `- **faults injected**: ${FAULTS_INJECTED_DEFINITION}`,
    ...Object.entries(DUPLICATE_MEASURES).map(([measure, meaning]) => `- **duplicates, \`${measure}\`**: ${meaning}.`),
    '- A cell is recorded when its test finishes, pass or fail, with figures measured before any assertion; **FAIL**',
    '  is a cell whose test failed, **MISSING** a grid position no test recorded, `—` a position declared not',
    '  applicable (`src/not-applicable-cells.ts`, reasons under the grid).',
    '',
  ];
}

function gridMark(position: ReturnType<typeof sourceGridPositions>[number]['positions'][number]): string {
  if (position.cell) {
    const outcome = position.cell.expected.split(/[,;(]/)[0]?.trim() ?? position.cell.expected;
    return `${statusMark(position.cell)}: ${escapeCell(outcome)}`;
  }
  return position.notApplicableReason === undefined ? CELL_MARKS.missing : CELL_MARKS.notApplicable;
}

function sourceGrid(cells: readonly MatrixCell[]): string[] {
  const rows = sourceGridPositions(cells);
  const subjects = rows[0]?.positions.map((position) => position.subject) ?? [];
  if (subjects.length === 0) return [];
  const lines = [`| fault | ${subjects.join(' | ')} |`, `| --- | ${subjects.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${escapeCell(row.fault)} | ${row.positions.map(gridMark).join(' | ')} |`);
  const notApplicable = rows.flatMap((row) =>
    row.positions.flatMap((position) =>
      position.notApplicableReason === undefined || position.cell
        ? []
        : [`- \`${position.subject}\` × ${row.fault}: ${position.notApplicableReason}`],
    ),
  );
  return [
    `Outcome per cell (\`${CELL_MARKS.failed}\`: its test failed; \`${CELL_MARKS.missing}\`: no test recorded it; \`${CELL_MARKS.notApplicable}\`: not applicable, see below):`,
    '',
    ...lines,
    '',
    ...(notApplicable.length > 0 ? ['Not applicable:', '', ...notApplicable, ''] : []),
  ];
}

function cellRow(cell: MatrixCell): string {
  const measured = cell.measured;
  const figures = measured
    ? [
        escapeCell(measured.observed),
        measured.faultsInjected,
        measured.pairs,
        measured.itemsLost,
        cell.duplicatesMeasure === 'not-measured' ? 'not measured' : `${measured.duplicates} ${cell.duplicatesMeasure}`,
      ]
    : ['not measured: the test failed before it measured', '?', '?', '?', '?'];
  return `| ${escapeCell(cell.subject)} | ${escapeCell(cell.fault)} | ${escapeCell(cell.expected)} | ${figures.join(' | ')} | ${statusMark(cell)} |`;
}

function areaTable(area: MatrixArea, input: ReportInput): string[] {
  const cells = input.cells.filter((cell) => cell.area === area);
  const references = input.references.filter((reference) => reference.area === area);
  const lines = [`## ${AREA_TITLES[area]}`, ''];
  if (area === 'source-fault') lines.push(...sourceGrid(cells));
  if (cells.length > 0) {
    lines.push(
      '| subject | fault / input | expected | observed | faults injected | pairs | lost | duplicates | test |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...cells.map(cellRow),
      '',
    );
  } else lines.push(`${CELL_MARKS.missing}: no cell of this area was recorded in the latest run.`, '');
  if (references.length > 0) {
    lines.push(
      'Covered by the owning package’s own test (referenced, not duplicated; `report --check` fails unless each',
      'passed in its package’s latest results):',
      '',
      '| subject | fault | expected | test |',
      '| --- | --- | --- | --- |',
      ...references.map(
        (reference) =>
          `| ${escapeCell(reference.subject)} | ${escapeCell(reference.fault)} | ${escapeCell(reference.expected)} | \`${reference.packageDirectory}\`: ${escapeCell(reference.testName)} |`,
      ),
      '',
    );
  }
  return lines;
}

function auditSection(audit: AuditOutcome): string[] {
  const lines = [AUDIT_HEADING, '', `Command: \`${audit.command}\` (exit code ${audit.exitCode ?? 'none'}).`, ''];
  if (audit.problem !== undefined) {
    lines.push(
      'No audit result: the command did not get an advisory report it could read. Its own words:',
      '',
      `> ${escapeCell(audit.problem)}`,
      '',
      'Installs work from this machine (package metadata and tarballs come from the registry), but the registry’s',
      'audit endpoint (`POST /-/npm/v1/security/advisories/bulk`) does not answer it, so **no vulnerability was',
      'checked**: this is not a clean bill of health. Run `pnpm audit --prod` where that endpoint answers (any',
      'machine with ordinary access to registry.npmjs.org) before a release, and explain every high or critical',
      'finding here.',
      '',
    );
    return lines;
  }
  const severities = Object.entries(audit.severities ?? {})
    .map(([severity, count]) => `${severity} ${count}`)
    .join(', ');
  lines.push(`Vulnerabilities in production dependencies: ${severities || 'none reported'}.`, '');
  if (audit.serious.length === 0) lines.push('No high or critical finding.', '');
  else {
    lines.push(
      '| package | severity | advisory |',
      '| --- | --- | --- |',
      ...audit.serious.map(
        (finding) =>
          `| ${finding.packageName} | ${finding.severity} | [${escapeCell(finding.title)}](${finding.url}) |`,
      ),
      '',
    );
  }
  return lines;
}

/** What the matrix exposed, and what became of it (kept with the generator so the doc is never hand-edited). */
export const FINDINGS: readonly string[] = [
  "**Fixed — invalid scraper variables reached the DLQ instead of stopping `run`** (`apps/cli`, commit \"cli: validate the scrapers' configuration before the cycle starts\"). `FAILURE_THRESHOLD=half` or `SCRAPE_CONCURRENCY=lots` only surfaced in the progress output after each scraper's async retries, left DLQ letters behind and printed nothing on stderr. `run` now reads the configuration once up front: one stderr line naming the variable, exit 1, nothing written (bad-input cells below, and the CLI's own `invalid-environment` test).",
  '**Documented — a poison record shares its DLQ letter with the records after it in its batch.** With `ReportBatchItemFailures` the mapping retries from the first failed record (as Lambda does: "retries only the remaining records"), so the valid records that followed the poison in its batch ride along into the on-failure letter after the retries. They were enriched on the first delivery; redriving the letter writes nothing for them and fails only the poison again (stream cell below). A batch that fails as a whole (thrown `FullBatchFailureError`) is bisected down to one letter per poison record.',
  '**Not checked — `pnpm audit --prod`**: see the last section.',
];

/** Renders `docs/reliability.md`. Pure: every figure comes from `input`. */
export function renderReliabilityReport(input: ReportInput): string {
  return [
    '# Reliability',
    '',
    '<!-- Generated by packages/reliability/scripts/write-report.ts from packages/reliability/test-results/vitest.json',
    '     and test-results/reliability/*.json (one test run). Do not edit by hand: run',
    '     `pnpm --filter @celebrity-pipeline/reliability test` then `pnpm --filter @celebrity-pipeline/reliability report`.',
    '     CI (.ci/run) renders it again from its own run and fails when anything but the line starting "Generated"',
    '     and the audit section differs. -->',
    '',
    `${GENERATED_LINE_PREFIX}${input.generatedAt} from the test run started ${input.testRunStartedAt}.`,
    '',
    'What the spec claims under "Error Handling & Robustness", proved by tests on the real local stack. The invariant',
    'every cell checks: after a run, every (celebrity, source) of the week is in exactly one state — **written**,',
    '**unchanged**, **skipped** (missing credentials) or **failed with a reason** in the run ledger / DLQ — none',
    'missing, none duplicated (`checkWeekInvariant`, which also checks the summary counts against the table).',
    '',
    ...summary(input),
    '## Findings',
    '',
    ...FINDINGS.map((finding) => `- ${finding}`),
    '',
    ...MATRIX_AREAS.flatMap((area) => areaTable(area, input)),
    ...auditSection(input.audit),
  ].join('\n');
}

/**
 * The part of the report that must match between the committed doc and a fresh run: everything but the
 * "Generated" line and the audit section (whose answer depends on the registry, not on the code).
 */
export function comparableReport(markdown: string): string {
  const auditStart = markdown.indexOf(AUDIT_HEADING);
  return (auditStart === -1 ? markdown : markdown.slice(0, auditStart))
    .split('\n')
    .filter((line) => !line.startsWith(GENERATED_LINE_PREFIX))
    .join('\n')
    .trimEnd();
}
