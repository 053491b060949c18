/**
 * Batch path vs one PutItem per item, against a DynamoDB Local this script starts (in memory, free port).
 * Same run, several rounds, alternating order; every round writes fresh keys (a new ISO week).
 *
 * Run: `pnpm --filter @celebrity-pipeline/core bench` (every bench) or `node --import tsx bench/writer.bench.ts`.
 * Env: WRITER_BENCH_ITEMS (default 1000), WRITER_BENCH_ROUNDS (default 5), WRITER_BENCH_CONCURRENCY (calls in
 * flight for putItems and for the concurrent PutItem baseline, default 4).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoDbLocal } from '@celebrity-pipeline/dynamodb-local';
import { median } from '@celebrity-pipeline/testing/statistics';
import { createDocumentClient, createItemWriter, createTableInput } from '../src/dynamodb/index.js';
import { buildItem, type CelebrityItem, type IsoWeek, SOURCES, type Source } from '../src/index.js';

const itemCount = Number(process.env.WRITER_BENCH_ITEMS ?? 1_000);
const rounds = Number(process.env.WRITER_BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.WRITER_BENCH_CONCURRENCY ?? 4);

function observation(source: Source, level: number) {
  switch (source) {
    case 'tmdb':
      return { source, signals: { popularity: level }, texts: [{ text: `Popular at ${level}` }] };
    case 'wikipedia':
      return { source, signals: { pageviews_7d: level * 7, daily_pageviews: Array(7).fill(level) }, texts: [] };
    case 'news':
      return {
        source,
        signals: { article_count: level, provider: 'gdelt' as const, window_days: 7 },
        texts: Array.from({ length: 5 }, (_, index) => ({ text: `Headline ${index} about celebrity ${level}` })),
      };
    case 'social':
      return {
        source,
        signals: { mentions: level, likes: level * 3, reposts: level, replies: 1, provider: 'bluesky' as const },
        texts: Array.from({ length: 10 }, (_, index) => ({ text: `Post ${index}: loving it!`, engagement: index })),
      };
  }
}

function items(count: number, week: IsoWeek): CelebrityItem[] {
  const context = { week, runId: `bench-${week}`, collectedAt: new Date('2026-11-22T02:00:00.000Z') };
  return Array.from({ length: count }, (_, index) => {
    const source = SOURCES[index % SOURCES.length] as Source;
    const id = Math.floor(index / SOURCES.length);
    return buildItem(
      { id: `celebrity-${id}`, name: `Celebrity ${id}`, aliases: [], wikipediaTitle: `Celebrity_${id}`, hashtags: [] },
      observation(source, id + 1),
      context,
    );
  });
}

let weekNumber = 0;
function nextWeek(): IsoWeek {
  weekNumber++;
  // Every year has weeks 1-52, so this never yields a week the year lacks.
  const year = 2000 + Math.floor((weekNumber - 1) / 52);
  return `${year}-W${String(((weekNumber - 1) % 52) + 1).padStart(2, '0')}` as IsoWeek;
}

/** One measured run: wall time, and CPU time of DynamoDB Local (the java process) and of this process. */
interface Measurement {
  wallMs: number;
  serverCpuMs: number;
  clientCpuMs: number;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux (`getconf CLK_TCK`)

/** utime + stime of a process (all its threads) from /proc, in ms; null where /proc is unavailable. */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

async function measure(serverPid: number | undefined, run: () => Promise<unknown>): Promise<Measurement> {
  const serverBefore = processCpuMs(serverPid);
  const clientBefore = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallMs = performance.now() - start;
  const client = process.cpuUsage(clientBefore);
  const serverAfter = processCpuMs(serverPid);
  const serverCpuMs = serverBefore === null || serverAfter === null ? Number.NaN : serverAfter - serverBefore;
  return { wallMs, serverCpuMs, clientCpuMs: (client.user + client.system) / 1_000 };
}

function itemsPerSecond(measurement: Measurement): number {
  return (itemCount / measurement.wallMs) * 1_000;
}

/** CPU ms (DynamoDB Local + this process) per 1,000 items: what a write costs whatever else the box is doing. */
function cpuMsPerThousand(measurement: Measurement): number {
  return ((measurement.serverCpuMs + measurement.clientCpuMs) / itemCount) * 1_000;
}

async function main(): Promise<void> {
  const local = await startDynamoDbLocal();
  const client = new DynamoDBClient({
    endpoint: local.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  try {
    const documentClient = createDocumentClient({ client });
    const tableName = `bench-writer-${process.pid}`;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    const writer = createItemWriter({ client: documentClient, tableName, concurrency: CONCURRENCY });

    const onePut = (batch: CelebrityItem[]) => async () => {
      for (const item of batch) await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
    };
    const concurrentPuts = (batch: CelebrityItem[]) => async () => {
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const item = batch[next++];
          await documentClient.send(new PutCommand({ TableName: tableName, Item: item }));
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };

    // Only the write half of putItems, to show what its idempotency read (BatchGetItem) costs.
    const batchWritesOnly = (batch: CelebrityItem[]) => async () => {
      const chunks = Array.from({ length: Math.ceil(batch.length / 25) }, (_, index) =>
        batch.slice(index * 25, index * 25 + 25),
      );
      let next = 0;
      const worker = async () => {
        while (next < chunks.length) {
          const chunk = chunks[next++] ?? [];
          const output = await documentClient.send(
            new BatchWriteCommand({ RequestItems: { [tableName]: chunk.map((Item) => ({ PutRequest: { Item } })) } }),
          );
          if (Object.keys(output.UnprocessedItems ?? {}).length > 0) throw new Error('unexpected UnprocessedItems');
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };

    // Warm-up: one unmeasured full-size run of every method (JIT of node and of DynamoDB Local, connections).
    const warmUpItems = items(itemCount, nextWeek());
    await writer.putItems(warmUpItems);
    await writer.putItems(warmUpItems);
    await onePut(items(itemCount, nextWeek()))();
    await concurrentPuts(items(itemCount, nextWeek()))();
    await batchWritesOnly(items(itemCount, nextWeek()))();

    const results: Record<string, Measurement[]> = {
      [`putItems (batch path: BatchGet + BatchWrite, ${CONCURRENCY} in flight)`]: [],
      'putItems re-run, all unchanged (BatchGet only)': [],
      'PutItem one per item, sequential': [],
      [`PutItem one per item, ${CONCURRENCY} in flight`]: [],
      [`BatchWriteItem only, no idempotency read (${CONCURRENCY} in flight)`]: [],
    };
    const [batch, rerun, sequential, concurrent, writesOnly] = Object.values(results) as [
      Measurement[],
      Measurement[],
      Measurement[],
      Measurement[],
      Measurement[],
    ];
    for (let round = 0; round < rounds; round++) {
      const batchItems = items(itemCount, nextWeek());
      const measurements: [Measurement[], () => Promise<unknown>][] = [
        [
          batch,
          async () => {
            const result = await writer.putItems(batchItems);
            if (result.written.length !== itemCount) {
              throw new Error(`batch path wrote ${result.written.length}/${itemCount}`);
            }
          },
        ],
        [sequential, onePut(items(itemCount, nextWeek()))],
        [concurrent, concurrentPuts(items(itemCount, nextWeek()))],
        [writesOnly, batchWritesOnly(items(itemCount, nextWeek()))],
      ];
      if (round % 2 === 1) measurements.reverse();
      for (const [bucket, run] of measurements) bucket.push(await measure(local.pid, run));
      rerun.push(
        await measure(local.pid, async () => {
          const result = await writer.putItems(batchItems);
          if (result.unchanged.length !== itemCount) throw new Error('re-run wrote items it should have skipped');
        }),
      );
    }

    console.log(
      `\nwriter benchmark: ${itemCount} items × ${rounds} rounds, DynamoDB Local ${local.endpoint} (in memory), Node ${process.version}, load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}\n`,
    );
    printTable('items/s per round (wall clock)', results, itemsPerSecond, 'median items/s');
    printTable('CPU ms per 1,000 items (DynamoDB Local + client)', results, cpuMsPerThousand, 'median CPU ms');
    console.log('');
    // The fair baseline first: the same number of calls in flight as the batch path.
    report(
      `one PutItem per item, ${CONCURRENCY} in flight (same in-flight count: the fair comparison)`,
      batch,
      concurrent,
    );
    report(
      `one PutItem per item, sequential (1 call in flight against the batch path's ${CONCURRENCY}: not like for like)`,
      batch,
      sequential,
    );
  } finally {
    client.destroy();
    await local.stop();
  }
}

function printTable(
  title: string,
  results: Record<string, Measurement[]>,
  metric: (measurement: Measurement) => number,
  summary: string,
): void {
  const cells = Object.values(results).map((values) => values.map((value) => metric(value).toFixed(0)).join(' / '));
  const width = Math.max(...Object.keys(results).map((name) => name.length));
  const cellWidth = Math.max(title.length, ...cells.map((cell) => cell.length));
  console.log(`${'method'.padEnd(width)}  ${title.padEnd(cellWidth)}  ${summary}`);
  Object.entries(results).forEach(([name, values], index) => {
    console.log(
      `${name.padEnd(width)}  ${(cells[index] ?? '').padEnd(cellWidth)}  ${median(values.map(metric)).toFixed(0)}`,
    );
  });
  console.log('');
}

/**
 * The box is shared, so load drifts between rounds: besides the ratio of medians, the per-round ratio compares
 * runs made seconds apart, and the CPU ratio compares what each method costs whatever the load.
 */
function report(label: string, batch: Measurement[], baseline: Measurement[]): void {
  const perRound = batch.map((value, round) => {
    const other = baseline[round];
    return other ? itemsPerSecond(value) / itemsPerSecond(other) : Number.NaN;
  });
  const wallRatio = median(batch.map(itemsPerSecond)) / median(baseline.map(itemsPerSecond));
  const cpuRatio = median(baseline.map(cpuMsPerThousand)) / median(batch.map(cpuMsPerThousand));
  console.log(
    `batch path vs ${label}: ${wallRatio.toFixed(1)}x items/s (medians); per round ${perRound
      .map((ratio) => `${ratio.toFixed(1)}x`)
      .join(' / ')} (median ${median(perRound).toFixed(1)}x); ${cpuRatio.toFixed(1)}x less CPU per item`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
