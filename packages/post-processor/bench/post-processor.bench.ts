/**
 * Records per second through the post-processor's handler on 10,000 synthetic stream records against a DynamoDB
 * Local it starts itself, and where the time goes: scoring (unmarshall + validation + weight + VADER), the
 * Powertools batch machinery, and DynamoDB I/O. Run: `pnpm --filter @celebrity-pipeline/post-processor bench`.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import {
  buildItem,
  type CelebrityItem,
  computeWeight,
  type Observation,
  SOURCES,
  type Source,
  scoreSentiment,
} from '@celebrity-pipeline/core';
import { createDocumentClient, createItemWriter, createTableInput } from '@celebrity-pipeline/core/dynamodb';
import { startDynamoDbLocal } from '@celebrity-pipeline/dynamodb-local';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import type { DynamoDBRecord } from 'aws-lambda';
import { createPostProcessor, enrichmentFor, itemFromStreamRecord, STREAM_MAPPING_SETTINGS } from '../src/index.js';
import { observationOf, SAMPLE_TEXTS } from '../tests/helpers/items.js';
import { dynamodbStreamEvent, insertRecord } from '../tests/helpers/stream-records.js';

const RECORD_COUNT = Number(process.env.BENCH_RECORDS ?? 10_000);
const WARM_UP_COUNT = 1_000;
const NOW = new Date('2026-11-22T02:05:00.000Z');
const PHRASES = [
  SAMPLE_TEXTS.positive,
  SAMPLE_TEXTS.negative,
  SAMPLE_TEXTS.neutral,
  'Critics say the new series is not bad at all, but the ending felt rushed.',
  'She was seen at the premiere on Saturday night with the rest of the cast.',
  'Honestly the worst interview of the year :( so disappointing',
];

/** Items shaped like a real week: 1–20 texts of 70–220 characters each, tones mixed, the four sources in turn. */
function syntheticItems(count: number, prefix = 'bench'): CelebrityItem[] {
  return Array.from({ length: count }, (_, index) => {
    const source = SOURCES[index % SOURCES.length] as Source;
    const celebrityIndex = Math.floor(index / SOURCES.length);
    const textCount = 1 + (index % 20);
    const texts = Array.from({ length: textCount }, (_, textIndex) => ({
      text: `${PHRASES[(index + textIndex) % PHRASES.length]} ${PHRASES[(index * 7 + textIndex) % PHRASES.length]}`,
      engagement: (index * 13 + textIndex) % 500,
    }));
    const observation = { ...observationOf(source, 10 + celebrityIndex), texts } as Observation;
    const celebrity = {
      id: `${prefix}-${celebrityIndex}`,
      name: `Bench Celebrity ${celebrityIndex}`,
      aliases: [],
      wikipediaTitle: `Bench_${celebrityIndex}`,
      hashtags: [],
    };
    return buildItem(celebrity, observation, { week: '2026-W47', runId: 'bench', collectedAt: NOW });
  });
}

function batchesOf(records: DynamoDBRecord[]): DynamoDBRecord[][] {
  const batches: DynamoDBRecord[][] = [];
  for (let start = 0; start < records.length; start += STREAM_MAPPING_SETTINGS.batchSize) {
    batches.push(records.slice(start, start + STREAM_MAPPING_SETTINGS.batchSize));
  }
  return batches;
}

