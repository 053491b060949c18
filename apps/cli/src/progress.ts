import type { Source } from '@celebrity-pipeline/core';
import type { CycleEvent, ShardOutcome, SourceOutcome } from '@celebrity-pipeline/local-runtime';
import { Listr } from 'listr2';

/** Receives a cycle's events and shows them. */
export interface ProgressDisplay {
  onEvent(event: CycleEvent): void;
  /** A line outside the per-source progress (setup steps). */
  note(message: string): void;
  /** Ends the display (resolves when the renderer has drawn its last frame). */
  finish(): Promise<void>;
}

/** Where output goes (injected in tests). */
export interface OutputStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
}

/** No progress at all (`--json`: stdout carries only the result). */
export const silentProgress: ProgressDisplay = { onEvent: () => {}, note: () => {}, finish: async () => {} };

/** One plain line per event, stamped with the seconds since start: for pipes, CI and logs. Enrichment is reported when its figures change. */
export function plainProgress(
  output: (line: string) => void,
  now: () => number = () => performance.now(),
): ProgressDisplay {
  const startedAt = now();
  const write = (line: string) => output(`[${((now() - startedAt) / 1_000).toFixed(1).padStart(5)} s] ${line}`);
  let last = '';
  return {
    onEvent(event) {
      if (event.type === 'scraper-started') write(`scraper ${event.source}: started (${event.shards} shard(s))`);
      else if (event.type === 'shard-settled') {
        if (event.total > 1) write(`scraper ${event.source}: ${describeShards(event)}`);
      } else if (event.type === 'scraper-settled') write(`scraper ${event.source}: ${describeOutcome(event.outcome)}`);
      else {
        const line = `post-processor: ${event.enriched}/${event.written} written by this run enriched, ${event.deadLettered} dead-lettered`;
        if (line !== last) write(line);
        last = line;
      }
    },
    note: (message) => write(message),
    finish: async () => {},
  };
}

type ShardSettled = Extract<CycleEvent, { type: 'shard-settled' }>;

/** `shards 3/15 done` (and the shard that just failed, when it did). */
export function describeShards(event: ShardSettled): string {
  const failed = event.outcome.status === 'failed' ? `, shard ${event.outcome.shard.shard.index} failed` : '';
  return `shards ${event.done}/${event.total} done${failed}`;
}

/** A source's result: its shards' combined summaries, or why it failed. */
export function describeOutcome(outcome: SourceOutcome<unknown>): string {
  const ran = outcome.shards.filter(
    (shard): shard is Exclude<ShardOutcome<unknown>, { status: 'not-run' }> => shard.status !== 'not-run',
  );
  const startedAt = Math.min(...ran.map((shard) => shard.startedAt.getTime()));
  const finishedAt = Math.max(...ran.map((shard) => shard.finishedAt.getTime()));
  const seconds = (ran.length === 0 ? 0 : (finishedAt - startedAt) / 1_000).toFixed(1);
  const succeeded = outcome.shards.filter((shard) => shard.status === 'succeeded');
  const shards = `shards ${succeeded.length}/${outcome.shards.length}`;
  if (outcome.status === 'failed') {
    const failed = outcome.shards.find((shard) => shard.status === 'failed');
    const reason =
      failed?.status === 'failed' ? `${failed.error.message} after ${failed.attempts} attempt(s)` : 'not run';
    return `failed in ${seconds} s (${shards} succeeded): ${outcome.error?.message ?? reason} → DLQ`;
  }
  const summaries = succeeded.map(
    (shard) =>
      (shard.status === 'succeeded' ? shard.result : undefined) as
        | { written?: number; unchanged?: number; failed?: unknown[] }
        | undefined,
  );
  const total = (pick: (summary: (typeof summaries)[number]) => number | undefined) =>
    summaries.every((summary) => pick(summary) !== undefined)
      ? summaries.reduce((sum, summary) => sum + (pick(summary) ?? 0), 0)
      : '?';
  return `done in ${seconds} s (${shards}, written ${total((summary) => summary?.written)}, unchanged ${total((summary) => summary?.unchanged)}, failed ${total((summary) => summary?.failed?.length)})`;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function deferred(): Deferred {
  let resolve = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<void>((resolveWith, rejectWith) => {
    resolve = resolveWith;
    reject = rejectWith;
  });
  return { promise, resolve, reject };
}

/** A listr2 task list: one task per source and one for the post-processor, updated live (TTY only). */
export function taskListProgress(sources: readonly Source[], output: OutputStreams): ProgressDisplay {
  const settled = new Map(sources.map((source) => [source, deferred()]));
  const titles = new Map<string, (title: string) => void>();
  const enrichment = deferred();
  let enrichmentTitle = 'post-processor: waiting for stream records';
  const list = new Listr(
    [
      ...sources.map((source) => ({
        title: `scraper ${source}`,
        task: async (_context: unknown, task: { title: string }) => {
          titles.set(source, (title) => {
            task.title = title;
          });
          await settled.get(source)?.promise;
        },
      })),
      {
        title: enrichmentTitle,
        task: async (_context: unknown, task: { title: string }) => {
          titles.set('enrichment', (title) => {
            task.title = title;
          });
          task.title = enrichmentTitle;
          await enrichment.promise;
        },
      },
    ],
    { concurrent: true, exitOnError: false, rendererOptions: { collapseErrors: false } },
  );
  const running = list.run().catch(() => undefined);
  return {
    onEvent(event) {
      if (event.type === 'scraper-started') {
        titles.get(event.source)?.(`scraper ${event.source}: shards 0/${event.shards} done`);
      } else if (event.type === 'shard-settled') {
        titles.get(event.source)?.(`scraper ${event.source}: ${describeShards(event)}`);
      } else if (event.type === 'scraper-settled') {
        titles.get(event.source)?.(`scraper ${event.source}: ${describeOutcome(event.outcome)}`);
        const entry = settled.get(event.source);
        if (event.outcome.status === 'failed')
          entry?.reject(new Error(`scraper ${event.source}: ${describeOutcome(event.outcome)}`));
        else entry?.resolve();
      } else if (event.type === 'enrichment-progress') {
        enrichmentTitle = `post-processor: ${event.enriched}/${event.written} written by this run enriched, ${event.deadLettered} dead-lettered`;
        titles.get('enrichment')?.(enrichmentTitle);
      }
    },
    note: (message) => output.stderr.write(`${message}\n`),
    async finish() {
      for (const entry of settled.values()) entry.resolve();
      enrichment.resolve();
      await running;
    },
  };
}

/** Picks the display: silent for `--json`, listr2 on a TTY outside CI, plain lines otherwise. */
export function chooseProgress(options: {
  isJson: boolean;
  sources: readonly Source[];
  output: OutputStreams;
}): ProgressDisplay {
  if (options.isJson) return silentProgress;
  const isInteractive = options.output.stdout.isTTY === true && !process.env.CI;
  if (isInteractive) return taskListProgress(options.sources, options.output);
  return plainProgress((line) => options.output.stdout.write(`${line}\n`));
}
