import { DEFAULT_METRICS_NAMESPACE, POST_PROCESSOR_METRICS } from '@celebrity-pipeline/post-processor';
import { METRICS_NAMESPACE, SCRAPER_METRICS } from '@celebrity-pipeline/scraper-kit';
import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Namespaces and names of the EMF metrics the scrapers and the post-processor emit (imported from their owners). */
export const PIPELINE_METRICS = {
  scraperNamespace: METRICS_NAMESPACE,
  scraper: [SCRAPER_METRICS.itemsWritten, SCRAPER_METRICS.itemsUnchanged, SCRAPER_METRICS.itemsFailed],
  postProcessorNamespace: DEFAULT_METRICS_NAMESPACE,
  postProcessor: [POST_PROCESSOR_METRICS.processed, POST_PROCESSOR_METRICS.skipped, POST_PROCESSOR_METRICS.failed],
} as const;

/** Alarm thresholds, as data so the tests and the README quote the same numbers. */
export const ALARM_THRESHOLDS = {
  /** The spec's alarm: more than 3 errors in 5 minutes. */
  functionErrors: { threshold: 3, periodSeconds: 300 },
  /** Any throttle is unexpected at weekly volume. */
  functionThrottles: { threshold: 0, periodSeconds: 300 },
  /** Any message in a failure queue needs a human. */
  queueVisibleMessages: { threshold: 0, periodSeconds: 300 },
  /** 400 records a week are processed in seconds; 15 minutes behind means the shard is stuck. */
  iteratorAgeMs: { threshold: 15 * 60 * 1_000, periodSeconds: 300 },
} as const;

const PERIOD = Duration.minutes(5);

/** A function to watch, under its Lambda name. */
export interface MonitoredFunction {
  readonly functionName: string;
  readonly fn: IFunction;
}

/** A queue to watch, under its SQS name. */
export interface MonitoredQueue {
  readonly queueName: string;
  readonly queue: IQueue;
}

/** Props of {@link PipelineMonitoring}. */
export interface PipelineMonitoringProps {
  readonly scrapers: readonly MonitoredFunction[];
  readonly postProcessor: MonitoredFunction;
  readonly queues: readonly MonitoredQueue[];
  readonly topic: ITopic;
  readonly dashboardName: string;
}

/** Alarms (errors, throttles, failure-queue depth, stream iterator age) to one SNS topic, and a dashboard. */
export class PipelineMonitoring extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PipelineMonitoringProps) {
    super(scope, id);
    const action = new SnsAction(props.topic);
    const functions = [...props.scrapers, props.postProcessor];
    for (const { functionName, fn } of functions) {
      this.addAlarm(`${functionName}-errors`, fn.metricErrors({ period: PERIOD, statistic: Stats.SUM }), {
        threshold: ALARM_THRESHOLDS.functionErrors.threshold,
        description: `${functionName} reported more than 3 errors in 5 minutes (see /aws/lambda/${functionName})`,
      });
      this.addAlarm(`${functionName}-throttles`, fn.metricThrottles({ period: PERIOD, statistic: Stats.SUM }), {
        threshold: ALARM_THRESHOLDS.functionThrottles.threshold,
        description: `${functionName} was throttled`,
      });
    }
    for (const { queueName, queue } of props.queues) {
      const visible = queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: Stats.MAXIMUM });
      this.addAlarm(`${queueName}-messages-visible`, visible, {
        threshold: ALARM_THRESHOLDS.queueVisibleMessages.threshold,
        description: `${queueName} holds failed events to investigate (aws sqs receive-message)`,
      });
    }
    const iteratorAge = props.postProcessor.fn.metric('IteratorAge', { period: PERIOD, statistic: Stats.MAXIMUM });
    this.addAlarm(`${props.postProcessor.functionName}-iterator-age`, iteratorAge, {
      threshold: ALARM_THRESHOLDS.iteratorAgeMs.threshold,
      description: 'The table stream is more than 15 minutes behind: a batch keeps failing or the mapping is disabled',
    });
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    this.dashboard = createDashboard(this, props, iteratorAge);
  }

  private addAlarm(alarmName: string, metric: IMetric, options: { threshold: number; description: string }): void {
    const alarm = new Alarm(this, alarmName, {
      alarmName,
      alarmDescription: options.description,
      metric,
      threshold: options.threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      // No invocations in a week is normal, not an alarm.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.alarms.push(alarm);
  }
}

/**
 * One series per dimension set of an EMF metric: matches whatever dimensions the emitter adds (Powertools'
 * `service`, a `source`), so every scraper shows up without listing its dimensions here.
 */
export function emfSearch(namespace: string, metricName: string, label: string): MathExpression {
  return new MathExpression({
    expression: `SEARCH('Namespace="${namespace}" MetricName="${metricName}"', 'Sum', 300)`,
    usingMetrics: {},
    label,
    period: PERIOD,
  });
}

function createDashboard(scope: Construct, props: PipelineMonitoringProps, iteratorAge: IMetric): Dashboard {
  const functions = [...props.scrapers, props.postProcessor];
  const perFunction = (title: string, metricOf: (fn: IFunction) => IMetric) =>
    new GraphWidget({ title, width: 8, left: functions.map(({ fn }) => metricOf(fn)) });
  const dashboard = new Dashboard(scope, 'Dashboard', { dashboardName: props.dashboardName });
  dashboard.addWidgets(
    perFunction('Invocations', (fn) => fn.metricInvocations({ period: PERIOD, statistic: Stats.SUM })),
    perFunction('Errors', (fn) => fn.metricErrors({ period: PERIOD, statistic: Stats.SUM })),
    perFunction('Duration (max)', (fn) => fn.metricDuration({ period: PERIOD, statistic: Stats.MAXIMUM })),
  );
  dashboard.addWidgets(
    new GraphWidget({
      title: 'Items written / unchanged / failed per source',
      width: 12,
      left: PIPELINE_METRICS.scraper.map((name) => emfSearch(PIPELINE_METRICS.scraperNamespace, name, name)),
    }),
    new GraphWidget({
      title: 'Stream records processed / skipped / failed',
      width: 12,
      left: PIPELINE_METRICS.postProcessor.map((name) =>
        emfSearch(PIPELINE_METRICS.postProcessorNamespace, name, name),
      ),
    }),
  );
  dashboard.addWidgets(
    new GraphWidget({
      title: 'Failure queues (visible messages)',
      width: 12,
      left: props.queues.map(({ queue }) =>
        queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: Stats.MAXIMUM }),
      ),
    }),
    new GraphWidget({ title: 'Stream iterator age (ms)', width: 12, left: [iteratorAge] }),
  );
  return dashboard;
}
