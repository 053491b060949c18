/**
 * Monthly cost of the pipeline from its synthesized template (memory, architecture, timeouts, alarms) and run
 * durations. Prices: AWS list prices, us-east-1, on-demand, without the free tier (so the figures compare with the
 * spec's table, which ignores it too).
 */

import { branchStateNames, type CollectionDefinition, type SourceBranch } from '@celebrity-pipeline/collection-plan';
import { SOURCES, type Source } from '@celebrity-pipeline/core';

/**
 * USD list prices (us-east-1). Sources: aws.amazon.com/{lambda,dynamodb,cloudwatch,secrets-manager,step-functions}/pricing.
 */
export const PRICES_USD = {
  lambdaGbSecond: { arm64: 0.000_013_333_4, x86_64: 0.000_016_666_7 },
  lambdaRequest: 0.2 / 1_000_000,
  dynamoDbWriteRequestUnit: 0.625 / 1_000_000,
  dynamoDbReadRequestUnit: 0.125 / 1_000_000,
  dynamoDbStorageGbMonth: 0.25,
  dynamoDbPitrGbMonth: 0.2,
  cloudWatchAlarmMonth: 0.1,
  cloudWatchDashboardMonth: 3,
  cloudWatchLogsIngestedGb: 0.5,
  secretMonth: 0.4,
  /** Step Functions Standard: $0.025 per 1,000 state transitions. */
  stepFunctionsStateTransition: 0.025 / 1_000,
} as const;

/** Weekly runs in an average month (52 a year; the spec's table counts 52 a month). */
export const RUNS_PER_MONTH = 52 / 12;

/** One Lambda function as the template configures it. */
export interface FunctionConfig {
  functionName: string;
  memoryMb: number;
  architecture: 'arm64' | 'x86_64';
  timeoutSeconds: number;
}

/** How much one function runs in a week. */
export interface FunctionWorkload {
  invocationsPerRun: number;
  secondsPerInvocation: number;
}

/** USD per month for `config` running `workload` every week. */
export function lambdaMonthlyUsd(config: FunctionConfig, workload: FunctionWorkload): number {
  const invocations = workload.invocationsPerRun * RUNS_PER_MONTH;
  const gbSeconds = (config.memoryMb / 1_024) * workload.secondsPerInvocation * invocations;
  return gbSeconds * PRICES_USD.lambdaGbSecond[config.architecture] + invocations * PRICES_USD.lambdaRequest;
}

/** DynamoDB request units of one weekly run. */
export interface TableWorkload {
  items: number;
  /** Write units per item write: ceil(item KB), doubled by a GSI that projects ALL. */
  writeUnitsPerItemWrite: number;
  /** Writes per item and run: the scraper's put and the post-processor's update. */
  writesPerItem: number;
  /** Strongly consistent BatchGet of `content_hash` before writing (1 RRU per item). */
  readUnitsPerItem: number;
  /** Table size after a year of weekly runs, for storage and PITR. */
  storedGb: number;
}

/** USD per month for the table's requests, storage and continuous backups. */
export function dynamoDbMonthlyUsd(workload: TableWorkload): number {
  const writeUnits = workload.items * workload.writesPerItem * workload.writeUnitsPerItemWrite * RUNS_PER_MONTH;
  const readUnits = workload.items * workload.readUnitsPerItem * RUNS_PER_MONTH;
  return (
    writeUnits * PRICES_USD.dynamoDbWriteRequestUnit +
    readUnits * PRICES_USD.dynamoDbReadRequestUnit +
    workload.storedGb * (PRICES_USD.dynamoDbStorageGbMonth + PRICES_USD.dynamoDbPitrGbMonth)
  );
}

/** USD per month for alarms and dashboards (billed per month whether they fire or not). */
export function monitoringMonthlyUsd(alarms: number, dashboards: number): number {
  return alarms * PRICES_USD.cloudWatchAlarmMonth + dashboards * PRICES_USD.cloudWatchDashboardMonth;
}

/** Reads each Lambda function's memory, architecture and timeout from a synthesized CloudFormation template. */
export function functionConfigsOf(template: { Resources: Record<string, { Type: string; Properties?: unknown }> }) {
  return Object.values(template.Resources)
    .filter((resource) => resource.Type === 'AWS::Lambda::Function')
    .map((resource): FunctionConfig => {
      const properties = resource.Properties as {
        FunctionName: string;
        MemorySize?: number;
        Architectures?: string[];
        Timeout?: number;
      };
      return {
        functionName: properties.FunctionName,
        memoryMb: properties.MemorySize ?? 128,
        architecture: properties.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64',
        timeoutSeconds: properties.Timeout ?? 3,
      };
    });
}

/** Counts resources of `type` in a template. */
export function countResources(template: { Resources: Record<string, { Type: string }> }, type: string): number {
  return Object.values(template.Resources).filter((resource) => resource.Type === type).length;
}

/** Shards each source's run has (collection-plan's `planSource(...).shards.length`). */
export type ShardCounts = Readonly<Record<Source, number>>;

/**
 * Standard state transitions of one run of the collection definition, counted from the definition: `PlanWeek`,
 * the Parallel state, and per source its Choice, then the direct Task (one shard) or the Distributed Map plus,
 * per shard, the child execution's start and each state of its item processor. `attemptsPerTask` is 1 for a
 * run without retries; 1 + the Task's `MaxAttempts` bounds a run where every Task retries to the end.
 */
export function collectionTransitionsPerRun(
  definition: CollectionDefinition,
  shards: ShardCounts,
  options: { attemptsPerTask?: number } = {},
): number {
  const attempts = options.attemptsPerTask ?? 1;
  // PlanWeek (a Task, with its attempts), then the Parallel state.
  let transitions = attempts + 1;
  for (const branch of definition.States.CollectSources.Branches) {
    const source = sourceOfBranch(branch);
    const names = branchStateNames(source);
    transitions += 1; // the Choice
    const shardCount = shards[source];
    if (shardCount <= 1) {
      transitions += attempts;
      continue;
    }
    const map = branch.States[names.map];
    if (map?.Type !== 'Map') throw new Error(`The ${source} branch has no Map state ${names.map}`);
    const iterationStates = Object.keys(map.ItemProcessor.States).length;
    transitions += 1 + shardCount * (1 + iterationStates * attempts);
  }
  return transitions;
}

/** The most attempts a Task of the definition makes: 1 + its largest retrier `MaxAttempts`. */
export function maxAttemptsPerTask(definition: CollectionDefinition): number {
  return 1 + Math.max(0, ...definition.States.PlanWeek.Retry.map((retrier) => retrier.MaxAttempts));
}

/** USD per month for `transitionsPerRun` Standard state transitions every week. */
export function stepFunctionsMonthlyUsd(transitionsPerRun: number): number {
  return transitionsPerRun * RUNS_PER_MONTH * PRICES_USD.stepFunctionsStateTransition;
}

function sourceOfBranch(branch: SourceBranch): Source {
  const source = SOURCES.find((candidate) => branchStateNames(candidate).choose === branch.StartAt);
  if (!source) throw new Error(`No source starts its branch at ${branch.StartAt}`);
  return source;
}
