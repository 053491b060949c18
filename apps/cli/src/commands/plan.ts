import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import {
  type CollectionPlan,
  formatDuration,
  planCollection,
  type RunCost,
  runCost,
} from '@celebrity-pipeline/collection-plan';
import { STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { PlanFlags } from '../flags.js';
import { formatTable } from '../report-format.js';

/** One source in `plan --json`. */
export interface PlanSourceJson {
  source: string;
  provider: string;
  shards: number;
  maxConcurrency: number;
  requests: number;
  estimatedSeconds: number;
  shardTimeoutSeconds: number;
  longestShardSeconds: number;
  costUsd: number;
}

/** `plan --json`: the list, one entry per source, and the run's totals. */
export interface PlanJson {
  celebrities: number;
  listHash: string;
  sources: PlanSourceJson[];
  estimatedSeconds: number;
  stateTransitions: number;
  cost: { lambdaUsd: number; stepFunctionsUsd: number; dynamoDbUsd: number; usd: number };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The plan and its cost as `plan --json` prints them (seconds to 0.1 s, dollars to 0.0001). */
export function planJson(plan: CollectionPlan, cost: RunCost): PlanJson {
  return {
    celebrities: plan.celebrityCount,
    listHash: plan.listHash,
    sources: plan.sources.map((sourcePlan) => ({
      source: sourcePlan.source,
      provider: sourcePlan.provider,
      shards: sourcePlan.shards.length,
      maxConcurrency: sourcePlan.maxConcurrency,
      requests: sourcePlan.requests,
      estimatedSeconds: round(sourcePlan.estimatedSeconds, 1),
      shardTimeoutSeconds: sourcePlan.shardTimeoutSeconds,
      longestShardSeconds: round(sourcePlan.longestShardSeconds, 1),
      costUsd: round(cost.sources.find((candidate) => candidate.source === sourcePlan.source)?.usd ?? 0, 4),
    })),
    estimatedSeconds: round(plan.estimatedSeconds, 1),
    stateTransitions: cost.stateTransitions,
    cost: {
      lambdaUsd: round(cost.lambdaUsd, 4),
      stepFunctionsUsd: round(cost.stepFunctionsUsd, 4),
      dynamoDbUsd: round(cost.dynamoDbUsd, 4),
      usd: round(cost.usd, 4),
    },
  };
}

/** The human table of `plan`. */
export function formatPlan(json: PlanJson): string[] {
  const usd = (value: number) => `$${value.toFixed(4)}`;
  return [
    `${json.celebrities} celebrities (list ${json.listHash.slice(0, 12)}), at the live limits:`,
    ...formatTable(
      ['source', 'provider', 'shards', 'MaxConcurrency', 'requests', 'wall time', 'longest shard / timeout', 'cost'],
      json.sources.map((source) => [
        source.source,
        source.provider,
        String(source.shards),
        String(source.maxConcurrency),
        String(source.requests),
        formatDuration(source.estimatedSeconds),
        `${Math.round(source.longestShardSeconds)} s / ${source.shardTimeoutSeconds} s`,
        usd(source.costUsd),
      ]),
    ),
    `Slowest source: ${formatDuration(json.estimatedSeconds)}. One weekly run on AWS: ${usd(json.cost.usd)} (Lambda ${usd(json.cost.lambdaUsd)}, Step Functions ${usd(json.cost.stepFunctionsUsd)} for ${json.stateTransitions} transitions, DynamoDB ${usd(json.cost.dynamoDbUsd)}).`,
  ];
}

/** `plan`: how a list would run on AWS (shards, MaxConcurrency, requests, wall time, cost), before deploying it. */
export async function planCommand(flags: PlanFlags, io: CommandIo): Promise<number> {
  const list = await loadCelebrities(flags.celebrities);
  const plan = planCollection(list);
  const json = planJson(plan, runCost(plan, STREAM_MAPPING_SETTINGS.batchSize));
  if (flags.json) printJson(io, json);
  else for (const line of formatPlan(json)) printLine(io, line);
  return 0;
}
