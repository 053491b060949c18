/**
 * Estimates the monthly cost from a synthesized template (memory, architecture, timeouts, alarms, secrets) and run
 * durations: the scrapers' paced run time from the scraper kit's source limits, the post-processor's measured
 * seconds per batch. Prints a markdown table next to the spec's ~$0.96/month.
 *
 *   npm run synth && pnpm --filter @celebrity-pipeline/infra cost [-- --template cdk.out/X.template.json]
 *        [--post-processor-seconds-per-batch 2.1]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildCollectionDefinition, planSource } from '@celebrity-pipeline/collection-plan';
import {
  COLLECTION_PLANNER_FUNCTION_NAME,
  POST_PROCESSOR_FUNCTION_NAME,
  SCRAPER_ASYNC_INVOKE_POLICY,
  SCRAPER_FUNCTION_NAMES,
  SOURCES,
  type Source,
} from '@celebrity-pipeline/core';
import { STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import {
  collectionTransitionsPerRun,
  countResources,
  dynamoDbMonthlyUsd,
  type FunctionConfig,
  functionConfigsOf,
  lambdaMonthlyUsd,
  maxAttemptsPerTask,
  monitoringMonthlyUsd,
  PRICES_USD,
  RUNS_PER_MONTH,
  SCRAPER_SPECS,
  stepFunctionsMonthlyUsd,
} from '../src/index.js';

const { values } = parseArgs({
  options: {
    template: { type: 'string', default: 'cdk.out/CelebrityPipeline.template.json' },
    // Measured: post-processor bench, 2,000 records in 20 batches of 100 through the handler against DynamoDB
    // Local on this 2-core box at load average 17–20: 42.9 s, i.e. 2.1 s per batch (97 % of it UpdateItem I/O).
    'post-processor-seconds-per-batch': { type: 'string', default: '2.1' },
    'items-per-run': { type: 'string', default: '400' },
  },
});

type Template = { Resources: Record<string, { Type: string; Properties?: unknown }> };
const template = JSON.parse(readFileSync(values.template, 'utf8')) as Template;
const itemsPerRun = Number(values['items-per-run']);
const secondsPerBatch = Number(values['post-processor-seconds-per-batch']);
const batchesPerRun = Math.ceil(itemsPerRun / STREAM_MAPPING_SETTINGS.batchSize);
/** Cold start, writing 100 items in BatchWrite chunks and the ledger entry, on top of the paced HTTP time. */
const SCRAPER_OVERHEAD_SECONDS = 3;

const configs = functionConfigsOf(template);
const configOf = (functionName: string): FunctionConfig => {
  const config = configs.find((candidate) => candidate.functionName === functionName);
  if (!config) throw new Error(`The template has no function ${functionName}`);
  return config;
};

interface Line {
  item: string;
  configuration: string;
  expected: number;
  bound: number;
}

