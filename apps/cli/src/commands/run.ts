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
  type SourceOutcome,
  type SourceRun,
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

/** Wall time of a source: from its first shard's start to its last shard's end. */
function durationOf(outcome: SourceOutcome<unknown>): number {
  const ran = outcome.shards.flatMap((shard) => (shard.status === 'not-run' ? [] : [shard]));
  if (ran.length === 0) return 0;
  const started = Math.min(...ran.map((shard) => shard.startedAt.getTime()));
  return Math.max(...ran.map((shard) => shard.finishedAt.getTime())) - started;
}

/** Why a source failed: its first failed shard's error, else the shards that never ran. */
function failureOf(outcome: SourceOutcome<unknown>): string {
  const failed = outcome.shards.find((shard) => shard.status === 'failed');
  if (failed?.status === 'failed') return failed.error.message;
  const notRun = outcome.shards.filter((shard) => shard.status === 'not-run').length;
  return outcome.error?.message ?? `${notRun} of ${outcome.shards.length} shard(s) not run`;
}

/**
 * One source's figures from its shards: the shards' summaries combined (status: the first that is not
 * `succeeded`; failures summed), or dead-lettered when a shard failed or never ran.
 */
export function sourceRunOfOutcome(outcome: SourceOutcome<RunSummary>, items: readonly CelebrityItem[]): SourceRun {
  const durationMs = durationOf(outcome);
  if (outcome.status === 'failed') {
    return sourceRunOf(outcome.source, items, { isDeadLettered: true, durationMs, error: failureOf(outcome) });
  }
  const summaries = outcome.shards.flatMap((shard) => {
    const parsed = shard.status === 'succeeded' ? RunSummarySchema.safeParse(shard.result) : undefined;
    return parsed?.success ? [parsed.data] : [];
  });
  const [first] = summaries;
  if (!first || summaries.length < outcome.shards.length) {
    return sourceRunOf(outcome.source, items, { isDeadLettered: false, durationMs });
  }
  const summary: RunSummary = {
    ...(summaries.find((entry) => entry.status !== 'succeeded') ?? first),
    failed: summaries.flatMap((entry) => entry.failed),
  };
  return sourceRunOf(outcome.source, items, { summary, isDeadLettered: false, durationMs });
}

/** The Phase 4C report of a finished cycle. */
export function reportOfCycle(
  cycle: CycleResult<RunSummary>,
  options: { week: IsoWeek; list: CelebrityList; sources: readonly Source[]; wallTimeMs: number },
): WeekReport {
  const items = selectedItems(cycle.items, options.list, options.sources);
  const sourceRuns = cycle.sources.map((outcome) => sourceRunOfOutcome(outcome, items));
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
      planWeek: pipeline.planWeek,
      targets: pipeline.targets(sources),
      poller: pipeline.poller,
      deadLetters: pipeline.context.deadLetters,
      invocationLog: pipeline.context.invocationLog,
      timeScale: pipeline.timeScale,
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
