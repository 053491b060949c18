import type { Source } from '@celebrity-pipeline/core';
import { DEFAULT_METRICS_NAMESPACE, POST_PROCESSOR_METRICS } from '@celebrity-pipeline/post-processor';
import {
  DEFAULT_FAILURE_THRESHOLD,
  METRICS_NAMESPACE,
  RUN_STARTED_MESSAGE,
  SCRAPER_METRICS,
  scraperMetricDimensions,
} from '@celebrity-pipeline/scraper-kit';
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type IRuleTarget, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { PolicyDocument, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  CfnResourcePolicy,
  FilterPattern,
  type ILogGroup,
  LogGroup,
  MetricFilter,
  RetentionDays,
} from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
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
  /** Any failed, timed-out or aborted execution of the collection state machine is a week to look at. */
  stateMachineExecutions: { threshold: 0, periodSeconds: 300 },
  /** Any message in a failure queue needs a human. */
  queueVisibleMessages: { threshold: 0, periodSeconds: 300 },
  /** 400 records a week are processed in seconds; 15 minutes behind means the shard is stuck. */
  iteratorAgeMs: { threshold: 15 * 60 * 1_000, periodSeconds: 300 },
  /**
   * Share of a source's celebrities with an item this week (written + unchanged over attempted, the day's sums):
   * below `1 − FAILURE_THRESHOLD` (scraper-kit) the week is incomplete.
   */
  completeness: { threshold: 1 - DEFAULT_FAILURE_THRESHOLD, periodSeconds: 86_400 },
  /** Any skipped run (missing credentials) is an alarm. */
  runSkipped: { threshold: 0, periodSeconds: 86_400 },
  /** Sunday's largest "run started" mark: 1 when a scraper started, 0 when only the 06:00 check wrote. */
  scheduledRunStarted: { threshold: 1, periodSeconds: 86_400 },
} as const;

/**
 * The missed-schedule check: every Sunday 06:00 UTC (four hours after the weekly rule, time for EventBridge and
 * Lambda retries) a rule writes a mark into a log group. A metric filter turns it into `ScheduledRunStarted = 0`
 * and the scrapers' "run started" log lines into `ScheduledRunStarted = 1`; the day's maximum below 1 is a
 * missed schedule.
 */
