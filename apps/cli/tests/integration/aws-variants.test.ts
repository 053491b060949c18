import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DeleteMessageCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { COLLECTION_STATE_MACHINE_NAME, STACK_OUTPUT_KEYS, WEEKLY_SCHEDULE } from '@celebrity-pipeline/core';
import { createRunLedgerTableInput, createTableInput } from '@celebrity-pipeline/core/dynamodb';
import { STREAM_FILTER_PATTERNS } from '@celebrity-pipeline/post-processor';
import { createTestTable, localDynamoDbClient } from '@celebrity-pipeline/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { AwsClients } from '../../src/aws/aws-clients.js';
import { ruleCheck } from '../../src/aws/deployed-checks.js';
import { AWS_VERIFY_CHECK_IDS } from '../../src/verification.js';
import { cli } from '../helpers/cli.js';

const cloudFormation = mockClient(CloudFormationClient);
const lambda = mockClient(LambdaClient);
const sqs = mockClient(SQSClient);
const eventBridge = mockClient(EventBridgeClient);
const stepFunctions = mockClient(SFNClient);

afterEach(() => {
  for (const mock of [cloudFormation, lambda, sqs, eventBridge, stepFunctions]) mock.reset();
});

const STATE_MACHINE_ARN = `arn:aws:states:eu-west-1:123456789012:stateMachine:${COLLECTION_STATE_MACHINE_NAME}`;

function stackWith(outputs: Record<string, string>) {
  cloudFormation.on(DescribeStacksCommand, { StackName: 'CelebrityPipeline' }).resolves({
    Stacks: [
      {
        StackName: 'CelebrityPipeline',
        CreationTime: new Date(),
        StackStatus: 'CREATE_COMPLETE',
        Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
      },
    ],
  });
}

const queues = {
  ScheduleDeadLetterQueueUrl: 'https://sqs/123/celebrity-scraper-dlq',
  ScraperFailureQueueUrl: 'https://sqs/123/celebrity-scraper-failures',
  StreamFailureQueueUrl: 'https://sqs/123/celebrity-post-processor-dlq',
};

function clients(dynamodbEndpoint = 'http://127.0.0.1:9'): () => AwsClients {
  return () => ({
    cloudFormation: new CloudFormationClient({ region: 'us-east-1' }),
    lambda: new LambdaClient({ region: 'us-east-1' }),
    sqs: new SQSClient({ region: 'us-east-1' }),
    eventBridge: new EventBridgeClient({ region: 'us-east-1' }),
    dynamodb: localDynamoDbClient(dynamodbEndpoint),
    stepFunctions: new SFNClient({ region: 'us-east-1' }),
  });
}

describe('trigger --aws', () => {
  it('starts one execution of the collection state machine with a Scheduled Event named after the run', async () => {
    stackWith({ [STACK_OUTPUT_KEYS.collectionStateMachineArn]: STATE_MACHINE_ARN });
    stepFunctions.on(StartExecutionCommand).callsFake((input: { name: string }) => ({
      executionArn: `arn:aws:states:eu-west-1:123456789012:execution:${COLLECTION_STATE_MACHINE_NAME}:${input.name}`,
      startDate: new Date(),
    }));
    const result = await cli(['trigger', '--aws', '--json'], { dependencies: { aws: clients() } });
    expect(result.code).toBe(0);
    expect(lambda.calls()).toHaveLength(0);
    const calls = stepFunctions.commandCalls(StartExecutionCommand).map((call) => call.args[0].input);
    expect(calls).toHaveLength(1);
    const [input] = calls;
    expect(input?.stateMachineArn).toBe(STATE_MACHINE_ARN);
    const event = JSON.parse(input?.input ?? '{}');
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      region: 'eu-west-1',
      resources: [`arn:aws:events:eu-west-1:123456789012:rule/${WEEKLY_SCHEDULE.ruleName}`],
      detail: {},
    });
    expect(input?.name).toBe(event.id);
    const output = JSON.parse(result.stdout) as { runId: string; executionArn: string };
    expect(output.runId).toBe(event.id);
    expect(output.executionArn).toMatch(new RegExp(`:execution:${COLLECTION_STATE_MACHINE_NAME}:${event.id}$`));
  });

  it('is refused without --aws, names the missing output, and fails when the execution does not start', async () => {
    expect((await cli(['trigger'])).code).toBe(2);
    stackWith({});
    const missing = await cli(['trigger', '--aws'], { dependencies: { aws: clients() } });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(STACK_OUTPUT_KEYS.collectionStateMachineArn);
    stackWith({ [STACK_OUTPUT_KEYS.collectionStateMachineArn]: STATE_MACHINE_ARN });
    stepFunctions.on(StartExecutionCommand).rejects(new Error('ExecutionLimitExceeded'));
    const rejected = await cli(['trigger', '--aws'], { dependencies: { aws: clients() } });
    expect(rejected.code).not.toBe(0);
    expect(rejected.stderr).toContain('ExecutionLimitExceeded');
  });
});

