import { buildCollectionDefinition, SHARD_TASK_RETRY } from '@celebrity-pipeline/collection-plan';
import { SCRAPER_FUNCTION_NAMES } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import {
  collectionTransitionsPerRun,
  functionConfigsOf,
  lambdaMonthlyUsd,
  maxAttemptsPerTask,
  monitoringMonthlyUsd,
  PRICES_USD,
  RUNS_PER_MONTH,
  stepFunctionsMonthlyUsd,
} from '../../src/index.js';

describe('lambdaMonthlyUsd', () => {
  it("reproduces the spec's scraper line ($0.50) when a month has 52 runs, as the spec assumed", () => {
    const specScraper = { functionName: 'spec', memoryMb: 512, architecture: 'x86_64' as const, timeoutSeconds: 300 };
    const perMonth = lambdaMonthlyUsd(specScraper, { invocationsPerRun: 4, secondsPerInvocation: 300 });
    expect(perMonth * (52 / RUNS_PER_MONTH)).toBeCloseTo(0.52, 2);
    expect(perMonth).toBeCloseTo(0.0434, 3);
  });

  it('charges arm64 about 20 % less than x86 for the same work', () => {
    const base = { functionName: 'f', memoryMb: 1_024, timeoutSeconds: 60 };
    const workload = { invocationsPerRun: 1, secondsPerInvocation: 1_000 };
    const arm = lambdaMonthlyUsd({ ...base, architecture: 'arm64' }, workload);
    const x86 = lambdaMonthlyUsd({ ...base, architecture: 'x86_64' }, workload);
    expect(arm / x86).toBeCloseTo(0.8, 2);
  });
});

describe('monitoringMonthlyUsd', () => {
  it('prices alarms at $0.10 and dashboards at $3 a month', () => {
    expect(monitoringMonthlyUsd(14, 1)).toBeCloseTo(4.4, 5);
  });
});

describe('functionConfigsOf', () => {
  it('reads memory, architecture and timeout, with the Lambda defaults when absent', () => {
    const template = {
      Resources: {
        A: {
          Type: 'AWS::Lambda::Function',
          Properties: { FunctionName: 'a', MemorySize: 256, Architectures: ['arm64'], Timeout: 900 },
        },
        B: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'b' } },
        Q: { Type: 'AWS::SQS::Queue', Properties: {} },
      },
    };
    expect(functionConfigsOf(template)).toEqual([
      { functionName: 'a', memoryMb: 256, architecture: 'arm64', timeoutSeconds: 900 },
      { functionName: 'b', memoryMb: 128, architecture: 'x86_64', timeoutSeconds: 3 },
    ]);
  });
});

describe('Step Functions state transitions', () => {
  const definition = buildCollectionDefinition({ planner: 'collection-planner', scrapers: SCRAPER_FUNCTION_NAMES });
  const oneShardEach = { tmdb: 1, wikipedia: 1, news: 1, social: 1 };

  it('counts PlanWeek, the Parallel state, and per source its Choice and direct Task', () => {
    expect(collectionTransitionsPerRun(definition, oneShardEach)).toBe(1 + 1 + 4 * 2);
  });

  it('counts the Map and, per shard, the child execution and its Task', () => {
    expect(collectionTransitionsPerRun(definition, { ...oneShardEach, news: 3 })).toBe(1 + 1 + 3 * 2 + (1 + 1 + 3 * 2));
  });

  it("bounds a run whose every Task uses all of the Retry's attempts", () => {
    const attempts = maxAttemptsPerTask(definition);
    expect(attempts).toBe(1 + SHARD_TASK_RETRY.maxAttempts);
    expect(collectionTransitionsPerRun(definition, oneShardEach, { attemptsPerTask: attempts })).toBe(
      attempts + 1 + 4 * (1 + attempts),
    );
  });

  it('prices Standard transitions at $0.025 per 1,000', () => {
    expect(PRICES_USD.stepFunctionsStateTransition * 1_000).toBeCloseTo(0.025, 10);
    expect(stepFunctionsMonthlyUsd(1_000 / RUNS_PER_MONTH)).toBeCloseTo(0.025, 10);
  });
});
