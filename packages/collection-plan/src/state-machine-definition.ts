import { SOURCES, type Source } from '@celebrity-pipeline/core';
import { sourceMaxConcurrency } from '@celebrity-pipeline/scraper-kit';
import { SHARD_TASK_RETRY, TOLERATED_FAILURE_PERCENTAGE } from './shard-policy.js';

/** Function ARNs (CDK tokens on AWS, function names locally) the definition invokes. */
export interface DefinitionFunctions {
  planner: string;
  scrapers: Readonly<Record<Source, string>>;
}

/** One `Retry` entry of a Task. */
export interface RetrierDefinition {
  ErrorEquals: string[];
  IntervalSeconds: number;
  MaxAttempts: number;
  BackoffRate: number;
  MaxDelaySeconds: number;
  JitterStrategy: 'FULL' | 'NONE';
}

/** Where a source branch goes when its Task or Map fails for good: the error kept at `$.failure`. */
export interface CatcherDefinition {
  ErrorEquals: string[];
  ResultPath: string;
  Next: string;
}

/** The end of a source branch that failed: the other sources' branches go on. */
export interface SourceFailedState {
  Type: 'Pass';
  Comment: string;
  End: true;
}

/** A synchronous Lambda invoke Task: the only Task the definition uses. */
export interface LambdaTaskState {
  Type: 'Task';
  Resource: 'arn:aws:states:::lambda:invoke';
  Parameters: { FunctionName: string; 'Payload.$': string };
  ResultSelector: Record<string, string>;
  ResultPath: string | null;
  Retry: RetrierDefinition[];
  Catch?: CatcherDefinition[];
  Next?: string;
  End?: true;
}

/** Chooses the direct Task when a source has one shard (`<path>[1]` absent), else the Distributed Map. */
export interface ChoiceState {
  Type: 'Choice';
  Choices: Array<{ Variable: string; IsPresent: boolean; Next: string }>;
  Default: string;
}

/** A Distributed Map over a source's shard events. */
export interface DistributedMapState {
  Type: 'Map';
  Label: string;
  ItemsPath: string;
  MaxConcurrency: number;
  ToleratedFailurePercentage: number;
  ResultPath: null;
  Catch: CatcherDefinition[];
  ItemProcessor: {
    ProcessorConfig: { Mode: 'DISTRIBUTED'; ExecutionType: 'STANDARD' };
    StartAt: string;
    States: Record<string, LambdaTaskState>;
  };
  End: true;
}

/** One branch of the Parallel state: a source's Choice, direct Task and Map (state names are unique machine-wide). */
export interface SourceBranch {
  StartAt: string;
  States: Record<string, ChoiceState | LambdaTaskState | DistributedMapState | SourceFailedState>;
}

/** The whole definition. */
export interface CollectionDefinition {
  Comment: string;
  StartAt: 'PlanWeek';
  States: {
    PlanWeek: LambdaTaskState;
    CollectSources: { Type: 'Parallel'; Branches: SourceBranch[]; ResultPath: null; End: true };
  };
}

/** The state names of one source's branch. */
export function branchStateNames(source: Source) {
  const name = source[0]?.toUpperCase() + source.slice(1);
  return {
    choose: `${name}ShardCount`,
    single: `${name}SingleShard`,
    map: `${name}Shards`,
    invoke: `${name}InvokeShard`,
    failed: `${name}SourceFailed`,
  };
}

/** Where a source's shard events sit in the state after `PlanWeek` (its output is the planner's `WeekPlan`). */
export function shardsPath(source: Source): string {
  return `$.plan.shards.${source}`;
}

