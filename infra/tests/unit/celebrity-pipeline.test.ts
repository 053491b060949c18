import {
  COLLECTION_PLANNER_FUNCTION_NAME,
  COLLECTION_STATE_MACHINE_NAME,
  DEAD_LETTER_RETENTION_SECONDS,
  DEFAULT_TABLE_NAME,
  POST_PROCESSOR_FUNCTION_NAME,
  QUEUE_NAMES,
  RUN_LEDGER_TABLE,
  SCHEDULE_TARGET_RETRY_POLICY,
  SCRAPER_ASYNC_INVOKE_POLICY,
  SCRAPER_FUNCTION_NAMES,
  SOURCES,
  WEEKLY_SCHEDULE,
} from '@celebrity-pipeline/core';
import { PROCESSOR_VERSION, STREAM_FILTER_PATTERNS, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXECUTION_OUTCOME_ALARMS, functionOutputKey, SCRAPER_SPECS, STACK_OUTPUT_KEYS } from '../../src/index.js';
import { type Synthesized, synthesize } from '../helpers/synthesize.js';
import {
  actionsWithPrefix,
  allStatements,
  logicalIdOf,
  onlyResourceProperties,
  resourceById,
  roleIdOfStateMachine,
  statementsOfFunction,
  statementsOfRole,
} from '../helpers/template-queries.js';

const TMDB_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:celebrity-pipeline/tmdb-AbCdEf';
const ALL_FUNCTION_NAMES = [...SOURCES.map((source) => SCRAPER_FUNCTION_NAMES[source]), POST_PROCESSOR_FUNCTION_NAME];

let synthesized: Synthesized;
let tableId: string;
let streamDlqId: string;
let scraperFailuresId: string;
let scheduleDlqId: string;

beforeAll(() => {
  synthesized = synthesize({
    pipeline: { alarmEmail: 'alerts@example.com', sourceSecrets: { tmdb: { existingArn: TMDB_SECRET_ARN } } },
  });
  const { template } = synthesized;
  tableId = logicalIdOf(template, 'AWS::DynamoDB::GlobalTable', 'TableName', DEFAULT_TABLE_NAME);
  streamDlqId = logicalIdOf(template, 'AWS::SQS::Queue', 'QueueName', QUEUE_NAMES.streamFailures);
  scraperFailuresId = logicalIdOf(template, 'AWS::SQS::Queue', 'QueueName', QUEUE_NAMES.scraperFailures);
  scheduleDlqId = logicalIdOf(template, 'AWS::SQS::Queue', 'QueueName', QUEUE_NAMES.scheduleDeadLetter);
});

afterAll(() => synthesized?.cleanup());

