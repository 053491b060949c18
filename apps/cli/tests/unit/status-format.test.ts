import type { RunSummary } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { formatRunStatus, type RunStatus } from '../../src/commands/status.js';

const summary = (overrides: Partial<RunSummary>): RunSummary => ({
  source: 'tmdb',
  runId: 'run-1',
  week: '2026-W48',
  status: 'succeeded',
  startedAt: '2026-11-29T02:00:00.000Z',
  finishedAt: '2026-11-29T02:01:00.000Z',
  durationMs: 60_000,
  attempted: 10,
  written: 10,
  unchanged: 0,
  failed: [],
  requestsRetried: 0,
  ...overrides,
});

const run = (summaries: RunSummary[]): RunStatus => ({
  runId: 'run-1',
  week: '2026-W48',
  startedAt: '2026-11-29T02:00:00.000Z',
  finishedAt: '2026-11-29T02:01:00.000Z',
  summaries,
  enrichment: { written: 10, enriched: 10 },
});

describe('formatRunStatus', () => {
  const started = summary({
    status: 'running',
    shard: { index: 1, count: 2 },
    finishedAt: '2026-11-29T02:00:00.000Z',
    durationMs: 0,
    written: 0,
    deadlineAt: '2026-11-29T02:03:00.000Z',
  });
  const shards = [summary({ shard: { index: 0, count: 2 } }), started];

  it('shows a shard started and not finished as RUNNING before its timeout, with shards done / planned', () => {
    const lines = formatRunStatus(run(shards), new Date('2026-11-29T02:02:00Z'));
    expect(lines[2]).toMatch(/^ {2}tmdb {8}RUNNING +1\/2 +20 +10 /);
  });

  it('shows it as TIMED_OUT after its function timeout', () => {
    const lines = formatRunStatus(run(shards), new Date('2026-11-29T02:04:00Z'));
    expect(lines[2]).toMatch(/^ {2}tmdb {8}TIMED_OUT +1\/2 /);
  });

  it('shows an unsharded finished source as one shard of one', () => {
    const lines = formatRunStatus(run([summary({ source: 'news' })]), new Date('2026-11-29T02:04:00Z'));
    expect(lines[2]).toMatch(/^ {2}news {8}succeeded +1\/1 +10 +10 +0 +0 +60\.0 s$/);
  });
});
