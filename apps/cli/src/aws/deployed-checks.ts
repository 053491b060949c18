import { DescribeRuleCommand, type EventBridgeClient, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { type LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { type Check, canonicalJson, SOURCES, WEEKLY_SCHEDULE } from '@celebrity-pipeline/core';
import { STREAM_FILTER_PATTERNS, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { type StackOutputs, scraperFunctionName } from './stack-outputs.js';

/** 4A: the weekly rule exists with core's schedule and targets the four scrapers (its state is reported). */
export async function ruleCheck(
  eventBridge: EventBridgeClient,
  ruleName: string,
  outputs: StackOutputs,
): Promise<Check<'weekly-rule'>> {
  const name = 'weekly rule targets the four scrapers';
  const rule = await eventBridge.send(new DescribeRuleCommand({ Name: ruleName }));
  const { Targets = [] } = await eventBridge.send(new ListTargetsByRuleCommand({ Rule: ruleName }));
  const missing = SOURCES.filter(
    (source) => !Targets.some((target) => target.Arn?.endsWith(`:function:${scraperFunctionName(outputs, source)}`)),
  );
  const problems = [
    ...(rule.ScheduleExpression === WEEKLY_SCHEDULE.scheduleExpression
      ? []
      : [`schedule ${rule.ScheduleExpression}, expected ${WEEKLY_SCHEDULE.scheduleExpression}`]),
    ...(missing.length === 0 ? [] : [`no target for ${missing.join(', ')}`]),
  ];
  return {
    id: 'weekly-rule',
    name,
    isPassed: problems.length === 0,
    detail: problems.length === 0 ? `${ruleName}: ${Targets.length} targets, state ${rule.State}` : problems.join('; '),
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