const lines: Line[] = [];
for (const source of SOURCES) {
  const config = configOf(SCRAPER_SPECS[source].functionName);
  const seconds = planSource(source, defaultCelebrityList().celebrities).estimatedSeconds + SCRAPER_OVERHEAD_SECONDS;
  const attempts = 1 + SCRAPER_ASYNC_INVOKE_POLICY.retryAttempts;
  lines.push({
    item: `Lambda ${config.functionName}`,
    configuration: `${config.memoryMb} MB ${config.architecture}, timeout ${config.timeoutSeconds} s; expected ${seconds.toFixed(0)} s/run`,
    expected: lambdaMonthlyUsd(config, { invocationsPerRun: 1, secondsPerInvocation: seconds }),
    bound: lambdaMonthlyUsd(config, { invocationsPerRun: attempts, secondsPerInvocation: config.timeoutSeconds }),
  });
}
/** Reads the list and plans in memory: well under a second; charged 1 s. */
const PLANNER_SECONDS = 1;
const planner = configOf(COLLECTION_PLANNER_FUNCTION_NAME);
lines.push({
  item: `Lambda ${planner.functionName}`,
  configuration: `${planner.memoryMb} MB ${planner.architecture}, timeout ${planner.timeoutSeconds} s; ${PLANNER_SECONDS} s/run`,
  expected: lambdaMonthlyUsd(planner, { invocationsPerRun: 1, secondsPerInvocation: PLANNER_SECONDS }),
  bound: lambdaMonthlyUsd(planner, { invocationsPerRun: 1, secondsPerInvocation: planner.timeoutSeconds }),
});
const definition = buildCollectionDefinition({
  planner: COLLECTION_PLANNER_FUNCTION_NAME,
  scrapers: SCRAPER_FUNCTION_NAMES,
});
const shards = Object.fromEntries(
  SOURCES.map((source) => [source, planSource(source, defaultCelebrityList().celebrities).shards.length]),
) as Record<Source, number>;
const transitions = collectionTransitionsPerRun(definition, shards);
const transitionsBound = collectionTransitionsPerRun(definition, shards, {
  attemptsPerTask: maxAttemptsPerTask(definition),
});
lines.push({
  item: 'Step Functions Standard (celebrity-weekly-collection)',
  configuration: `${transitions} state transitions/run (PlanWeek, Parallel, per source Choice + Task or Map + 2 per shard; shards ${SOURCES.map((source) => `${source} ${shards[source]}`).join(', ')}) × $${PRICES_USD.stepFunctionsStateTransition * 1_000}/1,000; bound: every Task retried to the end (${transitionsBound})`,
  expected: stepFunctionsMonthlyUsd(transitions),
  bound: stepFunctionsMonthlyUsd(transitionsBound),
});
const postProcessor = configOf(POST_PROCESSOR_FUNCTION_NAME);
lines.push({
  item: `Lambda ${postProcessor.functionName}`,
  configuration: `${postProcessor.memoryMb} MB ${postProcessor.architecture}, timeout ${postProcessor.timeoutSeconds} s; ${batchesPerRun} batches × ${secondsPerBatch} s (measured)`,
  expected: lambdaMonthlyUsd(postProcessor, {
    invocationsPerRun: batchesPerRun,
    secondsPerInvocation: secondsPerBatch,
  }),
  bound: lambdaMonthlyUsd(postProcessor, {
    invocationsPerRun: batchesPerRun * (1 + STREAM_MAPPING_SETTINGS.retryAttempts),
    secondsPerInvocation: postProcessor.timeoutSeconds,
  }),
});
const table = {
  items: itemsPerRun,
  writeUnitsPerItemWrite: 3 * 2,
  writesPerItem: 2,
  readUnitsPerItem: 1,
  storedGb: (itemsPerRun * 52 * 3) / 1_000_000,
};
const dynamo = dynamoDbMonthlyUsd(table);
lines.push({
  item: 'DynamoDB (on-demand, stream, PITR)',
  configuration: `${itemsPerRun} items/run × (put + update) × 6 WRU (3 KB, GSI ALL), 1 RRU read; stream reads by Lambda are free`,
  expected: dynamo,
  bound: dynamo * 2,
});
lines.push({
  item: 'EventBridge scheduled rule, SQS, SNS e-mail',
  configuration: 'scheduled rules are free; a few SQS/SNS requests a month',
  expected: 0,
  bound: 0,
});
const alarms = countResources(template, 'AWS::CloudWatch::Alarm');
const dashboards = countResources(template, 'AWS::CloudWatch::Dashboard');
lines.push({
  item: 'CloudWatch alarms + dashboard',
  configuration: `${alarms} alarms × $${PRICES_USD.cloudWatchAlarmMonth}, ${dashboards} dashboard × $${PRICES_USD.cloudWatchDashboardMonth} (free tier: 10 alarms, 3 dashboards)`,
  expected: monitoringMonthlyUsd(alarms, dashboards),
  bound: monitoringMonthlyUsd(alarms, dashboards),
});
const secretArns = new Set(
  configs.length === 0
    ? []
    : Object.values(template.Resources)
        .map(
          (resource) => (resource.Properties as { Environment?: { Variables?: Record<string, unknown> } })?.Environment,
        )
        .map((environment) => environment?.Variables?.SCRAPER_SECRET_ARN)
        .filter((arn): arn is string => typeof arn === 'string'),
);
lines.push({
  item: 'Secrets Manager',
  configuration: `${secretArns.size} secret(s) in this template × $${PRICES_USD.secretMonth} (tmdb + social = 2 in a keyed deployment)`,
  expected: secretArns.size * PRICES_USD.secretMonth,
  bound: secretArns.size * PRICES_USD.secretMonth,
});

const usd = (value: number) => `$${value.toFixed(value < 0.01 && value > 0 ? 4 : 2)}`;
const lambdaLines = lines.filter((line) => line.item.startsWith('Lambda'));
const sum = (selected: Line[], key: 'expected' | 'bound') => selected.reduce((total, line) => total + line[key], 0);
const specAtRealRuns = {
  scrapers: 4 * 300 * 0.5 * RUNS_PER_MONTH * PRICES_USD.lambdaGbSecond.x86_64,
  postProcessor: 4 * 60 * 1 * RUNS_PER_MONTH * PRICES_USD.lambdaGbSecond.x86_64,
};

/** AWS's always-free tier: 10 alarms, 3 dashboards, 25 GB DynamoDB storage, 400,000 Lambda GB-s (far above ours). */
const withFreeTier =
  monitoringMonthlyUsd(Math.max(0, alarms - 10), Math.max(0, dashboards - 3)) +
  dynamoDbMonthlyUsd({ ...table, storedGb: 0 }) +
  table.storedGb * PRICES_USD.dynamoDbPitrGbMonth +
  secretArns.size * PRICES_USD.secretMonth;

const output = [
  `Template: ${values.template}; ${RUNS_PER_MONTH.toFixed(2)} weekly runs a month; us-east-1 list prices, no free tier.`,
  '',
  '| item | configuration | expected / month | bound / month |',
  '| --- | --- | ---: | ---: |',
  ...lines.map((line) => `| ${line.item} | ${line.configuration} | ${usd(line.expected)} | ${usd(line.bound)} |`),
  `| **Lambda total** | | **${usd(sum(lambdaLines, 'expected'))}** | **${usd(sum(lambdaLines, 'bound'))}** |`,
  `| **Total** | | **${usd(sum(lines, 'expected'))}** | **${usd(sum(lines, 'bound'))}** |`,
  `| **Total with the always-free tier** (Lambda, 10 alarms, 3 dashboards, 25 GB storage) | | **${usd(withFreeTier)}** | |`,
  '',
  `Spec's Lambda lines recomputed at ${RUNS_PER_MONTH.toFixed(2)} runs/month (x86, 512 MB × 300 s × 4 and 1024 MB × 60 s × 4): scrapers ${usd(specAtRealRuns.scrapers)}, post-processor ${usd(specAtRealRuns.postProcessor)}.`,
];
process.stdout.write(`${output.join('\n')}\n`);
