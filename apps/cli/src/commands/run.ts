import { randomUUID } from 'node:crypto';
import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import {
  type CelebrityItem,
  type CelebrityList,
  formatItemKey,
  type IsoWeek,
  type RunSummary,
  RunSummarySchema,
  type Source,
} from '@celebrity-pipeline/core';
import {
  buildWeekReport,
  type CycleResult,
  runWeeklyCycle,
  sourceRunOf,
  type WeekReport,
} from '@celebrity-pipeline/local-runtime';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { RunFlags } from '../flags.js';
import { parseSourcesOption, parseWeekOption } from '../option-parsers.js';
import { openPipeline } from '../pipeline.js';
import { chooseProgress } from '../progress.js';
import { formatRollUp, rollUpChangedWeek, rollUpCounts } from '../rankings/roll-up.js';
import { formatWeekReport } from '../report-format.js';

/** Exit code of a run stopped by Ctrl-C / SIGTERM (128 + SIGINT). */
export const INTERRUPTED_EXIT_CODE = 130;

/** Items of the selected celebrities and sources (the table may hold more from other runs). */
export function selectedItems(
  items: readonly CelebrityItem[],
  list: CelebrityList,
  sources: readonly Source[],
): CelebrityItem[] {
  const ids = new Set(list.celebrities.map((celebrity) => celebrity.id));
  return items.filter((item) => ids.has(item.celebrity_id) && sources.includes(item.source));
}

/** The Phase 4C report of a finished cycle. */
export function reportOfCycle(
  cycle: CycleResult<RunSummary>,
  options: { week: IsoWeek; list: CelebrityList; sources: readonly Source[]; wallTimeMs: number },
): WeekReport {
  const items = selectedItems(cycle.items, options.list, options.sources);
  const sourceRuns = cycle.invocations.map(({ source, outcome }) => {
    const parsed = outcome.status === 'succeeded' ? RunSummarySchema.safeParse(outcome.result) : undefined;
    return sourceRunOf(source, items, {
      ...(parsed?.success ? { summary: parsed.data } : {}),
      isDeadLettered: outcome.status === 'failed',
      durationMs: outcome.finishedAt.getTime() - outcome.startedAt.getTime(),
      ...(outcome.status === 'failed' ? { error: outcome.error.message } : {}),
    });
  });
  return buildWeekReport({
    week: options.week,
    items,
    expectedItems: options.list.celebrities.length * options.sources.length,
    sources: sourceRuns,
    deadLetteredItems: items.filter((item) => cycle.deadLetteredKeys.has(formatItemKey(item))).length,
    wallTimeMs: options.wallTimeMs,
  });
}

/**
 * `run`: one weekly cycle (spec steps 1–6). Input is validated before anything starts; the exit code is 0
 * when the Phase 4C checks pass, 1 when they fail, 130 when interrupted.
 */
export async function runCommand(flags: RunFlags, io: CommandIo): Promise<number> {
  const startedAtMs = Date.now();
  const week = parseWeekOption(flags.week, io.now());
  const sources = parseSourcesOption(flags.sources);
  const list = await loadCelebrities(flags.celebrities);
  const pipeline = await openPipeline(
    flags,
    { celebrities: list, isCustom: flags.celebrities !== undefined },
    { environment: io.environment, week },
  );
  const progress = chooseProgress({ isJson: flags.json ?? false, sources, output: io });
  try {
    progress.note(
      `Week ${week}: ${list.celebrities.length} celebrities × ${sources.length} source(s) on ${pipeline.replay ? `fixtures (${pipeline.replay.url})` : 'the live APIs'}, DynamoDB at ${pipeline.context.database.endpoint}, table ${pipeline.context.names.items}`,
    );
    const cycle = await runWeeklyCycle({
      week,
      runId: randomUUID(),
      targets: pipeline.targets(sources),
      poller: pipeline.poller,
      deadLetters: pipeline.context.deadLetters,
      invocationLog: pipeline.context.invocationLog,
      invokePolicy: pipeline.invokePolicy,
      readWeek: () => pipeline.context.readWeek(week),
      signal: io.signal,
      onEvent: (event) => progress.onEvent(event),
    });
    await progress.finish();
    if (cycle.isInterrupted) {
      io.stderr.write(
        `Interrupted: scrapers and stream poller stopped; the week is incomplete. Run \`celebrity-pipeline run --week ${week}\` again to complete it (nothing is written twice).\n`,
      );
      return INTERRUPTED_EXIT_CODE;
    }
    // The roll-up step at the end of the run: the week's celebrity scores and ranks (and the next week's
    // comparison with them, when that week is stored already).
    const rollUps = await rollUpChangedWeek(
      { client: pipeline.context.documentClient, tableName: pipeline.context.names.items },
      week,
    );
    const report = reportOfCycle(cycle, { week, list, sources, wallTimeMs: Date.now() - startedAtMs });
    if (flags.json) printJson(io, { runId: cycle.event.id, ...report, rollUps: rollUps.map(rollUpCounts) });
    else for (const line of [...formatWeekReport(report), ...rollUps.map(formatRollUp)]) printLine(io, line);
    return report.isPassed ? 0 : 1;
  } finally {
    await progress.finish();
    await pipeline.close();
  }
}
