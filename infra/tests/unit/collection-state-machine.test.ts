import {
  branchStateNames,
  buildCollectionDefinition,
  type CollectionDefinition,
  type DistributedMapState,
  type LambdaTaskState,
  shardRetry,
  TOLERATED_FAILURE_PERCENTAGE,
} from '@celebrity-pipeline/collection-plan';
import {
  COLLECTION_PLANNER_FUNCTION_NAME,
  COLLECTION_STATE_MACHINE_NAME,
  SCRAPER_FUNCTION_NAMES,
  SOURCES,
} from '@celebrity-pipeline/core';
import { CELEBRITY_LIST_VARIABLES, sourceMaxConcurrency } from '@celebrity-pipeline/scraper-kit';
import validator from 'asl-validator';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARM_THRESHOLDS, COLLECTION_LOG_GROUP_NAME, EXECUTION_OUTCOME_ALARMS } from '../../src/index.js';
import { type Synthesized, synthesize, TEST_ENV } from '../helpers/synthesize.js';
import {
  actionsWithPrefix,
  logicalIdOf,
  onlyResourceProperties,
  roleIdOfStateMachine,
  statementsOfFunction,
  statementsOfRole,
} from '../helpers/template-queries.js';

const FUNCTION_NAMES = [COLLECTION_PLANNER_FUNCTION_NAME, ...SOURCES.map((source) => SCRAPER_FUNCTION_NAMES[source])];
const functionArn = (name: string) => `arn:aws:lambda:${TEST_ENV.region}:${TEST_ENV.account}:function:${name}`;

let synthesized: Synthesized;
let definition: CollectionDefinition;
let stateMachineId: string;

/**
 * Resolves the template's `DefinitionString` (a `Fn::Join` of text and `Fn::GetAtt` function ARNs) to the JSON
 * text it becomes on deployment: each function's ARN built from its `FunctionName`, `AWS::Partition` → aws.
 */
function resolvedDefinitionString(): string {
  const resources = synthesized.template.toJSON().Resources as Record<
    string,
    { Type: string; Properties?: Record<string, unknown> }
  >;
  const resolve = (node: unknown): string => {
    if (typeof node === 'string') return node;
    const value = node as Record<string, unknown>;
    if (Array.isArray(value['Fn::Join'])) {
      const [delimiter, parts] = value['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(delimiter);
    }
    if (Array.isArray(value['Fn::GetAtt'])) {
      const [id, attribute] = value['Fn::GetAtt'] as [string, string];
      const resource = resources[id];
      if (resource?.Type !== 'AWS::Lambda::Function' || attribute !== 'Arn')
        throw new Error(`Unexpected reference ${id}.${attribute} in the definition`);
      return functionArn(resource.Properties?.FunctionName as string);
    }
    if (value.Ref === 'AWS::Partition') return 'aws';
    throw new Error(`Unexpected token in the definition: ${JSON.stringify(node)}`);
  };
  return resolve(onlyResourceProperties(synthesized.template, 'AWS::StepFunctions::StateMachine').DefinitionString);
}

beforeAll(() => {
  synthesized = synthesize({
    pipeline: { celebrityList: { s3: { bucketName: 'celebrity-lists', key: 'celebrities.json' } } },
  });
  definition = JSON.parse(resolvedDefinitionString()) as CollectionDefinition;
  stateMachineId = logicalIdOf(
    synthesized.template,
    'AWS::StepFunctions::StateMachine',
    'StateMachineName',
    COLLECTION_STATE_MACHINE_NAME,
  );
});

afterAll(() => synthesized?.cleanup());

describe('collection state machine', () => {
  it('is the Standard celebrity-weekly-collection, logged at ALL with execution data and traced', () => {
    const logGroupId = logicalIdOf(
      synthesized.template,
      'AWS::Logs::LogGroup',
      'LogGroupName',
      COLLECTION_LOG_GROUP_NAME,
    );
    synthesized.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineName: COLLECTION_STATE_MACHINE_NAME,
      StateMachineType: 'STANDARD',
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logGroupId, 'Arn'] } } }],
      },
      TracingConfiguration: { Enabled: true },
    });
  });

  it('deploys valid Amazon States Language (asl-validator)', () => {
    const result = validator(structuredClone(definition), { checkPaths: true, checkArn: true });
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it("deploys exactly collection-plan's definition with the deployed function ARNs", () => {
    const expected = buildCollectionDefinition({
      planner: functionArn(COLLECTION_PLANNER_FUNCTION_NAME),
      scrapers: {
        tmdb: functionArn(SCRAPER_FUNCTION_NAMES.tmdb),
        wikipedia: functionArn(SCRAPER_FUNCTION_NAMES.wikipedia),
        news: functionArn(SCRAPER_FUNCTION_NAMES.news),
        social: functionArn(SCRAPER_FUNCTION_NAMES.social),
      },
    });
    expect(definition).toEqual(expected);
  });

  it('retries PlanWeek like every shard Task', () => {
    expect(definition.States.PlanWeek.Retry).toEqual(shardRetry());
    expect(definition.States.PlanWeek.Parameters.FunctionName).toBe(functionArn(COLLECTION_PLANNER_FUNCTION_NAME));
  });

  it.each(SOURCES)('%s: the Map has the plan MaxConcurrency, tolerated failures and Task retry', (source) => {
    const names = branchStateNames(source);
    const branch = definition.States.CollectSources.Branches[SOURCES.indexOf(source)];
    expect(branch?.StartAt).toBe(names.choose);
    const map = branch?.States[names.map] as DistributedMapState;
    const single = branch?.States[names.single] as LambdaTaskState;
    const invoke = map.ItemProcessor.States[names.invoke] as LambdaTaskState;
    expect(map.MaxConcurrency).toBe(sourceMaxConcurrency(source));
    expect(map.ToleratedFailurePercentage).toBe(TOLERATED_FAILURE_PERCENTAGE);
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(invoke.Retry).toEqual(shardRetry());
    expect(single.Retry).toEqual(shardRetry());
    for (const task of [invoke, single])
      expect(task.Parameters.FunctionName).toBe(functionArn(SCRAPER_FUNCTION_NAMES[source]));
  });
});

