import { SCHEDULE_TARGET_RETRY_POLICY, WEEKLY_SCHEDULE } from '@celebrity-pipeline/core';
import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';

/** Props of {@link createWeeklyRule}. */
export interface WeeklyRuleProps {
  /** The collection state machine: the rule's only target. */
  readonly stateMachine: IStateMachine;
  /** Receives events EventBridge could not deliver to the Step Functions API after the retry policy. */
  readonly deadLetterQueue: IQueue;
  /** The spec creates the rule DISABLED until `verify --aws` passes. */
  readonly isEnabled: boolean;
}

/**
 * The weekly rule with one target: StartExecution of the collection state machine, with the Scheduled Event as
 * its input (the planner parses it). The target retry policy covers delivery to the Step Functions API only;
 * what happens inside the execution (Task retries, tolerated failures) is the definition's, and a failed
 * execution raises the state machine's alarms. The target's role may only start that state machine.
 */
export function createWeeklyRule(scope: Construct, id: string, props: WeeklyRuleProps): Rule {
  const rule = new Rule(scope, id, {
    ruleName: WEEKLY_SCHEDULE.ruleName,
    description: WEEKLY_SCHEDULE.description,
    schedule: Schedule.expression(WEEKLY_SCHEDULE.scheduleExpression),
    enabled: props.isEnabled,
  });
  const role = new Role(scope, `${id}TargetRole`, {
    assumedBy: new ServicePrincipal('events.amazonaws.com'),
    description: `Lets ${WEEKLY_SCHEDULE.ruleName} start the collection state machine`,
  });
  rule.addTarget(
    new SfnStateMachine(props.stateMachine, {
      role,
      retryAttempts: SCHEDULE_TARGET_RETRY_POLICY.maximumRetryAttempts,
      maxEventAge: Duration.seconds(SCHEDULE_TARGET_RETRY_POLICY.maximumEventAgeSeconds),
      deadLetterQueue: props.deadLetterQueue,
    }),
  );
  return rule;
}
