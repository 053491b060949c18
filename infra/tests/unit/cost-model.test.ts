import { describe, expect, it } from 'vitest';
import { functionConfigsOf, lambdaMonthlyUsd, monitoringMonthlyUsd, RUNS_PER_MONTH } from '../../src/index.js';

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
