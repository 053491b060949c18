import { type CelebrityItem, isEnriched } from '@celebrity-pipeline/core';
import type { LedgerRun } from '@celebrity-pipeline/core/dynamodb';
import { describeTableIfExists } from '@celebrity-pipeline/local-runtime';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import { type DatabaseFlags, openLocalContext } from '../local-context.js';
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

/** The `status` table of one run. */
export function formatRunStatus(run: RunStatus): string[] {
  return [
    `Run ${run.runId}  week ${run.week}  ${run.startedAt} → ${run.finishedAt}`,
    '  source      status     attempted  written  unchanged  failed  duration',
    ...run.summaries.map(
      (summary) =>
        `  ${summary.source.padEnd(12)}${summary.status.padEnd(11)}${String(summary.attempted).padStart(9)}${String(summary.written).padStart(9)}${String(summary.unchanged).padStart(11)}${String(summary.failed.length).padStart(8)}${`${(summary.durationMs / 1_000).toFixed(1)} s`.padStart(10)}`,
    ),
    `  enrichment: ${run.enrichment.enriched} of ${run.enrichment.written} items written by this run enriched`,
  ];
}

/** `status`: the run ledger, newest run first. */
export async function statusCommand(
  flags: DatabaseFlags & { week?: string; limit?: number; json?: boolean },
  io: CommandIo,
): Promise<number> {
  const week = flags.week === undefined ? undefined : parseWeekOption(flags.week, io.now());
  const context = await openLocalContext(flags, { createTables: false, environment: io.environment });
  try {
    const hasLedger = (await describeTableIfExists(context.database.dynamodb, context.names.runLedger)) !== undefined;
    const { runs, invalid } = hasLedger
      ? await context.ledger.listRuns({ ...(week ? { week } : {}), limit: flags.limit ?? 10 })
      : { runs: [], invalid: [] };
    const itemsByWeek = new Map<string, CelebrityItem[]>();
    for (const run of runs) {
      if (!itemsByWeek.has(run.week)) itemsByWeek.set(run.week, await context.readWeek(run.week));
    }
    const statuses = runs.map((run) => ({ ...run, enrichment: enrichmentOf(run, itemsByWeek.get(run.week) ?? []) }));
    if (flags.json) printJson(io, { runs: statuses, invalid });
    else {
      if (statuses.length === 0) printLine(io, 'No runs recorded yet (run `celebrity-pipeline run`).');
      for (const status of statuses) for (const line of [...formatRunStatus(status), '']) printLine(io, line);
      for (const record of invalid)
        printLine(io, `invalid ledger record ${record.pk}/${record.sk}: ${record.issues.join('; ')}`);
    }
    return 0;
  } finally {
    await context.close();
  }
}
