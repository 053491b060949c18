import { resolve } from 'node:path';
import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import { CELEBRITY_TABLE, type IsoWeek } from '@celebrity-pipeline/core';
import { missingIndexes } from '@celebrity-pipeline/core/dynamodb';
import type { DeadLetter } from '@celebrity-pipeline/local-runtime';
import { describeTableIfExists } from '@celebrity-pipeline/local-runtime';
import { computeReportFigures, type ReportDeadLetter, type ReportInput, writeReport } from '@celebrity-pipeline/report';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { ReportFlags } from '../flags.js';
import { openLocalContext } from '../local-context.js';
import { parseWeekOption } from '../option-parsers.js';
import { readTrendSummaries } from '../rankings/ranking-reads.js';
import { judgedList, latestRunOfWeek } from '../run-list.js';

/** A local DLQ message as the report shows it (source, kind, reason, the week it was for). */
export function toReportDeadLetter(letter: DeadLetter): ReportDeadLetter {
  const { payload } = letter;
  const common = {
    id: letter.id,
    kind: payload.kind,
    reason: `${letter.condition}: ${letter.errorName}: ${letter.errorMessage}`,
    failedAt: letter.createdAt,
  };
  if (payload.kind === 'scraper-invocation') {
    return {
      ...common,
      source: payload.source,
      week: payload.week,
      payloadSummary: `scheduled event ${payload.event.id} (${payload.stage} failure)`,
    };
  }
  return {
    ...common,
    source: 'post-processor',
    payloadSummary: `${payload.records.length} stream record(s) of shard ${payload.shardId}`,
  };
}

/** What a report is made of, wherever it was read from (local tables or the deployed stack). */
export type ReportData = Omit<ReportInput, 'week' | 'now' | 'celebrities'>;

/** Computes the figures and writes the page (or prints the figures with `--json`). */
export async function outputReport(
  week: IsoWeek,
  data: ReportData,
  flags: Pick<ReportFlags, 'out' | 'json' | 'celebrities'>,
  io: CommandIo,
): Promise<number> {
  const { list } = await judgedList(flags.celebrities, latestRunOfWeek(data.runs, week));
  const figures = computeReportFigures({ week, ...data, celebrities: list.celebrities, now: io.now() });
  if (flags.json) {
    printJson(io, figures);
    return 0;
  }
  const outPath = resolve(flags.out ?? `report-${week}.html`);
  const { bytes } = await writeReport({ figures, outPath });
  const { header } = figures;
  printLine(io, `Report of week ${week} written to ${outPath} (${Math.round(bytes / 1024)} KiB)`);
  printLine(
    io,
    `  items ${header.items}  enriched ${header.enriched}  un-enriched ${header.unEnriched}  failures ${header.failures}  dead letters ${header.deadLetters}`,
  );
  return 0;
}

/** `report`: the week's data-quality figures of the local data as one self-contained HTML page. */
export async function reportCommand(flags: ReportFlags, io: CommandIo): Promise<number> {
  const week = parseWeekOption(flags.week, io.now());
  if (flags.celebrities !== undefined) await loadCelebrities(flags.celebrities);
  const context = await openLocalContext(flags, { createTables: false, environment: io.environment });
  try {
    const table = await describeTableIfExists(context.database.dynamodb, context.names.items);
    const hasTables = table !== undefined;
    // A persistent table from before the ranking index gets it on the next run; until then, no rankings.
    const hasRankingIndex = hasTables && !missingIndexes(table).some((index) => index === CELEBRITY_TABLE.rankingIndex);
    const hasLedger = (await describeTableIfExists(context.database.dynamodb, context.names.runLedger)) !== undefined;
    const items = hasTables ? await context.readWeek(week) : [];
    const runs = hasLedger ? (await context.ledger.listRuns()).runs.flatMap((run) => run.summaries) : [];
    const deadLetters = context.streamArn ? (await context.deadLetters.list()).map(toReportDeadLetter) : [];
    const summaries = hasRankingIndex
      ? await readTrendSummaries({ client: context.documentClient, tableName: context.names.items }, week)
      : [];
    return await outputReport(week, { items, runs, deadLetters, summaries }, flags, io);
  } finally {
    await context.close();
  }
}