/** The Task `Retry` built from {@link SHARD_TASK_RETRY}. */
export function shardRetry(): RetrierDefinition[] {
  return [
    {
      ErrorEquals: [...SHARD_TASK_RETRY.errorEquals],
      IntervalSeconds: SHARD_TASK_RETRY.intervalSeconds,
      MaxAttempts: SHARD_TASK_RETRY.maxAttempts,
      BackoffRate: SHARD_TASK_RETRY.backoffRate,
      MaxDelaySeconds: SHARD_TASK_RETRY.maxDelaySeconds,
      JitterStrategy: SHARD_TASK_RETRY.jitterStrategy,
    },
  ];
}

/**
 * A source's Task or Map that fails for good (retries used up, more shards failed than tolerated) ends its own
 * branch only: without it, one failed branch fails the Parallel and Step Functions stops the other sources' shards
 * that have not started. The failure stays visible: the scraper's errors and the shard's ledger record, the
 * completeness alarm, and locally the DLQ. The error is kept at `$.failure` of the branch.
 */
export function sourceCatch(source: Source): CatcherDefinition[] {
  return [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: branchStateNames(source).failed }];
}

/** The settings of one source's Distributed Map, derived from the limits (no copied numbers). */
export function mapSettings(source: Source) {
  return {
    maxConcurrency: sourceMaxConcurrency(source),
    toleratedFailurePercentage: TOLERATED_FAILURE_PERCENTAGE,
  };
}

const invoke = (functionName: string, payloadPath: string): LambdaTaskState => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: functionName, 'Payload.$': payloadPath },
  // Keep the state small (256 KB limit): the summary's counts, not its failure list.
  ResultSelector: {
    'status.$': '$.Payload.status',
    'written.$': '$.Payload.written',
    'attempted.$': '$.Payload.attempted',
  },
  ResultPath: null,
  Retry: shardRetry(),
});

function sourceBranch(source: Source, functionName: string): SourceBranch {
  const names = branchStateNames(source);
  const settings = mapSettings(source);
  return {
    StartAt: names.choose,
    States: {
      [names.choose]: {
        Type: 'Choice',
        Choices: [{ Variable: `${shardsPath(source)}[1]`, IsPresent: false, Next: names.single }],
        Default: names.map,
      },
      // One shard (the spec's 100 celebrities): invoke at once, so the four scrapers start together.
      [names.single]: { ...invoke(functionName, `${shardsPath(source)}[0]`), Catch: sourceCatch(source), End: true },
      [names.map]: {
        Type: 'Map',
        Label: names.map,
        ItemsPath: shardsPath(source),
        MaxConcurrency: settings.maxConcurrency,
        ToleratedFailurePercentage: settings.toleratedFailurePercentage,
        ResultPath: null,
        Catch: sourceCatch(source),
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: names.invoke,
          States: { [names.invoke]: { ...invoke(functionName, '$'), End: true } },
        },
        End: true,
      },
      [names.failed]: {
        Type: 'Pass',
        Comment: `${source} failed for this run; the other sources go on (see the ledger and the alarms)`,
        End: true,
      },
    },
  };
}

/**
 * The `celebrity-weekly-collection` definition: `PlanWeek` (the planner turns the Scheduled Event into the week's
 * shard events), then one Parallel branch per source, each a direct Task for one shard or a Distributed Map over
 * its shards with the plan's MaxConcurrency, Task retry and tolerated failure percentage. Pure data: infra
 * deploys it, the local runtime executes it.
 */
export function buildCollectionDefinition(
  functions: DefinitionFunctions,
  sources: readonly Source[] = SOURCES,
): CollectionDefinition {
  const planWeek = invoke(functions.planner, '$');
  return {
    Comment: 'Weekly celebrity collection: plan the shards, then every source in parallel within its limits',
    StartAt: 'PlanWeek',
    States: {
      PlanWeek: {
        ...planWeek,
        ResultSelector: { 'shards.$': '$.Payload.shards' },
        ResultPath: '$.plan',
        Next: 'CollectSources',
      },
      CollectSources: {
        Type: 'Parallel',
        Branches: sources.map((source) => sourceBranch(source, functions.scrapers[source])),
        ResultPath: null,
        End: true,
      },
    },
  };
}
