import {
  type CelebrityItem,
  type EffectiveRunStatus,
  isEnriched,
  rollUpBySource,
  type SourceRollUp,
} from '@celebrity-pipeline/core';
import type { LedgerRun } from '@celebrity-pipeline/core/dynamodb';
import { describeTableIfExists } from '@celebrity-pipeline/local-runtime';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { StatusFlags } from '../flags.js';
import { openLocalContext } from '../local-context.js';
import { parseWeekOption } from '../option-parsers.js';

/** A run with the enrichment figures of the items it wrote. */
export interface RunStatus extends LedgerRun {
  enrichment: { written: number; enriched: number };
}

/** Enrichment of the items a run wrote (items carry the `run_id` of the run that last wrote them). */
export function enrichmentOf(run: LedgerRun, weekItems: readonly CelebrityItem[]): RunStatus['enrichment'] {
  const written = weekItems.filter((item) => item.run_id === run.runId);
  return { written: written.length, enriched: written.filter(isEnriched).length };
}

/** How `status` names a source's state: the ledger's words, with a started record past its timeout as TIMED_OUT. */
const STATUS_LABELS: Record<EffectiveRunStatus, string> = {
  running: 'RUNNING',
  'timed-out': 'TIMED_OUT',
  succeeded: 'succeeded',
  failed: 'failed',
  skipped: 'skipped',
};

/** One label for a source's shards: the worst state any of them is in. */
export function sourceStatusOf(rollUp: SourceRollUp): EffectiveRunStatus {
  const order: EffectiveRunStatus[] = ['timed-out', 'failed', 'running', 'skipped', 'succeeded'];
  return order.find((status) => rollUp.byStatus[status] > 0) ?? 'running';
}

function formatRollUp(rollUp: SourceRollUp, durationMs: number): string {
  const finished = rollUp.byStatus.succeeded + rollUp.byStatus.failed + rollUp.byStatus.skipped;
  return `  ${rollUp.source.padEnd(12)}${STATUS_LABELS[sourceStatusOf(rollUp)].padEnd(11)}${`${finished}/${rollUp.shards}`.padStart(7)}${String(rollUp.attempted).padStart(11)}${String(rollUp.written).padStart(9)}${String(rollUp.unchanged).padStart(11)}${String(rollUp.failed).padStart(8)}${`${(durationMs / 1_000).toFixed(1)} s`.padStart(10)}`;
}

/**
 * The `status` table of one run at `now`: one line per source with its shards finished / planned, a shard still
 * "running" past its function timeout shown as TIMED_OUT.
 */
export function formatRunStatus(run: RunStatus, now: Date = new Date()): string[] {
  const durationOf = (source: string) =>
    run.summaries
      .filter((summary) => summary.source === source)
      .reduce((longest, summary) => Math.max(longest, summary.durationMs), 0);
  return [
    `Run ${run.runId}  week ${run.week}  ${run.startedAt} → ${run.finishedAt}`,
    '  source      status      shards  attempted  written  unchanged  failed  duration',
    ...rollUpBySource(run.summaries, now).map((rollUp) => formatRollUp(rollUp, durationOf(rollUp.source))),
    `  enrichment: ${run.enrichment.enriched} of ${run.enrichment.written} items written by this run enriched`,
  ];
}

/** `status`: the run ledger, newest run first. */
export async function statusCommand(flags: StatusFlags, io: CommandIo): Promise<number> {
  const week = flags.week === undefined ? undefined : parseWeekOption(flags.week, io.now());
  const context = await openLocalContext(flags, { createTables: false, environment: io.environment });
  try {
    const hasLedger = (await describeTableIfExists(context.database.dynamodb, context.names.runLedger)) !== undefined;
    const { runs, invalid } = hasLedger
      ? await context.ledger.listRuns({ ...(week ? { week } : {}), limit: flags.limit })
      : { runs: [], invalid: [] };
    const itemsByWeek = new Map<string, CelebrityItem[]>();
    for (const run of runs) {
      if (!itemsByWeek.has(run.week)) itemsByWeek.set(run.week, await context.readWeek(run.week));
    }
    const now = io.now();
    const statuses = runs.map((run) => ({ ...run, enrichment: enrichmentOf(run, itemsByWeek.get(run.week) ?? []) }));
    if (flags.json) {
      const withRollUps = statuses.map((status) => ({
        ...status,
        sources: rollUpBySource(status.summaries, now).map((rollUp) => ({ ...rollUp, status: sourceStatusOf(rollUp) })),
      }));
      printJson(io, { runs: withRollUps, invalid });
    } else {
      if (statuses.length === 0) printLine(io, 'No runs recorded yet (run `celebrity-pipeline run`).');
      for (const status of statuses) for (const line of [...formatRunStatus(status, now), '']) printLine(io, line);
      for (const record of invalid)
        printLine(io, `invalid ledger record ${record.pk}/${record.sk}: ${record.issues.join('; ')}`);
    }
    return 0;
  } finally {
    await context.close();
  }
}
