import { listStoredWeeks } from '@celebrity-pipeline/core/dynamodb';
import { createPostProcessor, PROCESSOR_VERSION, rescoreRecord } from '@celebrity-pipeline/post-processor';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import { UsageError } from '../errors.js';
import type { DatabaseFlags } from '../flags.js';
import { type LocalContext, openLocalContext } from '../local-context.js';
import { printHistory, printTop, readHistory, readTop, weekOrLatest } from '../rankings/ranking-reads.js';
import { type DeliverRescoreBatch, formatRescore, rescoreWeeks } from '../rankings/rescore-weeks.js';
import { formatRollUp } from '../rankings/roll-up.js';

/** Flags of `top`. */
export interface TopFlags extends DatabaseFlags {
  week?: string;
  limit: number;
  json?: boolean;
}

/** Flags of `history`. */
export interface HistoryFlags extends DatabaseFlags {
  week?: string;
  weeks: number;
  json?: boolean;
}

/** Flags of `rescore`. */
export interface RescoreFlags extends DatabaseFlags {
  week?: string;
  allWeeks?: boolean;
  dryRun?: boolean;
  json?: boolean;
  verbose?: boolean;
}

async function withLocalTables<T>(
  flags: DatabaseFlags,
  io: CommandIo,
  action: (context: LocalContext) => Promise<T>,
): Promise<T> {
  // createTables: a persistent table from before the ranking index gets it here (see ensureLocalTables).
  const context = await openLocalContext(flags, { createTables: true, environment: io.environment });
  try {
    return await action(context);
  } finally {
    await context.close();
  }
}

/** `top`: the week's ranking from the local table. */
export function topCommand(flags: TopFlags, io: CommandIo): Promise<number> {
  return withLocalTables(flags, io, async (context) => {
    const source = { client: context.documentClient, tableName: context.names.items };
    const week = await weekOrLatest(source, flags.week, io.now());
    return printTop(await readTop(source, week, flags.limit), flags.json ?? false, io);
  });
}

/** `history CELEBRITY_ID`: a celebrity's weekly scores from the local table. */
export function historyCommand(celebrityId: string, flags: HistoryFlags, io: CommandIo): Promise<number> {
  return withLocalTables(flags, io, async (context) => {
    const source = { client: context.documentClient, tableName: context.names.items };
    const toWeek = await weekOrLatest(source, flags.week, io.now());
    return printHistory(await readHistory(source, celebrityId, toWeek, flags.weeks), flags.json ?? false, io);
  });
}

/** The local post-processor, as the stream poller runs it, fed one re-score record per item. */
function localDelivery(context: LocalContext, verbose: boolean): DeliverRescoreBatch {
  // Powertools reads its log level and metrics switch from process.env when a Logger/Metrics is built.
  process.env.POWERTOOLS_LOG_LEVEL = verbose ? 'INFO' : 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = verbose ? 'false' : 'true';
  const postProcessor = createPostProcessor({ documentClient: context.documentClient, tableName: context.names.items });
  let sequence = 0;
  return (items) =>
    Promise.all(
      items.map(async (item) => {
        try {
          const outcome = await postProcessor.processRecord(rescoreRecord(item, ++sequence));
          return { status: outcome === 'updated' ? ('rescored' as const) : ('unchanged' as const) };
        } catch (error) {
          return { status: 'failed' as const, reason: (error as Error).message };
        }
      }),
    );
}

/** Resolves `--week` / `--all-weeks` into the weeks to re-score. */
export async function rescoreWeeksOf(
  flags: Pick<RescoreFlags, 'week' | 'allWeeks'>,
  source: Parameters<typeof listStoredWeeks>[0],
  now: Date,
) {
  if (flags.week !== undefined && flags.allWeeks) throw new UsageError('--week and --all-weeks exclude each other');
  return flags.allWeeks ? listStoredWeeks(source) : [await weekOrLatest(source, flags.week, now)];
}

/** Prints a re-score's progress on stderr (never with --json), then its counts; exit 1 when an item failed. */
export function reportRescore(
  result: Awaited<ReturnType<typeof rescoreWeeks>>,
  isJson: boolean,
  io: CommandIo,
): number {
  if (isJson) printJson(io, result);
  else {
    printLine(io, formatRescore(result));
    for (const failure of result.failures) printLine(io, `  failed ${failure.key}: ${failure.reason}`);
    for (const rollUp of result.rollUps) printLine(io, formatRollUp(rollUp));
  }
  return result.failed > 0 ? 1 : 0;
}

/** Progress lines on stderr, unless `--json` keeps the output to the JSON alone. */
export function rescoreProgress(isJson: boolean, io: CommandIo) {
  return (progress: { week: string; done: number; total: number }) => {
    if (!isJson) io.stderr.write(`rescore ${progress.week}: ${progress.done}/${progress.total}\n`);
  };
}

/** `rescore`: re-enriches the local items of an older `processor_version` with this post-processor. */
export function rescoreCommand(flags: RescoreFlags, io: CommandIo): Promise<number> {
  return withLocalTables(flags, io, async (context) => {
    const source = { client: context.documentClient, tableName: context.names.items };
    const result = await rescoreWeeks({
      ...source,
      weeks: await rescoreWeeksOf(flags, source, io.now()),
      processorVersion: PROCESSOR_VERSION,
      isDryRun: flags.dryRun ?? false,
      deliver: localDelivery(context, flags.verbose ?? false),
      onProgress: rescoreProgress(flags.json ?? false, io),
    });
    return reportRescore(result, flags.json ?? false, io);
  });
}
