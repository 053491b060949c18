import type { AuditOutcome } from './audit-outcome.js';
import type { ReferencedCell } from './existing-coverage.js';
import { MATRIX_AREAS, type MatrixArea, type MatrixCell } from './matrix-record.js';

/** Everything the report is rendered from (all read by the script; rendering is pure). */
export interface ReportInput {
  generatedAt: string;
  /** Start of the vitest run the figures come from. */
  testRunStartedAt: string;
  tests: { total: number; passed: number; failed: number };
  cells: readonly MatrixCell[];
  /** vitest fullName → status in this package's results. */
  statuses: ReadonlyMap<string, string>;
  references: ReadonlyArray<ReferencedCell & { status: string }>;
  audit: AuditOutcome;
}

const AREA_TITLES: Record<MatrixArea, string> = {
  'source-fault': 'Source × fault (real scraper handlers, replay server, DynamoDB Local)',
  invocation: 'Failure share → invocation → DLQ → redrive (local-runtime invoker and DLQ)',
  stream: 'Stream side (local-runtime poller, real post-processor, SDK middleware faults)',
  crash: 'Crashes (CLI binary killed with SIGKILL)',
  'bad-input': 'Bad input (CLI binary)',
  security: 'Security',
};

const escapeCell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const statusMark = (status: string | undefined) =>
  status === 'passed' ? 'pass' : status === undefined ? 'not in results' : status;

function sum(cells: readonly MatrixCell[], field: 'faultsInjected' | 'pairs' | 'itemsLost' | 'duplicates') {
  return cells.reduce((total, cell) => total + cell[field], 0);
}

function summary(input: ReportInput): string[] {
  const cells = input.cells;
  const failedCells = cells.filter((cell) => input.statuses.get(cell.testName) !== 'passed').length;
  return [
    '## Figures of the latest run',
    '',
    '| figure | value |',
    '| --- | --- |',
    `| tests (this package) | ${input.tests.passed} passed, ${input.tests.failed} failed, ${input.tests.total} total |`,
    `| matrix cells observed | ${cells.length} (${cells.length - failedCells} passing) |`,
    `| faults injected | ${sum(cells, 'faultsInjected')} |`,
    `| (celebrity, source) pairs and records accounted for | ${sum(cells, 'pairs')} |`,
    `| items lost | ${sum(cells, 'itemsLost')} |`,
    `| duplicates | ${sum(cells, 'duplicates')} |`,
    `| cells covered by other packages' tests | ${input.references.length} |`,
    '',
  ];
}

function sourceGrid(cells: readonly MatrixCell[], statuses: ReadonlyMap<string, string>): string[] {
  const sourceCells = cells.filter((cell) => cell.area === 'source-fault');
  const subjects = [...new Set(sourceCells.map((cell) => cell.subject))];
  const faults = [...new Set(sourceCells.map((cell) => cell.fault))];
  if (subjects.length === 0) return [];
  const lines = [`| fault | ${subjects.join(' | ')} |`, `| --- | ${subjects.map(() => '---').join(' | ')} |`];
  for (const fault of faults) {
    const row = subjects.map((subject) => {
      const cell = sourceCells.find((candidate) => candidate.subject === subject && candidate.fault === fault);
      if (!cell) return '—';
      const outcome = cell.expected.split(/[,;(]/)[0]?.trim() ?? cell.expected;
      return `${statusMark(statuses.get(cell.testName))}: ${escapeCell(outcome)}`;
    });
    lines.push(`| ${escapeCell(fault)} | ${row.join(' | ')} |`);
  }
  return [
    'Outcome per cell (`—`: the fault has no meaning for that source, or it is covered in the table below it):',
    '',
    ...lines,
    '',
  ];
}

function areaTable(area: MatrixArea, input: ReportInput): string[] {
  const cells = input.cells.filter((cell) => cell.area === area);
  const references = input.references.filter((reference) => reference.area === area);
  const lines = [`## ${AREA_TITLES[area]}`, ''];
  if (area === 'source-fault') lines.push(...sourceGrid(cells, input.statuses));
  if (cells.length > 0) {
    lines.push(
      '| subject | fault / input | expected | observed | faults injected | pairs | lost | dup | test |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...cells.map(
        (cell) =>
          `| ${escapeCell(cell.subject)} | ${escapeCell(cell.fault)} | ${escapeCell(cell.expected)} | ${escapeCell(cell.observed)} | ${cell.faultsInjected} | ${cell.pairs} | ${cell.itemsLost} | ${cell.duplicates} | ${statusMark(input.statuses.get(cell.testName))} |`,
      ),
      '',
    );
  } else lines.push('No cell of this area was observed in the latest run.', '');
  if (references.length > 0) {
    lines.push(
      'Covered by the owning package’s own test (referenced, not duplicated):',
      '',
      '| subject | fault | expected | test | status in its package’s latest results |',
      '| --- | --- | --- | --- | --- |',
      ...references.map(
        (reference) =>
          `| ${escapeCell(reference.subject)} | ${escapeCell(reference.fault)} | ${escapeCell(reference.expected)} | \`${reference.packageDirectory}\`: ${escapeCell(reference.testName)} | ${reference.status} |`,
      ),
      '',
    );
  }
  return lines;
}

function auditSection(audit: AuditOutcome): string[] {
  const lines = [
    '## `pnpm audit --prod`',
    '',
    `Command: \`${audit.command}\` (exit code ${audit.exitCode ?? 'none'}).`,
    '',
  ];
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
    '     and test-results/reliability-matrix.json. Do not edit by hand: run `pnpm --filter @celebrity-pipeline/reliability test`',
    '     then `pnpm --filter @celebrity-pipeline/reliability report`. -->',
    '',
    `Generated ${input.generatedAt} from the test run started ${input.testRunStartedAt}.`,
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
