import { SCHEDULE_TARGET_RETRY_POLICY, WEEKLY_SCHEDULE } from '@celebrity-pipeline/core';
import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** Props of {@link createWeeklyRule}. */
export interface WeeklyRuleProps {
  readonly scrapers: readonly IFunction[];
  /** Receives events EventBridge could not deliver to the Lambda API after the retry policy. */
  readonly deadLetterQueue: IQueue;
  /** The spec creates the rule DISABLED until `verify --aws` passes. */
  readonly isEnabled: boolean;
}

/**
 * The weekly rule with one target per scraper. The target retry policy covers delivery to the Lambda API
 * only: the invocation is asynchronous, so scraper errors are handled by each function's async invoke
 * config and its on-failure queue.
 */
export function createWeeklyRule(scope: Construct, id: string, props: WeeklyRuleProps): Rule {
  const rule = new Rule(scope, id, {
    ruleName: WEEKLY_SCHEDULE.ruleName,
    description: WEEKLY_SCHEDULE.description,
    schedule: Schedule.expression(WEEKLY_SCHEDULE.scheduleExpression),
    enabled: props.isEnabled,
  });
  for (const scraper of props.scrapers) {
    rule.addTarget(
      new LambdaFunction(scraper, {
        retryAttempts: SCHEDULE_TARGET_RETRY_POLICY.maximumRetryAttempts,
        maxEventAge: Duration.seconds(SCHEDULE_TARGET_RETRY_POLICY.maximumEventAgeSeconds),
        deadLetterQueue: props.deadLetterQueue,
      }),
    );
  }
  return rule;
}