/** Wall time and this process's CPU time (user + system) of `run`. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const cpu = process.cpuUsage(cpuStart);
  return { ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1_000, value };
}

function scoreOnly(records: DynamoDBRecord[]): { parseMs: number; weightMs: number; sentimentMs: number } {
  let parseMs = 0;
  let weightMs = 0;
  let sentimentMs = 0;
  for (const record of records) {
    let start = performance.now();
    const item = itemFromStreamRecord(record);
    parseMs += performance.now() - start;
    start = performance.now();
    computeWeight(item);
    weightMs += performance.now() - start;
    start = performance.now();
    scoreSentiment(item.texts);
    sentimentMs += performance.now() - start;
  }
  return { parseMs, weightMs, sentimentMs };
}

async function throughHandler(
  postProcessor: ReturnType<typeof createPostProcessor>,
  batches: DynamoDBRecord[][],
): Promise<number> {
  let failures = 0;
  for (const batch of batches)
    failures += (await postProcessor.handle(dynamodbStreamEvent(batch))).batchItemFailures.length;
  return failures;
}

function telemetry() {
  // Silent logger and disabled metrics: the benchmark measures the work, not writing 10,000 log lines to a pipe.
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  return {
    logger: new Logger({ serviceName: 'post-processor-bench', logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'CelebrityPipelineBench', serviceName: 'post-processor-bench' }),
  };
}

async function main(): Promise<void> {
  const local = await startDynamoDbLocal({});
  const client = localDynamoDbClient(local.endpoint);
  try {
    const documentClient = createDocumentClient({ client });
    const { tableName } = await createTestTable(client, createTableInput(), 'bench');
    const items = syntheticItems(RECORD_COUNT);
    const records = items.map(insertRecord);
    const batches = batchesOf(records);
    const writer = createItemWriter({ client: documentClient, tableName });
    const { ms: putMs } = await timed(() => writer.putItems(items));

    // Warm-up outside the measurements: Node's JIT on the scoring path, and DynamoDB Local's JVM on UpdateItem
    // (with items of their own, so the measured pass still writes every item).
    const warmUpItems = syntheticItems(WARM_UP_COUNT, 'warm-up');
    await writer.putItems(warmUpItems);
    const warmUpRecords = warmUpItems.map(insertRecord);
    scoreOnly(warmUpRecords);
    for (const record of warmUpRecords) enrichmentFor(itemFromStreamRecord(record), NOW);
    const warmUpProcessor = createPostProcessor({ documentClient, tableName, now: () => NOW, ...telemetry() });
    await throughHandler(warmUpProcessor, batchesOf(warmUpRecords));
    const loadBefore = loadavg()[0] ?? 0;

    const { value: scoring, cpuMs: scoringCpuMs } = await timed(async () => scoreOnly(records));
    const scoringMs = scoring.parseMs + scoring.weightMs + scoring.sentimentMs;
    const noWrites = createPostProcessor({ writer: { enrich: async () => 'updated' }, now: () => NOW, ...telemetry() });
    const { ms: handlerNoIoMs, cpuMs: handlerNoIoCpuMs } = await timed(() => throughHandler(noWrites, batches));

    const postProcessor = createPostProcessor({ documentClient, tableName, now: () => NOW, ...telemetry() });
    const {
      ms: handlerMs,
      cpuMs: handlerCpuMs,
      value: failures,
    } = await timed(() => throughHandler(postProcessor, batches));
    const {
      ms: redeliveryMs,
      cpuMs: redeliveryCpuMs,
      value: redeliveryFailures,
    } = await timed(() => throughHandler(postProcessor, batches));
    if (failures + redeliveryFailures > 0) throw new Error(`${failures + redeliveryFailures} record(s) failed`);

    const loadAfter = loadavg()[0] ?? 0;
    const textsPerItem = items.reduce((sum, item) => sum + item.texts.length, 0) / items.length;
    const sdkCpuMs = handlerCpuMs - handlerNoIoCpuMs;
    const share = (ms: number) => `${((100 * ms) / handlerMs).toFixed(1)} %`;
    const perSecond = (ms: number) => Math.round((RECORD_COUNT * 1_000) / ms);
    const rate = (ms: number) => `${ms.toFixed(0)} ms = ${perSecond(ms)} records/s`;
    const rows: [string, string][] = [
      [
        'records',
        `${RECORD_COUNT} in ${batches.length} batches of ${STREAM_MAPPING_SETTINGS.batchSize} (${textsPerItem.toFixed(1)} texts/item)`,
      ],
      [
        'machine',
        `${cpus().length} cores, load average ${loadBefore.toFixed(1)} before / ${loadAfter.toFixed(1)} after`,
      ],
      ['setup: putItems (BatchWrite)', `${putMs.toFixed(0)} ms`],
      ['handler, DynamoDB Local, first delivery', `${rate(handlerMs)}, Node CPU ${handlerCpuMs.toFixed(0)} ms`],
      [
        'handler, DynamoDB Local, redelivery (no writes)',
        `${rate(redeliveryMs)}, Node CPU ${redeliveryCpuMs.toFixed(0)} ms`,
      ],
      ['handler, no I/O (writer stubbed)', `${rate(handlerNoIoMs)}, Node CPU ${handlerNoIoCpuMs.toFixed(0)} ms`],
      [
        'scoring alone (unmarshall+validate, weight, VADER)',
        `${rate(scoringMs)}, Node CPU ${scoringCpuMs.toFixed(0)} ms`,
      ],
      ['  of which unmarshall + parseItem', `${scoring.parseMs.toFixed(0)} ms`],
      ['  of which computeWeight', `${scoring.weightMs.toFixed(1)} ms`],
      ['  of which scoreSentiment (VADER)', `${scoring.sentimentMs.toFixed(0)} ms`],
      // An ESTIMATE of where the first delivery's wall time goes, built by subtraction: only scoring's CPU time is
      // measured on its own; the batch machinery is (CPU without I/O) − (scoring CPU), the SDK is (CPU with I/O) −
      // (CPU without I/O) from two other runs, and the wait is (wall) − (CPU). The parts sum to 100 % by
      // construction, not because they were each measured.
      ['first delivery: scoring (Node CPU, measured)', `${share(scoringCpuMs)} of wall`],
      [
        'first delivery: batch machinery + logging (estimate, by subtraction)',
        `${share(handlerNoIoCpuMs - scoringCpuMs)} of wall`,
      ],
      [
        'first delivery: AWS SDK + writer (estimate, by subtraction)',
        `${share(sdkCpuMs)} of wall, ${(sdkCpuMs / RECORD_COUNT).toFixed(2)} ms per UpdateItem`,
      ],
      [
        'first delivery: waiting on DynamoDB Local (estimate, by subtraction)',
        `${share(handlerMs - handlerCpuMs)} of wall`,
      ],
      ['=> scoring vs I/O (estimate)', `${share(scoringCpuMs)} vs ${share(handlerMs - handlerNoIoCpuMs)}`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
    console.log(
      JSON.stringify({
        records: RECORD_COUNT,
        recordsPerSecond: perSecond(handlerMs),
        redeliveryRecordsPerSecond: perSecond(redeliveryMs),
        scoringShare: Number((scoringCpuMs / handlerMs).toFixed(3)),
        estimatedIoShare: Number(((handlerMs - handlerNoIoCpuMs) / handlerMs).toFixed(3)),
        loadAverage: Number(loadBefore.toFixed(1)),
      }),
    );
  } finally {
    client.destroy();
    await local.stop();
  }
}

await main();