describe('observation table', () => {
  it('is on-demand with pk/sk, a NEW_AND_OLD_IMAGES stream, the week and ranking indexes and PITR', () => {
    synthesized.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'celebrity-database',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'week-index',
          KeySchema: [
            { AttributeName: 'week', KeyType: 'HASH' },
            { AttributeName: 'pk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'ranking-index',
          KeySchema: [
            { AttributeName: 'summary_week', KeyType: 'HASH' },
            { AttributeName: 'score', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'summary_week', AttributeType: 'S' },
        { AttributeName: 'score', AttributeType: 'N' },
      ]),
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
    });
  });

  it('is retained when the stack is deleted or the resource replaced', () => {
    const table = resourceById(synthesized.template, tableId);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('has a run ledger beside it, retained, with PITR and no stream', () => {
    const ledgerId = logicalIdOf(
      synthesized.template,
      'AWS::DynamoDB::GlobalTable',
      'TableName',
      RUN_LEDGER_TABLE.defaultName,
    );
    const ledger = resourceById(synthesized.template, ledgerId);
    expect(ledger.DeletionPolicy).toBe('Retain');
    expect(ledger.Properties?.StreamSpecification).toBeUndefined();
    expect(ledger.Properties?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(ledger.Properties?.Replicas).toEqual([
      expect.objectContaining({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    ]);
  });
});

describe('functions', () => {
  it.each(ALL_FUNCTION_NAMES)('%s runs nodejs22.x on arm64 with an ESM bundle entry', (functionName) => {
    synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: functionName,
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: { Ref: tableId },
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: functionName,
          POWERTOOLS_METRICS_NAMESPACE: 'CelebrityPipeline',
        }),
      },
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
  });

  it('sizes each function from its spec: news may run 15 minutes for GDELT pacing', () => {
    const sizes = Object.fromEntries(
      Object.values(synthesized.template.findResources('AWS::Lambda::Function')).map((resource) => {
        const properties = resource.Properties as { FunctionName: string; MemorySize: number; Timeout: number };
        return [properties.FunctionName, [properties.MemorySize, properties.Timeout]];
      }),
    );
    expect(sizes).toEqual({
      'scraper-tmdb': [256, 180],
      'scraper-wikipedia': [256, 300],
      'scraper-news': [256, 900],
      'scraper-social': [256, 300],
      'collection-planner': [256, 60],
      'post-processor': [512, 60],
    });
  });

  it('gives every function its own log group with a one-month retention', () => {
    for (const functionName of [...ALL_FUNCTION_NAMES, COLLECTION_PLANNER_FUNCTION_NAME]) {
      synthesized.template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/aws/lambda/${functionName}`,
        RetentionInDays: 30,
      });
    }
  });

  it('tells the scrapers where the ledger is', () => {
    const ledgerId = logicalIdOf(
      synthesized.template,
      'AWS::DynamoDB::GlobalTable',
      'TableName',
      RUN_LEDGER_TABLE.defaultName,
    );
    for (const source of SOURCES) {
      synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: SCRAPER_FUNCTION_NAMES[source],
        Environment: { Variables: Match.objectLike({ RUN_LEDGER_TABLE_NAME: { Ref: ledgerId } }) },
      });
    }
  });

  it('passes a secret ARN only to the scraper that owns it', () => {
    synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'scraper-tmdb',
      Environment: { Variables: Match.objectLike({ SCRAPER_SECRET_ARN: TMDB_SECRET_ARN }) },
    });
    synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'scraper-wikipedia',
      Environment: { Variables: Match.objectLike({ SCRAPER_SECRET_ARN: Match.absent() }) },
    });
  });

  it('configures each scraper async invocation: bounded retries, then the failure queue', () => {
    const configs = synthesized.template.findResources('AWS::Lambda::EventInvokeConfig');
    expect(Object.keys(configs)).toHaveLength(SOURCES.length);
    for (const config of Object.values(configs)) {
      expect(config.Properties).toMatchObject({
        MaximumRetryAttempts: SCRAPER_ASYNC_INVOKE_POLICY.retryAttempts,
        MaximumEventAgeInSeconds: SCRAPER_ASYNC_INVOKE_POLICY.maximumEventAgeSeconds,
        Qualifier: '$LATEST',
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [scraperFailuresId, 'Arn'] } } },
      });
    }
    expect(SCRAPER_ASYNC_INVOKE_POLICY).toEqual({ retryAttempts: 2, maximumEventAgeSeconds: 3_600 });
  });
});

describe('weekly rule', () => {
  it('is celebrity-weekly-scrape on cron(0 2 ? * SUN *) and DISABLED by default', () => {
    synthesized.template.hasResourceProperties('AWS::Events::Rule', {
      Name: 'celebrity-weekly-scrape',
      ScheduleExpression: 'cron(0 2 ? * SUN *)',
      State: 'DISABLED',
    });
    expect(WEEKLY_SCHEDULE.scheduleExpression).toBe('cron(0 2 ? * SUN *)');
  });

  it('targets only the collection state machine, with retry policy 300 s / 3, the DLQ and a start-only role', () => {
    const weeklyRuleId = logicalIdOf(synthesized.template, 'AWS::Events::Rule', 'Name', WEEKLY_SCHEDULE.ruleName);
    const targets = resourceById(synthesized.template, weeklyRuleId).Properties?.Targets as Record<string, unknown>[];
    const stateMachineId = logicalIdOf(
      synthesized.template,
      'AWS::StepFunctions::StateMachine',
      'StateMachineName',
      COLLECTION_STATE_MACHINE_NAME,
    );
    expect(targets).toHaveLength(1);
    const target = targets[0] as Record<string, unknown>;
    expect(target.Arn).toEqual({ Ref: stateMachineId });
    // No Input: EventBridge passes the Scheduled Event itself, which the planner parses.
    expect(target.Input).toBeUndefined();
    expect(target.RetryPolicy).toEqual({
      MaximumEventAgeInSeconds: SCHEDULE_TARGET_RETRY_POLICY.maximumEventAgeSeconds,
      MaximumRetryAttempts: SCHEDULE_TARGET_RETRY_POLICY.maximumRetryAttempts,
    });
    expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [scheduleDlqId, 'Arn'] } });
    const roleId = (target.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(statementsOfRole(synthesized.template, roleId)).toEqual([
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [{ Ref: stateMachineId }] },
    ]);
    expect(SCHEDULE_TARGET_RETRY_POLICY).toEqual({ maximumEventAgeSeconds: 300, maximumRetryAttempts: 3 });
  });

  it('no longer lets EventBridge invoke any function directly', () => {
    const permissions = Object.values(synthesized.template.findResources('AWS::Lambda::Permission')).filter(
      (permission) => (permission.Properties as { Principal: string }).Principal === 'events.amazonaws.com',
    );
    expect(permissions).toEqual([]);
  });
});

describe('failure queues', () => {
  it.each(Object.values(QUEUE_NAMES))('%s keeps messages 7 days (set explicitly), encrypted', (queueName) => {
    synthesized.template.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: queueName,
      MessageRetentionPeriod: 604_800,
      SqsManagedSseEnabled: true,
    });
    expect(DEAD_LETTER_RETENTION_SECONDS).toBe(604_800);
  });

  it('refuses non-TLS access on every queue', () => {
    const policies = Object.values(synthesized.template.findResources('AWS::SQS::QueuePolicy'));
    const denied = policies.flatMap((policy) =>
      (
        policy.Properties as {
          PolicyDocument: { Statement: { Effect: string; Condition?: unknown; Queues?: unknown }[] };
        }
      ).PolicyDocument.Statement.filter(
        (statement) =>
          statement.Effect === 'Deny' &&
          JSON.stringify(statement.Condition) === JSON.stringify({ Bool: { 'aws:SecureTransport': 'false' } }),
      ),
    );
    expect(denied).toHaveLength(3);
  });
});

describe('stream → post-processor mapping', () => {
  it('uses the post-processor settings: batch 100, TRIM_HORIZON, bisect, partial failures, bounded retries', () => {
    synthesized.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      BatchSize: 100,
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: STREAM_MAPPING_SETTINGS.retryAttempts,
      MaximumRecordAgeInSeconds: STREAM_MAPPING_SETTINGS.maxRecordAgeSeconds,
      MaximumBatchingWindowInSeconds: STREAM_MAPPING_SETTINGS.maxBatchingWindowSeconds,
      ParallelizationFactor: STREAM_MAPPING_SETTINGS.parallelizationFactor,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [streamDlqId, 'Arn'] } } },
    });
    expect(STREAM_MAPPING_SETTINGS.retryAttempts).toBeGreaterThanOrEqual(0);
    expect(STREAM_MAPPING_SETTINGS.maxRecordAgeSeconds).toBeGreaterThan(0);
  });

  it('filters with exactly the exported patterns, never an empty {}', () => {
    const mapping = onlyResourceProperties(synthesized.template, 'AWS::Lambda::EventSourceMapping');
    const filters = (mapping.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual(
      JSON.parse(JSON.stringify(STREAM_FILTER_PATTERNS)),
    );
    expect(filters.map((filter) => filter.Pattern)).toEqual([
      '{"eventName":["INSERT"],"dynamodb":{"NewImage":{"entity":{"S":["observation"]}}}}',
      '{"eventName":["MODIFY"],"dynamodb":{"NewImage":{"entity":{"S":["observation"]},"weight":{"N":[{"exists":false}]}}}}',
      `{"eventName":["MODIFY"],"dynamodb":{"NewImage":{"entity":{"S":["observation"]},"weight":{"N":[{"exists":true}]},"processor_version":{"S":[{"anything-but":["${PROCESSOR_VERSION}"]}]}}}}`,
    ]);
  });
});

describe('least privilege', () => {
  const tableArn = () => ({ 'Fn::GetAtt': [tableId, 'Arn'] });

  it.each(SOURCES)('scraper-%s may only write items and its ledger entry', (source) => {
    const dynamodb = actionsWithPrefix(
      statementsOfFunction(synthesized.template, SCRAPER_FUNCTION_NAMES[source]),
      'dynamodb:',
    );
    const ledgerId = logicalIdOf(
      synthesized.template,
      'AWS::DynamoDB::GlobalTable',
      'TableName',
      RUN_LEDGER_TABLE.defaultName,
    );
    expect(dynamodb).toEqual([
      { action: 'dynamodb:BatchGetItem', resources: [tableArn()] },
      { action: 'dynamodb:BatchWriteItem', resources: [tableArn()] },
      { action: 'dynamodb:PutItem', resources: [tableArn()] },
      { action: 'dynamodb:PutItem', resources: [{ 'Fn::GetAtt': [ledgerId, 'Arn'] }] },
    ]);
  });

  it('lets only the tmdb scraper read its secret, by its ARN', () => {
    const tmdb = actionsWithPrefix(statementsOfFunction(synthesized.template, 'scraper-tmdb'), 'secretsmanager:');
    expect(tmdb.map((grant) => grant.action).sort()).toEqual([
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
    ]);
    for (const grant of tmdb) expect(grant.resources).toEqual([TMDB_SECRET_ARN]);
    for (const source of SOURCES.filter((candidate) => candidate !== 'tmdb')) {
      const statements = statementsOfFunction(synthesized.template, SCRAPER_FUNCTION_NAMES[source]);
      expect(actionsWithPrefix(statements, 'secretsmanager:')).toEqual([]);
    }
  });

  it('lets the post-processor update items and read this table stream only', () => {
    const dynamodb = actionsWithPrefix(
      statementsOfFunction(synthesized.template, POST_PROCESSOR_FUNCTION_NAME),
      'dynamodb:',
    );
    const streamArn = { 'Fn::GetAtt': [tableId, 'StreamArn'] };
    expect(dynamodb.filter((grant) => grant.action === 'dynamodb:UpdateItem')).toEqual([
      { action: 'dynamodb:UpdateItem', resources: [tableArn()] },
    ]);
    const streamActions = dynamodb.filter((grant) => grant.action !== 'dynamodb:UpdateItem');
    expect(streamActions.map((grant) => grant.action).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
    ]);
    for (const grant of streamActions) expect(grant.resources).toEqual([streamArn]);
  });

  it('has no "*" resource on any statement outside the state machine role, and no managed policy with account-wide log access', () => {
    const stateMachineRoleId = roleIdOfStateMachine(synthesized.template);
    const stateMachineStatements = new Set(
      statementsOfRole(synthesized.template, stateMachineRoleId).map((statement) => JSON.stringify(statement)),
    );
    const wildcard = allStatements(synthesized.template).filter(
      (statement) =>
        statement.Resource.some((resource) => JSON.stringify(resource).includes('*')) &&
        !stateMachineStatements.has(JSON.stringify(statement)),
    );
    expect(wildcard).toEqual([]);
    for (const role of Object.values(synthesized.template.findResources('AWS::IAM::Role'))) {
      expect((role.Properties as { ManagedPolicyArns?: unknown }).ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('monitoring', () => {
  it('alarms on each function when Errors > 3 in 5 minutes, to the topic', () => {
    for (const functionName of [...ALL_FUNCTION_NAMES, COLLECTION_PLANNER_FUNCTION_NAME]) {
      synthesized.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `${functionName}-errors`,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 3,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: Match.stringLikeRegexp('AlarmTopic') }],
      });
      synthesized.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `${functionName}-throttles`,
        MetricName: 'Throttles',
        Threshold: 0,
      });
    }
  });

  it('alarms when any failure queue holds a visible message', () => {
    for (const queueName of Object.values(QUEUE_NAMES)) {
      synthesized.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `${queueName}-messages-visible`,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Statistic: 'Maximum',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it('alarms when the stream iterator age exceeds 15 minutes', () => {
    synthesized.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'post-processor-iterator-age',
      MetricName: 'IteratorAge',
      Statistic: 'Maximum',
      Threshold: 900_000,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: Match.anyValue() } }],
    });
    // errors + throttles per function (four scrapers, planner, post-processor), queue depth per queue, iterator
    // age, failed / timed-out / aborted executions, incomplete week + skipped per scraper, the missed schedule
    synthesized.template.resourceCountIs(
      'AWS::CloudWatch::Alarm',
      6 * 2 + 3 + 1 + EXECUTION_OUTCOME_ALARMS.length + SOURCES.length * 2 + 1,
    );
  });

  it('sends alarms to an SNS topic with the optional e-mail subscription', () => {
    synthesized.template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'celebrity-pipeline-alarms' });
    synthesized.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'alerts@example.com',
    });
  });

  it('draws a dashboard with per-function metrics and the EMF metrics', () => {
    const body = JSON.stringify(
      onlyResourceProperties(synthesized.template, 'AWS::CloudWatch::Dashboard').DashboardBody,
    );
    for (const needle of [
      'Invocations',
      'Errors',
      'Duration',
      'ItemsWritten',
      'ItemsUnchanged',
      'RecordsProcessed',
      'RecordsSkipped',
      'RecordsFailed',
    ]) {
      expect(body).toContain(needle);
    }
    expect(body).toContain('SEARCH(');
    expect(body).toContain('Namespace=\\\\\\"CelebrityPipeline\\\\\\"');
  });
});

describe('outputs', () => {
  it('exposes what the CLI --aws mode reads', () => {
    const outputs = synthesized.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs[STACK_OUTPUT_KEYS.tableName]?.Value).toEqual({ Ref: tableId });
    expect(outputs[STACK_OUTPUT_KEYS.tableStreamArn]?.Value).toEqual({ 'Fn::GetAtt': [tableId, 'StreamArn'] });
    expect(outputs[STACK_OUTPUT_KEYS.scheduleDeadLetterQueueUrl]?.Value).toEqual({ Ref: scheduleDlqId });
    expect(outputs[STACK_OUTPUT_KEYS.scraperFailureQueueUrl]?.Value).toEqual({ Ref: scraperFailuresId });
    expect(outputs[STACK_OUTPUT_KEYS.streamFailureQueueUrl]?.Value).toEqual({ Ref: streamDlqId });
    expect(outputs[STACK_OUTPUT_KEYS.ruleName]?.Value).toEqual({ Ref: expect.stringMatching(/WeeklyScrape/) });
    expect(outputs[STACK_OUTPUT_KEYS.runLedgerTableName]).toBeDefined();
    expect(outputs[STACK_OUTPUT_KEYS.alarmTopicArn]).toBeDefined();
    for (const source of SOURCES) {
      expect(outputs[functionOutputKey(SCRAPER_SPECS[source].functionName)]?.Value).toEqual({
        Ref: logicalIdOf(synthesized.template, 'AWS::Lambda::Function', 'FunctionName', SCRAPER_FUNCTION_NAMES[source]),
      });
    }
    expect(outputs.FunctionNamePostProcessor).toBeDefined();
    expect(outputs[functionOutputKey(COLLECTION_PLANNER_FUNCTION_NAME)]).toBeDefined();
    expect(outputs[STACK_OUTPUT_KEYS.collectionStateMachineArn]?.Value).toEqual({
      Ref: logicalIdOf(
        synthesized.template,
        'AWS::StepFunctions::StateMachine',
        'StateMachineName',
        COLLECTION_STATE_MACHINE_NAME,
      ),
    });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('acknowledges only SQS3 on the failure queues, L1 on the six functions and IAM5 findings of the state machine role, each with a reason', () => {
    const acknowledged = synthesized.stack.node.findAll().flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
        .map(([id, reason]) => ({ path: construct.node.path, id, reason })),
    );
    const count = (suffix: string) => acknowledged.filter((entry) => entry.id.endsWith(suffix)).length;
    expect(count('AwsSolutions-SQS3')).toBe(3);
    expect(count('AwsSolutions-L1')).toBe(6);
    const iam5 = acknowledged.filter((entry) => entry.id.includes('AwsSolutions-IAM5['));
    // Five `<function>:*` versions, the state machine's own executions, and "*" of log delivery and X-Ray.
    expect(iam5).toHaveLength(7);
    for (const entry of iam5) expect(entry.path).toMatch(/CollectionStateMachine\/Role$/);
    expect(acknowledged).toHaveLength(3 + 6 + 7);
    for (const entry of acknowledged) expect(entry.reason.length).toBeGreaterThan(80);
  });

  it('reports no unacknowledged finding', () => {
    const report = new AwsSolutionsChecks(synthesized.app).validateScope(synthesized.stack);
    expect(report.violations.map((violation) => violation.ruleName)).toEqual([]);
    expect(report.success).toBe(true);
  });
});

describe('a celebrity list file', () => {
  let enabled: Synthesized;
  beforeAll(() => {
    enabled = synthesize({
      pipeline: { celebrityList: { file: 'packages/celebrities/src/celebrities.json' } },
    });
  });
  afterAll(() => enabled?.cleanup());

  it('points the scrapers at a custom celebrity list shipped in their bundle', () => {
    for (const source of SOURCES) {
      enabled.template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: SCRAPER_FUNCTION_NAMES[source],
        Environment: { Variables: Match.objectLike({ CELEBRITIES_FILE: '/var/task/celebrities.json' }) },
      });
      synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: SCRAPER_FUNCTION_NAMES[source],
        Environment: { Variables: Match.objectLike({ CELEBRITIES_FILE: Match.absent() }) },
      });
    }
  });

  it('creates no e-mail subscription without alarmEmail', () => {
    enabled.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