export const SCHEDULE_DEADLINE = {
  ruleName: 'celebrity-schedule-deadline',
  scheduleExpression: 'cron(0 6 ? * SUN *)',
  description: 'Sunday 06:00 UTC mark: the weekly run must have started by now',
  logGroupName: '/celebrity-pipeline/schedule-deadline',
  metricName: 'ScheduledRunStarted',
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

/** The collection state machine to watch, under its name. */
export interface MonitoredStateMachine {
  readonly stateMachineName: string;
  readonly stateMachine: IStateMachine;
}

/**
 * How an execution can end badly, each an alarm: the CloudWatch metric's method on the state machine and the
 * alarm name's suffix.
 */
export const EXECUTION_OUTCOME_ALARMS = [
  { suffix: 'executions-failed', metric: 'metricFailed', outcome: 'failed' },
  { suffix: 'executions-timed-out', metric: 'metricTimedOut', outcome: 'timed out' },
  { suffix: 'executions-aborted', metric: 'metricAborted', outcome: 'was aborted' },
] as const;

/** A scraper to watch: its function, its source (metric dimensions) and its log group (run-started marks). */
export interface MonitoredScraper extends MonitoredFunction {
  readonly source: Source;
  readonly logGroup: ILogGroup;
}

/** Props of {@link PipelineMonitoring}. */
export interface PipelineMonitoringProps {
  readonly scrapers: readonly MonitoredScraper[];
  /** The planner (`PlanWeek`). */
  readonly planner: MonitoredFunction;
  readonly postProcessor: MonitoredFunction;
  readonly stateMachine: MonitoredStateMachine;
  readonly queues: readonly MonitoredQueue[];
  readonly topic: ITopic;
  readonly dashboardName: string;
}

/**
 * Alarms to one SNS topic (errors, throttles, failure-queue depth, stream iterator age; a failed, timed-out or
 * aborted collection execution; per source an incomplete week and a skipped run; a missed schedule), and a
 * dashboard.
 */
export class PipelineMonitoring extends Construct {
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PipelineMonitoringProps) {
    super(scope, id);
    const action = new SnsAction(props.topic);
    const functions = [...props.scrapers, props.planner, props.postProcessor];
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
    const { stateMachineName, stateMachine } = props.stateMachine;
    for (const { suffix, metric, outcome } of EXECUTION_OUTCOME_ALARMS) {
      const executions = stateMachine[metric]({
        period: Duration.seconds(ALARM_THRESHOLDS.stateMachineExecutions.periodSeconds),
        statistic: Stats.SUM,
      });
      this.addAlarm(`${stateMachineName}-${suffix}`, executions, {
        threshold: ALARM_THRESHOLDS.stateMachineExecutions.threshold,
        description: `An execution of ${stateMachineName} ${outcome}: open it in the Step Functions console (or its log group) to see which state and shard; then celebrity-pipeline status --aws, and redrive the execution or celebrity-pipeline trigger --aws for the week.`,
      });
    }
    for (const scraper of props.scrapers) this.addCompletenessAlarms(scraper);
    this.addMissedScheduleAlarm(props.scrapers);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
    this.dashboard = createDashboard(this, props, iteratorAge);
  }

  private addAlarm(
    alarmName: string,
    metric: IMetric,
    options: {
      threshold: number;
      description: string;
      comparison?: ComparisonOperator;
      treatMissingData?: TreatMissingData;
    },
  ): void {
    const alarm = new Alarm(this, alarmName, {
      alarmName,
      alarmDescription: options.description,
      metric,
      threshold: options.threshold,
      evaluationPeriods: 1,
      comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
      // No invocations in a week is normal, not an alarm.
      treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    this.alarms.push(alarm);
  }

  /**
   * Per source: the day's share of celebrities with an item (metric math on the EMF counts the scraper emits)
   * below `1 − FAILURE_THRESHOLD`, and any skipped run. Both keep their state on the days without a run
   * (missing data ignored), so a bad Sunday stays visible until the next run.
   */
  private addCompletenessAlarms({ functionName, source }: MonitoredScraper): void {
    const period = Duration.seconds(ALARM_THRESHOLDS.completeness.periodSeconds);
    const scraperMetric = (metricName: string) =>
      new Metric({
        namespace: PIPELINE_METRICS.scraperNamespace,
        metricName,
        dimensionsMap: scraperMetricDimensions(source),
        statistic: Stats.SUM,
        period,
      });
    const completeness = new MathExpression({
      expression: '(written + unchanged) / (written + unchanged + failed)',
      usingMetrics: {
        written: scraperMetric(SCRAPER_METRICS.itemsWritten),
        unchanged: scraperMetric(SCRAPER_METRICS.itemsUnchanged),
        failed: scraperMetric(SCRAPER_METRICS.itemsFailed),
      },
      label: `${source} items / celebrities`,
      period,
    });
    const allowedFailures = `${Math.round(DEFAULT_FAILURE_THRESHOLD * 100)}%`;
    this.addAlarm(`${functionName}-incomplete-week`, completeness, {
      threshold: ALARM_THRESHOLDS.completeness.threshold,
      comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.IGNORE,
      description: `Fewer than ${100 - Math.round(DEFAULT_FAILURE_THRESHOLD * 100)}% of the celebrities got a ${source} item today (more than FAILURE_THRESHOLD = ${allowedFailures} failed). Look at the run summary (celebrity-pipeline status --aws: failed[].reason), the "celebrity failed" lines in /aws/lambda/${functionName}, and celebrity-scraper-failures; then redrive or re-run the week.`,
    });
    this.addAlarm(`${functionName}-skipped`, scraperMetric(SCRAPER_METRICS.runSkipped), {
      threshold: ALARM_THRESHOLDS.runSkipped.threshold,
      treatMissingData: TreatMissingData.IGNORE,
      description: `The ${source} scraper skipped its run: its credentials are missing. Read skippedReason in celebrity-pipeline status --aws, put the keys into the ${source} secret (aws secretsmanager put-secret-value), then celebrity-pipeline trigger --aws.`,
    });
  }

  /** No scraper started by Sunday 06:00 UTC: see {@link SCHEDULE_DEADLINE}. */
  private addMissedScheduleAlarm(scrapers: readonly MonitoredScraper[]): void {
    const metric = {
      metricNamespace: PIPELINE_METRICS.scraperNamespace,
      metricName: SCHEDULE_DEADLINE.metricName,
    };
    const marks = new LogGroup(this, 'ScheduleDeadlineLogs', {
      logGroupName: SCHEDULE_DEADLINE.logGroupName,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new CfnResourcePolicy(this, 'ScheduleDeadlineLogsPolicy', {
      policyName: 'celebrity-schedule-deadline-events',
      policyDocument: Stack.of(this).toJsonString(
        new PolicyDocument({
          statements: [
            new PolicyStatement({
              principals: [
                new ServicePrincipal('events.amazonaws.com'),
                new ServicePrincipal('delivery.logs.amazonaws.com'),
              ],
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: [marks.logGroupArn],
            }),
          ],
        }).toJSON(),
      ),
    });
    // EventBridge names a log group target without the `:*` suffix of `logGroupArn`.
    const targetArn = Stack.of(this).formatArn({
      service: 'logs',
      resource: 'log-group',
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      resourceName: marks.logGroupName,
    });
    const logGroupTarget: IRuleTarget = { bind: () => ({ arn: targetArn }) };
    new Rule(this, 'ScheduleDeadline', {
      ruleName: SCHEDULE_DEADLINE.ruleName,
      description: SCHEDULE_DEADLINE.description,
      schedule: Schedule.expression(SCHEDULE_DEADLINE.scheduleExpression),
      targets: [logGroupTarget],
    });
    new MetricFilter(this, 'ScheduleDeadlineMark', {
      logGroup: marks,
      filterPattern: FilterPattern.stringValue('$.detail-type', '=', 'Scheduled Event'),
      ...metric,
      metricValue: '0',
    });
    for (const { functionName, logGroup } of scrapers) {
      new MetricFilter(this, `${functionName}RunStarted`, {
        logGroup,
        filterPattern: FilterPattern.stringValue('$.message', '=', RUN_STARTED_MESSAGE),
        ...metric,
        metricValue: '1',
      });
    }
    const started = new Metric({
      namespace: metric.metricNamespace,
      metricName: metric.metricName,
      statistic: Stats.MAXIMUM,
      period: Duration.seconds(ALARM_THRESHOLDS.scheduledRunStarted.periodSeconds),
    });
    this.addAlarm('celebrity-weekly-run-missed', started, {
      threshold: ALARM_THRESHOLDS.scheduledRunStarted.threshold,
      comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.IGNORE,
      description: `No scraper had started by Sunday 06:00 UTC. Check that the rule is ENABLED and its targets are in place (celebrity-pipeline verify --aws), the rule's failed invocations and celebrity-scraper-dlq, and the scrapers' throttles; then celebrity-pipeline trigger --aws for this week.`,
    });
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
  const functions = [...props.scrapers, props.planner, props.postProcessor];
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
  const { stateMachine } = props.stateMachine;
  dashboard.addWidgets(
    new GraphWidget({
      title: `${props.stateMachine.stateMachineName} executions`,
      width: 24,
      left: [
        stateMachine.metricStarted({ period: PERIOD, statistic: Stats.SUM }),
        stateMachine.metricSucceeded({ period: PERIOD, statistic: Stats.SUM }),
        ...EXECUTION_OUTCOME_ALARMS.map(({ metric }) => stateMachine[metric]({ period: PERIOD, statistic: Stats.SUM })),
      ],
    }),
  );
  return dashboard;
}
