import { lambdaUsd, PRICES_USD, RUNS_PER_MONTH } from '@celebrity-pipeline/collection-plan';

/**
 * Monthly cost of the pipeline from its synthesized template (memory, architecture, timeouts, alarms) and run
 * durations. Prices: AWS list prices, us-east-1, on-demand, without the free tier (so the figures compare with the
 * spec's table, which ignores it too).
 */

/** The prices and the runs a month are collection-plan's (the `plan` command prices a run with them too). */
export { PRICES_USD, RUNS_PER_MONTH };

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
  return lambdaUsd(config.memoryMb, invocations, workload.secondsPerInvocation, config.architecture);
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
