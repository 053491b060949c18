import type { Source } from '@celebrity-pipeline/core';
import type { CollectionPlan } from './collection-plan.js';
import { SCRAPER_FUNCTIONS } from './scraper-functions.js';
import type { SourcePlan } from './source-plan.js';

/**
 * USD list prices (us-east-1, on-demand, without the free tier, as the spec's cost table). Sources:
 * aws.amazon.com/{lambda,dynamodb,cloudwatch,secrets-manager,step-functions}/pricing. The one copy: infra's
 * monthly estimate and `celebrity-pipeline plan` both read it.
 */
export const PRICES_USD = Object.freeze({
  lambdaGbSecond: Object.freeze({ arm64: 0.000_013_333_4, x86_64: 0.000_016_666_7 }),
  lambdaRequest: 0.2 / 1_000_000,
  dynamoDbWriteRequestUnit: 0.625 / 1_000_000,
  dynamoDbReadRequestUnit: 0.125 / 1_000_000,
  dynamoDbStorageGbMonth: 0.25,
  dynamoDbPitrGbMonth: 0.2,
  /** Standard workflows, per state transition (Distributed Map child executions included). */
  stepFunctionsStateTransition: 0.025 / 1_000,
  cloudWatchAlarmMonth: 0.1,
  cloudWatchDashboardMonth: 3,
  cloudWatchLogsIngestedGb: 0.5,
  secretMonth: 0.4,
});

/** Weekly runs in an average month (52 a year; the spec's table counts 52 a month). */
export const RUNS_PER_MONTH = 52 / 12;

/** The architecture of every function (infra deploys it; arm64 is ~20 % cheaper per GB-second). */
export const LAMBDA_ARCHITECTURE = 'arm64' as const;
export type LambdaArchitecture = keyof typeof PRICES_USD.lambdaGbSecond;

/**
 * The planner (`PlanWeek`) and the post-processor as the cost sees them. The post-processor's seconds per batch is
 * measured: its bench, 2,000 stream records in 20 batches of 100 through the handler against DynamoDB Local on the
 * 2-core build box, 42.9 s (97 % of it UpdateItem I/O), so 2.1 s per batch.
 */
export const SUPPORT_FUNCTIONS = Object.freeze({
  planner: Object.freeze({ memoryMb: 256, timeoutSeconds: 60, secondsPerRun: 1 }),
  postProcessor: Object.freeze({ memoryMb: 512, timeoutSeconds: 60, secondsPerBatch: 2.1 }),
});

/** What an item costs in DynamoDB per run. */
export const ITEM_COST_FACTS = Object.freeze({
  /** Write units per write: an item of up to 3 KB, doubled by the ranking index, which projects ALL. */
  writeUnitsPerWrite: 6,
  /** The scraper's put and the post-processor's update. */
  writesPerItem: 2,
  /** The scraper's strongly consistent read of `content_hash` before it writes. */
  readUnitsPerItem: 1,
});

/** Seconds an invocation spends beyond its paced HTTP time: cold start, the chunked writes, the ledger entries. */
export const SCRAPER_OVERHEAD_SECONDS = 3;

/** USD of `invocations` of a function of `memoryMb` running `seconds` each. */
export function lambdaUsd(
  memoryMb: number,
  invocations: number,
  seconds: number,
  architecture: LambdaArchitecture = LAMBDA_ARCHITECTURE,
): number {
  return (
    (memoryMb / 1_024) * seconds * invocations * PRICES_USD.lambdaGbSecond[architecture] +
    invocations * PRICES_USD.lambdaRequest
  );
}

/**
 * State transitions of one source's branch, as the definition is built: its Choice, then either the direct Task
 * (one shard) or the Map state plus, per shard, the child execution's start and its Task.
 */
export function branchTransitions(sourcePlan: SourcePlan): number {
  const choice = 1;
  return sourcePlan.shards.length === 1 ? choice + 1 : choice + 1 + sourcePlan.shards.length * 2;
}

/** State transitions of one run: `PlanWeek`, the Parallel state, and every branch. */
export function runTransitions(plan: CollectionPlan): number {
  return 2 + plan.sources.reduce((total, sourcePlan) => total + branchTransitions(sourcePlan), 0);
}

/** One source's share of a run's cost. */
export interface SourceRunCost {
  source: Source;
  invocations: number;
  lambdaUsd: number;
  stateTransitionsUsd: number;
  usd: number;
}

/** The cost of one weekly run on AWS at list prices. */
export interface RunCost {
  sources: SourceRunCost[];
  /** The planner and the post-processor's stream batches. */
  supportLambdaUsd: number;
  /** Item writes and reads (storage grows over the weeks and is a monthly cost). Stream reads by Lambda are free. */
  dynamoDbUsd: number;
  stateTransitions: number;
  stepFunctionsUsd: number;
  lambdaUsd: number;
  usd: number;
}

/**
 * The expected cost of one weekly run of `plan`: each scraper invocation at its shard's paced seconds plus
 * {@link SCRAPER_OVERHEAD_SECONDS}, the planner, the post-processor's batches, the state transitions of the
 * definition, and the items' DynamoDB writes and reads. Not included: monthly costs (alarms, dashboard, secrets,
 * storage), which infra's estimate adds from the template.
 * @param batchSize the stream mapping's batch size (post-processor `STREAM_MAPPING_SETTINGS.batchSize`).
 */
export function runCost(plan: CollectionPlan, batchSize: number): RunCost {
  const sources = plan.sources.map((sourcePlan): SourceRunCost => {
    const { memoryMb } = SCRAPER_FUNCTIONS[sourcePlan.source];
    const lambda = sourcePlan.shards.reduce(
      (total, shard) => total + lambdaUsd(memoryMb, 1, shard.pacedSeconds + SCRAPER_OVERHEAD_SECONDS),
      0,
    );
    const transitions = branchTransitions(sourcePlan) * PRICES_USD.stepFunctionsStateTransition;
    return {
      source: sourcePlan.source,
      invocations: sourcePlan.shards.length,
      lambdaUsd: lambda,
      stateTransitionsUsd: transitions,
      usd: lambda + transitions,
    };
  });
  const items = plan.celebrityCount * plan.sources.length;
  const { planner, postProcessor } = SUPPORT_FUNCTIONS;
  const supportLambdaUsd =
    lambdaUsd(planner.memoryMb, 1, planner.secondsPerRun) +
    lambdaUsd(postProcessor.memoryMb, Math.ceil(items / batchSize), postProcessor.secondsPerBatch);
  const dynamoDbUsd =
    items * ITEM_COST_FACTS.writesPerItem * ITEM_COST_FACTS.writeUnitsPerWrite * PRICES_USD.dynamoDbWriteRequestUnit +
    items * ITEM_COST_FACTS.readUnitsPerItem * PRICES_USD.dynamoDbReadRequestUnit;
  const stateTransitions = runTransitions(plan);
  const stepFunctionsUsd = stateTransitions * PRICES_USD.stepFunctionsStateTransition;
  const lambda = sources.reduce((total, source) => total + source.lambdaUsd, 0) + supportLambdaUsd;
  return {
    sources,
    supportLambdaUsd,
    dynamoDbUsd,
    stateTransitions,
    stepFunctionsUsd,
    lambdaUsd: lambda,
    usd: lambda + dynamoDbUsd + stepFunctionsUsd,
  };
}
