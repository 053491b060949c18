import { describe, expect, it } from 'vitest';
import { auditOutcome } from '../../src/audit-outcome.js';
import type { MatrixCell } from '../../src/matrix-record.js';
import { renderReliabilityReport } from '../../src/report-markdown.js';

const cell = (overrides: Partial<MatrixCell>): MatrixCell => ({
  area: 'source-fault',
  subject: 'tmdb',
  fault: '500 always',
  expected: 'failed with reason',
  observed: 'failed: HTTP 500',
  testName: 'matrix tmdb 500 always',
  faultsInjected: 3,
  pairs: 4,
  itemsLost: 0,
  duplicates: 0,
  ...overrides,
});

const base = {
  generatedAt: '2026-11-27T01:00:00.000Z',
  testRunStartedAt: '2026-11-27T00:55:00.000Z',
  tests: { total: 2, passed: 1, failed: 1 },
  references: [],
};

describe('renderReliabilityReport', () => {
  it('sums the figures over the cells and marks each cell with its test status', () => {
    const markdown = renderReliabilityReport({
      ...base,
      cells: [cell({}), cell({ subject: 'news', testName: 'matrix news 500 always', itemsLost: 1, duplicates: 2 })],
      statuses: new Map([
        ['matrix tmdb 500 always', 'passed'],
        ['matrix news 500 always', 'failed'],
      ]),
      audit: auditOutcome(
        'pnpm audit --prod --json',
        0,
        '{"metadata":{"vulnerabilities":{"high":0,"critical":0}}}',
        '',
      ),
    });
    expect(markdown).toContain('| faults injected | 6 |');
    expect(markdown).toContain('| items lost | 1 |');
    expect(markdown).toContain('| duplicates | 2 |');
    expect(markdown).toContain('| 500 always | pass: failed with reason | failed: failed with reason |');
    expect(markdown).toContain('No high or critical finding.');
  });

  it('says plainly that nothing was checked when the audit endpoint gave no readable answer', () => {
    const audit = auditOutcome('pnpm audit --prod --json', 1, '', 'ERR_PNPM_AUDIT_BAD_RESPONSE responded with 405');
    expect(audit.problem).toContain('405');
    const markdown = renderReliabilityReport({ ...base, cells: [], statuses: new Map(), audit });
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