describe('dlq --aws', () => {
  it('redrives an on-failure record to its function and deletes it; lists counts per queue', async () => {
    stackWith(queues);
    const record = {
      requestContext: {
        functionArn: 'arn:aws:lambda:us-east-1:123:function:scraper-news:$LATEST',
        condition: 'RetriesExhausted',
      },
      requestPayload: { id: 'event-1', 'detail-type': 'Scheduled Event' },
    };
    sqs.on(ReceiveMessageCommand).resolves({ Messages: [] });
    sqs
      .on(ReceiveMessageCommand, { QueueUrl: queues.ScraperFailureQueueUrl })
      .resolves({ Messages: [{ MessageId: 'm-1', ReceiptHandle: 'r-1', Body: JSON.stringify(record) }] });
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '0' } });
    sqs
      .on(GetQueueAttributesCommand, { QueueUrl: queues.ScraperFailureQueueUrl })
      .resolves({ Attributes: { ApproximateNumberOfMessages: '1' } });
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });

    const listed = await cli(['dlq', 'list', '--aws'], { dependencies: { aws: clients() } });
    expect(listed.stdout).toContain(`scraper failures (${queues.ScraperFailureQueueUrl}): 1 message(s)`);

    const redriven = await cli(['dlq', 'redrive', 'm-1', '--aws'], { dependencies: { aws: clients() } });
    expect(redriven.code).toBe(0);
    expect(lambda.commandCalls(InvokeCommand)[0]?.args[0].input).toMatchObject({
      FunctionName: 'arn:aws:lambda:us-east-1:123:function:scraper-news',
      InvocationType: 'Event',
    });
    expect(sqs.commandCalls(DeleteMessageCommand)[0]?.args[0].input).toEqual({
      QueueUrl: queues.ScraperFailureQueueUrl,
      ReceiptHandle: 'r-1',
    });
  });
});