describe('state machine role (least privilege)', () => {
  const partitionArn = (suffix: string) => ({
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:states:${TEST_ENV.region}:${TEST_ENV.account}:${suffix}`]],
  });

  it('may invoke only the planner and the four scrapers (and their versions)', () => {
    const statements = statementsOfRole(synthesized.template, roleIdOfStateMachine(synthesized.template));
    const invoke = actionsWithPrefix(statements, 'lambda:');
    expect(invoke.map((grant) => grant.action)).toEqual(['lambda:InvokeFunction']);
    const ids = FUNCTION_NAMES.map((name) =>
      logicalIdOf(synthesized.template, 'AWS::Lambda::Function', 'FunctionName', name),
    );
    const arns = ids.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] }));
    const versions = arns.map((arn) => ({ 'Fn::Join': ['', [arn, ':*']] }));
    expect(invoke[0]?.resources).toEqual([...arns, ...versions]);
  });

  it('may start only itself and describe or stop only its own executions (the Distributed Map)', () => {
    const statements = statementsOfRole(synthesized.template, roleIdOfStateMachine(synthesized.template));
    expect(actionsWithPrefix(statements, 'states:')).toEqual([
      {
        action: 'states:StartExecution',
        resources: [partitionArn(`stateMachine:${COLLECTION_STATE_MACHINE_NAME}`)],
      },
      {
        action: 'states:DescribeExecution',
        resources: [partitionArn(`execution:${COLLECTION_STATE_MACHINE_NAME}/*`)],
      },
      {
        action: 'states:StopExecution',
        resources: [partitionArn(`execution:${COLLECTION_STATE_MACHINE_NAME}/*`)],
      },
    ]);
  });

  it('has nothing else but the log delivery and X-Ray actions CDK adds (which take no resource)', () => {
    const statements = statementsOfRole(synthesized.template, roleIdOfStateMachine(synthesized.template));
    const others = statements.filter((statement) =>
      statement.Action.some((action) => !action.startsWith('lambda:') && !action.startsWith('states:')),
    );
    for (const statement of others) {
      expect(statement.Resource).toEqual(['*']);
      for (const action of statement.Action) expect(action).toMatch(/^(logs|xray):/);
    }
    expect(others.flatMap((statement) => statement.Action)).toEqual(
      expect.arrayContaining(['logs:CreateLogDelivery', 'xray:PutTraceSegments']),
    );
  });
});

describe('collection planner', () => {
  it('runs nodejs22.x on arm64 with its own log group, like the scrapers', () => {
    const logGroupId = logicalIdOf(
      synthesized.template,
      'AWS::Logs::LogGroup',
      'LogGroupName',
      `/aws/lambda/${COLLECTION_PLANNER_FUNCTION_NAME}`,
    );
    synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: COLLECTION_PLANNER_FUNCTION_NAME,
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: logGroupId } },
    });
  });

  it('reads the celebrity list where the scrapers do, with the same grant', () => {
    const listVariable = { [CELEBRITY_LIST_VARIABLES.s3Uri]: 's3://celebrity-lists/celebrities.json' };
    for (const functionName of FUNCTION_NAMES) {
      synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: functionName,
        Environment: { Variables: Match.objectLike(listVariable) },
      });
    }
    const s3Of = (functionName: string) =>
      actionsWithPrefix(statementsOfFunction(synthesized.template, functionName), 's3:');
    expect(s3Of(COLLECTION_PLANNER_FUNCTION_NAME)).toEqual(s3Of(SCRAPER_FUNCTION_NAMES.tmdb));
    expect(s3Of(COLLECTION_PLANNER_FUNCTION_NAME).length).toBeGreaterThan(0);
  });

  it('may touch no table', () => {
    expect(
      actionsWithPrefix(statementsOfFunction(synthesized.template, COLLECTION_PLANNER_FUNCTION_NAME), 'dynamodb:'),
    ).toEqual([]);
  });
});

describe('execution alarms', () => {
  it.each(EXECUTION_OUTCOME_ALARMS)('alarms on $suffix to the alarm topic', ({ suffix }) => {
    const metricName = {
      'executions-failed': 'ExecutionsFailed',
      'executions-timed-out': 'ExecutionsTimedOut',
      'executions-aborted': 'ExecutionsAborted',
    }[suffix];
    synthesized.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${COLLECTION_STATE_MACHINE_NAME}-${suffix}`,
      Namespace: 'AWS/States',
      MetricName: metricName,
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: stateMachineId } }],
      Statistic: 'Sum',
      Period: ALARM_THRESHOLDS.stateMachineExecutions.periodSeconds,
      Threshold: ALARM_THRESHOLDS.stateMachineExecutions.threshold,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
      OKActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
    });
  });
});
