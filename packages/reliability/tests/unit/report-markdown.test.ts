import { describe, expect, it } from 'vitest';
import { auditOutcome } from '../../src/audit-outcome.js';
import type { MatrixCell } from '../../src/matrix-record.js';
import { comparableReport, renderReliabilityReport } from '../../src/report-markdown.js';

const cell = (overrides: Partial<MatrixCell>): MatrixCell => ({
  area: 'source-fault',
  subject: 'tmdb',
  fault: '500 always',
  expected: 'failed with reason',
  duplicatesMeasure: 'stored-items',
  testName: 'matrix tmdb 500 always',
  status: 'passed',
  measured: { observed: 'failed: HTTP 500', faultsInjected: 3, pairs: 4, itemsLost: 0, duplicates: 0 },
  ...overrides,
});

const base = {
  generatedAt: '2026-11-27T01:00:00.000Z',
  testRunStartedAt: '2026-11-27T00:55:00.000Z',
  tests: { total: 2, passed: 1, failed: 1 },
  references: [],
};
const audit = auditOutcome(
  'pnpm audit --prod --json',
  0,
  '{"metadata":{"vulnerabilities":{"high":0,"critical":0}}}',
  '',
);

describe('renderReliabilityReport', () => {
  it('sums the measured figures, names each duplicates measure and marks a failed cell FAIL', () => {
    const markdown = renderReliabilityReport({
      ...base,
      cells: [
        cell({}),
        cell({
          subject: 'news',
          status: 'failed',
          measured: { observed: 'written twice', faultsInjected: 3, pairs: 4, itemsLost: 1, duplicates: 2 },
        }),
        cell({
          area: 'stream',
          subject: 'post-processor',
          fault: 'redelivery',
          duplicatesMeasure: 'repeated-updates',
          measured: { observed: '1 UpdateItem call', faultsInjected: 0, pairs: 5, itemsLost: 0, duplicates: 1 },
        }),
      ],
      audit,
    });
    expect(markdown).toContain('| faults injected | 6 |');
    expect(markdown).toContain('| items lost | 1 |');
    expect(markdown).toContain('| duplicate stored items | 2 (over the 2 cells that count them) |');
    expect(markdown).toContain('| updates applied twice | 1 (over the 1 cells that count them) |');
    expect(markdown).toContain('| matrix cells recorded | 3: 2 pass, 1 FAIL |');
    expect(markdown).toContain('| 500 always | pass: failed with reason | FAIL: failed with reason |');
    expect(markdown).toContain('| 3 | 4 | 1 | 2 stored-items | FAIL |');
    expect(markdown).toContain('| 0 | 5 | 0 | 1 repeated-updates | pass |');
    expect(markdown).toContain('No high or critical finding.');
  });

  it('draws MISSING where no cell was recorded, and — only where the position is declared not applicable', () => {
    const markdown = renderReliabilityReport({
      ...base,
      cells: [
        cell({ fault: 'credentials missing (live mode)' }),
        cell({ subject: 'wikipedia', fault: '302 redirect' }),
        cell({ subject: 'news' }),
      ],
      audit,
    });
    expect(markdown).toContain('| 500 always | MISSING | MISSING | pass: failed with reason |');
    expect(markdown).toContain('| credentials missing (live mode) | pass: failed with reason | — | MISSING |');
    expect(markdown).toContain('| 302 redirect | — | pass: failed with reason | — |');
    expect(markdown).toContain(
      '- `wikipedia` × credentials missing (live mode): the Wikimedia APIs need no credentials',
    );
    expect(markdown).toContain('| grid positions with no cell (MISSING) | 3 |');
  });

  it('compares reports without their Generated line and audit section', () => {
    const render = (generatedAt: string, problem: string) =>
      renderReliabilityReport({
        ...base,
        generatedAt,
        cells: [cell({})],
        audit: auditOutcome('pnpm audit --prod --json', 1, '', problem),
      });
    const first = render('2026-11-27T01:00:00.000Z', 'ERR_PNPM_AUDIT_BAD_RESPONSE 405');
    expect(comparableReport(first)).toBe(comparableReport(render('2026-12-01T09:00:00.000Z', 'other answer')));
    expect(comparableReport(first)).not.toContain('2026-11-27T01:00:00.000Z');
    expect(comparableReport(first)).not.toBe(
      comparableReport(
        renderReliabilityReport({ ...base, cells: [cell({ status: 'failed' })], audit: auditOutcome('x', 0, '', '') }),
      ),
    );
  });

  it('says plainly that nothing was checked when the audit endpoint gave no readable answer', () => {
    const audit = auditOutcome('pnpm audit --prod --json', 1, '', 'ERR_PNPM_AUDIT_BAD_RESPONSE responded with 405');
    expect(audit.problem).toContain('405');
    const markdown = renderReliabilityReport({ ...base, cells: [], audit });
    expect(markdown).toContain('no vulnerability was');
    expect(markdown).toContain('ERR_PNPM_AUDIT_BAD_RESPONSE');
  });

  it('lists high and critical advisories from the audit JSON', () => {
    const audit = auditOutcome(
      'pnpm audit --prod --json',
      1,
      JSON.stringify({
        advisories: {
          '1': { module_name: 'left-pad', severity: 'critical', title: 'Pads too much', url: 'https://example.org/1' },
          '2': { module_name: 'right-pad', severity: 'low', title: 'Pads a little', url: 'https://example.org/2' },
        },
        metadata: { vulnerabilities: { low: 1, critical: 1 } },
      }),
      '',
    );
    expect(audit.serious).toEqual([
      { packageName: 'left-pad', severity: 'critical', title: 'Pads too much', url: 'https://example.org/1' },
    ]);
  });
});
