import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import type { WeekPlan } from '@celebrity-pipeline/collection-plan';
import { type IsoWeek, isEnriched, parseIsoWeek, type RunSummary, type Source } from '@celebrity-pipeline/core';
import {
  type CycleResult,
  type DeadLetter,
  deliverRecords,
  runWeeklyCycle,
  type ScraperInvocationFailure,
} from '@celebrity-pipeline/local-runtime';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import { UsageError } from '../errors.js';
import type { DlqRedriveFlags } from '../flags.js';
import { openPipeline } from '../pipeline.js';

/** What one redriven message became. */
export interface RedriveResult {
  id: string;
  isSucceeded: boolean;
  /** The new message when it failed again. */
  deadLetterId?: string;
  detail: string;
}

/**
 * The plan a redrive executes: for each dead-lettered source, exactly the shards its messages name, or all of the
 * source's shards in `plan` (the week planned again) for a message without one. Sources without a message are
 * left out, so the definition is built for the redriven sources only.
 */
export function redrivePlan(plan: WeekPlan, letters: readonly ScraperLetter[]): WeekPlan {
  const shards: Partial<WeekPlan['shards']> = {};
  for (const letter of letters) {
    const { source, shard } = letter.payload;
    const planned = shard ? [shard] : plan.shards[source];
    const known = shards[source] ?? [];
    const added = planned.filter((entry) => !known.some((other) => other.shard.index === entry.shard.index));
    shards[source] = [...known, ...added].sort((left, right) => left.shard.index - right.shard.index);
  }
  return { ...plan, shards: shards as WeekPlan['shards'] };
}

/** What a redriven scraper message became: its shard's outcome, or its source's when it names no shard. */
function redriveOutcome(cycle: CycleResult<RunSummary>, letter: ScraperLetter): RedriveResult | undefined {
  const source = cycle.sources.find((outcome) => outcome.source === letter.payload.source);
  if (!source || cycle.isInterrupted) return undefined;
  const index = letter.payload.shard?.shard.index;
  const shards =
    index === undefined ? source.shards : source.shards.filter((outcome) => outcome.shard.shard.index === index);
  const failed = shards.find((shard) => shard.status !== 'succeeded');
  const name = `scraper ${letter.payload.source}${index === undefined ? '' : ` shard ${index}`}`;
  if (shards.length > 0 && !failed) return { id: letter.id, isSucceeded: true, detail: `${name} succeeded` };
  const reason = failed?.status === 'failed' ? failed.error.message : (cycle.executionError?.message ?? 'not run');
  return {
    id: letter.id,
    isSucceeded: false,
    ...(failed?.deadLetter ? { deadLetterId: failed.deadLetter.id } : {}),
    detail: `${name} failed again: ${reason}`,
  };
}

/**
 * `dlq redrive [ID|--all]`: sends each message back where it failed — a scraper shard is run again through the
 * collection definition with its original Scheduled Event (same run id, same week) and shard event, under the
 * same Task retries, while the stream poller runs until what it wrote is enriched; a stream batch is handed to the post-processor again under the
 * mapping policy. A message leaves the DLQ once redriven; one that fails again comes back as a new message.
 */
export async function dlqRedriveCommand(
  id: string | undefined,
  flags: DlqRedriveFlags,
  io: CommandIo,
): Promise<number> {
  if (id && flags.all) throw new UsageError('dlq redrive: give a message ID or --all, not both');
  if (!id && !flags.all) throw new UsageError('dlq redrive: give a message ID or --all');
  const list = await loadCelebrities(flags.celebrities);
  const pipeline = await openPipeline(
    flags,
    { celebrities: list, isCustom: flags.celebrities !== undefined },
    { environment: io.environment },
  );
  try {
    const { deadLetters } = pipeline.context;
    const letters = id ? [await deadLetters.get(id)] : await deadLetters.list();
    const results: RedriveResult[] = [];
    const weeks = new Set<IsoWeek>();
    for (const [eventId, group] of groupScraperLetters(letters)) {
      const week = parseIsoWeek(group[0]?.payload.week ?? '');
      weeks.add(week);
      const cycle = await runWeeklyCycle({
        week,
        runId: eventId,
        event: group[0]?.payload.event,
        planWeek: (event) => redrivePlan(pipeline.planWeek(event), group),
        targets: pipeline.targets([...new Set<Source>(group.map((letter) => letter.payload.source))]),
        poller: pipeline.poller,
        deadLetters,
        timeScale: pipeline.timeScale,
        readWeek: () => pipeline.context.readWeek(week),
        signal: io.signal,
      });
      for (const letter of group) {
        const result = redriveOutcome(cycle, letter);
        if (!result) continue;
        await deadLetters.remove(letter.id);
        results.push(result);
      }
    }
    for (const letter of letters) {
      if (letter.payload.kind !== 'stream-batch' || io.signal.aborted) continue;
      let newLetter: string | undefined;
      await deliverRecords(letter.payload.records, {
        handler: pipeline.streamHandler,
        policy: { ...pipeline.streamPolicy, maxRecordAgeSeconds: -1 },
        signal: io.signal,
        onExhausted: async (exhausted) => {
          const sent = await deadLetters.send({
            condition: exhausted.condition,
            errorName: exhausted.error.name,
            errorMessage: exhausted.error.message,
            attempts: exhausted.attempts,
            payload: {
              ...(letter.payload as Extract<DeadLetter['payload'], { kind: 'stream-batch' }>),
              records: exhausted.records,
            },
          });
          newLetter = sent.id;
        },
      });
      await deadLetters.remove(letter.id);
      results.push({
        id: letter.id,
        isSucceeded: newLetter === undefined,
        ...(newLetter ? { deadLetterId: newLetter } : {}),
        detail: `${letter.payload.records.length} stream record(s) ${newLetter ? 'failed again' : 'enriched'}`,
      });
    }
    const weekFigures = await Promise.all(
      [...weeks].map(async (week) => {
        const items = await pipeline.context.readWeek(week);
        return { week, written: items.length, enriched: items.filter(isEnriched).length };
      }),
    );
    if (flags.json) printJson(io, { results, weeks: weekFigures });
    else {
      if (results.length === 0) printLine(io, 'Nothing to redrive: the DLQ is empty.');
      for (const result of results) {
        printLine(
          io,
          `${result.isSucceeded ? 'OK    ' : 'FAILED'}  ${result.id}: ${result.detail}${result.deadLetterId ? ` → ${result.deadLetterId}` : ''}`,
        );
      }
      for (const figures of weekFigures) {
        printLine(io, `Week ${figures.week}: ${figures.written} items written, ${figures.enriched} enriched`);
      }
    }
    return results.every((result) => result.isSucceeded) ? 0 : 1;
  } finally {
    await pipeline.close();
  }
}

type ScraperLetter = DeadLetter & { payload: ScraperInvocationFailure };

/** Scraper messages grouped by the Scheduled Event they carry (one redrive cycle per original run, each source invoked once). */
export function groupScraperLetters(letters: readonly DeadLetter[]): Map<string, ScraperLetter[]> {
  const groups = new Map<string, ScraperLetter[]>();
  for (const letter of letters) {
    if (letter.payload.kind !== 'scraper-invocation') continue;
    const key = letter.payload.event.id;
    groups.set(key, [...(groups.get(key) ?? []), letter as ScraperLetter]);
  }
  return groups;
}
