import { DescribeRuleCommand, type EventBridgeClient, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { type LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import {
  type Check,
  COLLECTION_STATE_MACHINE_NAME,
  canonicalJson,
  STACK_OUTPUT_KEYS,
  WEEKLY_SCHEDULE,
} from '@celebrity-pipeline/core';
import { STREAM_FILTER_PATTERNS, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import type { StackOutputs } from './stack-outputs.js';

/**
 * 4A: the weekly rule exists with core's schedule and its only target is the collection state machine (the
 * stack output's ARN, else core's name); its state is reported.
 */
export async function ruleCheck(
  eventBridge: EventBridgeClient,
  ruleName: string,
  outputs: StackOutputs,
): Promise<Check<'weekly-rule'>> {
  const name = 'weekly rule targets the collection state machine';
  const rule = await eventBridge.send(new DescribeRuleCommand({ Name: ruleName }));
  const { Targets = [] } = await eventBridge.send(new ListTargetsByRuleCommand({ Rule: ruleName }));
  const expected = outputs[STACK_OUTPUT_KEYS.collectionStateMachineArn];
  const isStateMachine = (arn: string | undefined) =>
    expected ? arn === expected : Boolean(arn?.endsWith(`:stateMachine:${COLLECTION_STATE_MACHINE_NAME}`));
  const others = Targets.filter((target) => !isStateMachine(target.Arn));
  const problems = [
    ...(rule.ScheduleExpression === WEEKLY_SCHEDULE.scheduleExpression
      ? []
      : [`schedule ${rule.ScheduleExpression}, expected ${WEEKLY_SCHEDULE.scheduleExpression}`]),
    ...(Targets.some((target) => isStateMachine(target.Arn))
      ? []
      : [`no target for the state machine ${expected ?? COLLECTION_STATE_MACHINE_NAME}`]),
    ...(others.length === 0 ? [] : [`unexpected targets ${others.map((target) => target.Arn).join(', ')}`]),
  ];
  return {
    id: 'weekly-rule',
    name,
    isPassed: problems.length === 0,
    detail: problems.length === 0 ? `${ruleName}: ${Targets.length} target, state ${rule.State}` : problems.join('; '),
  };
}

/** 4B: the post-processor's event-source mapping reads the stream with the exported filters and settings. */
export async function mappingCheck(
  lambda: LambdaClient,
  functionName: string,
  streamArn: string | undefined,
): Promise<Check<'stream-mapping'>> {
  const id = 'stream-mapping';
  const name = 'stream filter patterns in force';
  const { EventSourceMappings = [] } = await lambda.send(
    new ListEventSourceMappingsCommand({ FunctionName: functionName }),
  );
  const mapping = EventSourceMappings.find((candidate) => !streamArn || candidate.EventSourceArn === streamArn);
  if (!mapping)
    return { id, name, isPassed: false, detail: `no event-source mapping of ${functionName} on the table stream` };
  const deployed = new Set(
    (mapping.FilterCriteria?.Filters ?? []).map((filter) => canonicalPattern(filter.Pattern ?? '')),
  );
  const expected = STREAM_FILTER_PATTERNS.map((pattern) => canonicalJson(pattern));
  const problems = [
    ...(expected.every((pattern) => deployed.has(pattern)) && deployed.size === expected.length
      ? []
      : ["filter patterns differ from the post-processor's"]),
    ...(mapping.BatchSize === STREAM_MAPPING_SETTINGS.batchSize
      ? []
      : [`batch size ${mapping.BatchSize}, expected ${STREAM_MAPPING_SETTINGS.batchSize}`]),
    ...(mapping.FunctionResponseTypes?.includes('ReportBatchItemFailures') ? [] : ['ReportBatchItemFailures is off']),
    ...(mapping.State === 'Enabled' ? [] : [`mapping state ${mapping.State}`]),
  ];
  return {
    id,
    name,
    isPassed: problems.length === 0,
    detail:
      problems.length === 0
        ? `${functionName}: ${deployed.size} filter(s), batch ${mapping.BatchSize}`
        : problems.join('; '),
  };
}

/** A deployed filter pattern (a JSON string) in core's canonical form; text that is not JSON stays as it is. */
function canonicalPattern(json: string): string {
  try {
    return canonicalJson(JSON.parse(json));
  } catch {
    return json;
  }
}