describe('status --aws', () => {
  it('reads the deployed run ledger named by the stack outputs', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const dynamodb = localDynamoDbClient(endpoint);
    const table = await createTestTable(dynamodb, createTableInput(), 'aws-status');
    const ledger = await createTestTable(dynamodb, createRunLedgerTableInput(), 'aws-status-ledger');
    stackWith({ TableName: table.tableName, RunLedgerTableName: ledger.tableName });
    const result = await cli(['status', '--aws'], { dependencies: { aws: clients(endpoint) } });
    expect(result).toMatchObject({ code: 0, stdout: 'No runs recorded in stack CelebrityPipeline yet.\n' });
    stackWith({});
    const missing = await cli(['status', '--aws'], { dependencies: { aws: clients(endpoint) } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Stack `CelebrityPipeline` has no output `RunLedgerTableName`');
    await table.drop();
    await ledger.drop();
    dynamodb.destroy();
  });
});

describe('report --aws', () => {
  it("reports the deployed week's items and the messages waiting in the stack's queues", async () => {
    const endpoint = inject('dynamodbEndpoint');
    const dynamodb = localDynamoDbClient(endpoint);
    const table = await createTestTable(dynamodb, createTableInput(), 'aws-report');
    const ledger = await createTestTable(dynamodb, createRunLedgerTableInput(), 'aws-report-ledger');
    stackWith({ TableName: table.tableName, RunLedgerTableName: ledger.tableName, ...queues });
    sqs.on(ReceiveMessageCommand).resolves({ Messages: [] });
    sqs.on(ReceiveMessageCommand, { QueueUrl: queues.ScraperFailureQueueUrl }).resolves({
      Messages: [
        {
          MessageId: 'm-7',
          Body: '{"requestContext":{"condition":"RetriesExhausted"}}',
          Attributes: { SentTimestamp: String(Date.UTC(2026, 10, 23)) },
        },
      ],
    });
    try {
      const result = await cli(['report', '--aws', '--week', '2026-W48', '--json'], {
        dependencies: { aws: clients(endpoint) },
      });
      expect(result.code).toBe(0);
      const figures = JSON.parse(result.stdout) as {
        header: { items: number; deadLetters: number };
        deadLetters: unknown[];
      };
      expect(figures.header.items).toBe(0);
      expect(figures.deadLetters).toEqual([
        expect.objectContaining({ id: 'm-7', source: 'scraper failures', kind: 'sqs-message' }),
      ]);
      expect(sqs.commandCalls(ReceiveMessageCommand)).toHaveLength(3);
    } finally {
      await table.drop();
      await ledger.drop();
      dynamodb.destroy();
    }
  });
});

describe('verify --aws', () => {
  it('passes the rule check when the state machine is the one target', async () => {
    eventBridge
      .on(DescribeRuleCommand)
      .resolves({ ScheduleExpression: WEEKLY_SCHEDULE.scheduleExpression, State: 'DISABLED' });
    eventBridge.on(ListTargetsByRuleCommand).resolves({ Targets: [{ Id: 'collection', Arn: STATE_MACHINE_ARN }] });
    const client = new EventBridgeClient({ region: 'us-east-1' });
    const withOutput = await ruleCheck(client, WEEKLY_SCHEDULE.ruleName, {
      [STACK_OUTPUT_KEYS.collectionStateMachineArn]: STATE_MACHINE_ARN,
    });
    expect(withOutput).toMatchObject({
      isPassed: true,
      detail: `${WEEKLY_SCHEDULE.ruleName}: 1 target, state DISABLED`,
    });
    // An older stack without the output: the target is recognised by the state machine's name.
    expect((await ruleCheck(client, WEEKLY_SCHEDULE.ruleName, {})).isPassed).toBe(true);
  });

  it('passes the deployed configuration checks and fails on a disabled mapping, missing targets and a full DLQ', async () => {
    const endpoint = inject('dynamodbEndpoint');
    const dynamodb = localDynamoDbClient(endpoint);
    const table = await createTestTable(dynamodb, createTableInput(), 'aws-table');
    const ledger = await createTestTable(dynamodb, createRunLedgerTableInput(), 'aws-ledger');
    stackWith({
      ...queues,
      TableName: table.tableName,
      TableStreamArn: 'arn:aws:dynamodb:us-east-1:123:table/t/stream/1',
      RunLedgerTableName: ledger.tableName,
      WeeklyRuleName: WEEKLY_SCHEDULE.ruleName,
      [STACK_OUTPUT_KEYS.collectionStateMachineArn]: STATE_MACHINE_ARN,
    });
    eventBridge
      .on(DescribeRuleCommand)
      .resolves({ ScheduleExpression: WEEKLY_SCHEDULE.scheduleExpression, State: 'DISABLED' });
    eventBridge.on(ListTargetsByRuleCommand).resolves({
      Targets: [{ Id: 'tmdb', Arn: 'arn:aws:lambda:us-east-1:123:function:scraper-tmdb' }],
    });
    lambda.on(ListEventSourceMappingsCommand).resolves({
      EventSourceMappings: [
        {
          EventSourceArn: 'arn:aws:dynamodb:us-east-1:123:table/t/stream/1',
          BatchSize: 100,
          State: 'Disabled',
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          FilterCriteria: { Filters: STREAM_FILTER_PATTERNS.map((pattern) => ({ Pattern: JSON.stringify(pattern) })) },
        },
      ],
    });
    sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: '2' } });

    const result = await cli(['verify', '--aws'], { dependencies: { aws: clients(endpoint) } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('PASS  table exists with stream NEW_AND_OLD_IMAGES');
    expect(result.stdout).toContain(
      `FAIL  weekly rule targets the collection state machine: no target for the state machine ${STATE_MACHINE_ARN}; unexpected targets arn:aws:lambda:us-east-1:123:function:scraper-tmdb`,
    );
    expect(result.stdout).toContain('FAIL  stream filter patterns in force: mapping state Disabled');
    expect(result.stdout).toContain(
      'FAIL  the four scrapers started within 1 s of each other in the last run: no run in the run ledger',
    );
    expect(result.stdout).toContain('FAIL  DLQ empty: schedule DLQ 2, scraper failures 2, stream failures 2');
    expect(result.stdout).toContain('NOT safe to enable the schedule');
    const json = await cli(['verify', '--aws', '--json'], { dependencies: { aws: clients(endpoint) } });
    const output = JSON.parse(json.stdout) as { checks: { id: string }[]; missing: string[] };
    expect(output.checks.map((check) => check.id)).toEqual([...AWS_VERIFY_CHECK_IDS]);
    expect(output.missing).toEqual([]);
    await table.drop();
    await ledger.drop();
    dynamodb.destroy();
  });
});
