import { randomUUID } from 'node:crypto';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeRuleCommand, EventBridgeClient, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import {
  type Check,
  DEFAULT_STACK_NAME,
  SOURCES,
  STACK_OUTPUT_KEYS,
  scheduledEvent,
  WEEKLY_SCHEDULE,
} from '@celebrity-pipeline/core';
import { createDocumentClient, createRunLedger, listWeekItems } from '@celebrity-pipeline/core/dynamodb';
import { describeTableIfExists } from '@celebrity-pipeline/local-runtime';
import { STREAM_FILTER_PATTERNS, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import type { ReportDeadLetter } from '@celebrity-pipeline/report';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import { outputReport } from '../commands/report.js';
import { enrichmentOf, formatRunStatus } from '../commands/status.js';
import { reportChecks } from '../commands/verify.js';
import { CliError, UsageError } from '../errors.js';
import { parseWeekOption } from '../option-parsers.js';
import { readTrendSummaries } from '../rankings/ranking-reads.js';
import { AWS_VERIFY_CHECK_IDS, dataQualityChecks, parallelStartCheck, tableCheck } from '../verification.js';
import {
  postProcessorFunctionName,
  readStackOutputs,
  requireOutput,
  type StackOutputs,
  scraperFunctionName,
} from './stack-outputs.js';

/** The AWS SDK clients the `--aws` variants use (tests pass mocked Lambda/SQS/EventBridge/CloudFormation). */
export interface AwsClients {
  cloudFormation: CloudFormationClient;
  lambda: LambdaClient;
  sqs: SQSClient;
  eventBridge: EventBridgeClient;
  dynamodb: DynamoDBClient;
}

/** Clients from the default credential chain and region. */
export function defaultAwsClients(): AwsClients {
  return {
    cloudFormation: new CloudFormationClient({}),
    lambda: new LambdaClient({}),
    sqs: new SQSClient({}),
    eventBridge: new EventBridgeClient({}),
    dynamodb: new DynamoDBClient({}),
  };
}

type Flags = Record<string, unknown>;

const stackOf = (flags: Flags) => (typeof flags.stack === 'string' ? flags.stack : DEFAULT_STACK_NAME);

/** The three queues of the stack, by the name core gives their role. */
export function queuesOf(outputs: StackOutputs, stackName: string): Array<{ role: string; url: string }> {
  return [
    { role: 'schedule DLQ', url: requireOutput(outputs, STACK_OUTPUT_KEYS.scheduleDeadLetterQueueUrl, stackName) },
    { role: 'scraper failures', url: requireOutput(outputs, STACK_OUTPUT_KEYS.scraperFailureQueueUrl, stackName) },
    { role: 'stream failures', url: requireOutput(outputs, STACK_OUTPUT_KEYS.streamFailureQueueUrl, stackName) },
  ];
}

/** Messages visible in a queue right now (peeked: visibility timeout 0, nothing is consumed). */
async function peekMessages(sqs: SQSClient, url: string): Promise<Message[]> {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: url,
      MaxNumberOfMessages: 10,
      VisibilityTimeout: 0,
      MessageAttributeNames: ['All'],
      MessageSystemAttributeNames: ['SentTimestamp'],
    }),
  );
  return Messages;
}

/** An SQS dead-letter message as the report shows it (the body says why; the queue says which stage). */
function sqsDeadLetter(role: string, message: Message): ReportDeadLetter {
  const sentAt = Number(message.Attributes?.SentTimestamp);
  return {
    id: message.MessageId ?? 'unknown',
    source: role,
    kind: 'sqs-message',
    reason: (message.Body ?? '').slice(0, 300),
    failedAt: new Date(Number.isFinite(sentAt) ? sentAt : 0).toISOString(),
    payloadSummary: `${(message.Body ?? '').length} bytes in ${role}`,
  };
}

function reportFlagsOf(flags: Flags): { out?: string; json?: boolean; celebrities?: string } {
  return {
    ...(typeof flags.out === 'string' ? { out: flags.out } : {}),
    ...(flags.json === true ? { json: true } : {}),
    ...(typeof flags.celebrities === 'string' ? { celebrities: flags.celebrities } : {}),
  };
}

async function approximateCount(sqs: SQSClient, url: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages ?? 0);
}

/**
 * Where a failed invocation's message says to send it again: a Lambda on-failure record carries the
 * function ARN and the original payload; a rule DLQ message is the event itself with the target in
 * `TARGET_ARN`. Stream-failure records only point at stream positions, so they are not redriven here.
 */
export function redriveTargetOf(message: Message): { functionName: string; payload: string } | undefined {
  const body = message.Body ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const record = parsed as {
    requestContext?: { functionArn?: string };
    requestPayload?: unknown;
    DDBStreamBatchInfo?: unknown;
  };
  if (record.DDBStreamBatchInfo !== undefined) return undefined;
  if (record.requestContext?.functionArn && record.requestPayload !== undefined) {
    return {
      functionName: record.requestContext.functionArn.replace(/:\$LATEST$/, ''),
      payload: JSON.stringify(record.requestPayload),
    };
  }
  const target = message.MessageAttributes?.TARGET_ARN?.StringValue;
  return target ? { functionName: target, payload: body } : undefined;
}

/** The `--aws` variants of trigger, status, dlq and verify. */
export function awsCommands(io: CommandIo, makeClients: () => AwsClients = defaultAwsClients) {
  let clients: AwsClients | undefined;
  const aws = () => {
    clients ??= makeClients();
    return clients;
  };
  const outputsOf = (flags: Flags) => readStackOutputs(aws().cloudFormation, stackOf(flags));

  return {
    /** `trigger --aws`: the four scrapers invoked asynchronously with a Scheduled Event. */
    async trigger(flags: Flags): Promise<number> {
      const outputs = await outputsOf(flags);
      const event = scheduledEvent({ id: randomUUID(), time: io.now(), region: process.env.AWS_REGION ?? 'us-east-1' });
      const results = await Promise.all(
        SOURCES.map(async (source) => {
          const functionName = scraperFunctionName(outputs, source);
          const response = await aws().lambda.send(
            new InvokeCommand({
              FunctionName: functionName,
              InvocationType: 'Event',
              Payload: Buffer.from(JSON.stringify(event)),
            }),
          );
          return { source, functionName, statusCode: response.StatusCode ?? 0 };
        }),
      );
      if (flags.json) printJson(io, { eventId: event.id, results });
      else {
        for (const result of results)
          printLine(
            io,
            `${result.statusCode === 202 ? 'queued' : 'FAILED'}  ${result.functionName} (HTTP ${result.statusCode})`,
          );
        printLine(io, `Event ${event.id}; follow with \`celebrity-pipeline status --aws\`.`);
      }
      return results.every((result) => result.statusCode === 202) ? 0 : 1;
    },

    /** `report --aws`: the week's report from the deployed tables and the messages waiting in the stack's queues. */
    async report(flags: Flags): Promise<number> {
      const stackName = stackOf(flags);
      const outputs = await outputsOf(flags);
      const week = parseWeekOption(typeof flags.week === 'string' ? flags.week : undefined, io.now());
      const documentClient = createDocumentClient({ client: aws().dynamodb });
      const tableName = requireOutput(outputs, STACK_OUTPUT_KEYS.tableName, stackName);
      const ledger = createRunLedger({
        client: documentClient,
        tableName: requireOutput(outputs, STACK_OUTPUT_KEYS.runLedgerTableName, stackName),
      });
      const { items } = await listWeekItems({ client: documentClient, tableName, week });
      const runs = (await ledger.listRuns()).runs.flatMap((run) => run.summaries);
      const deadLetters = (
        await Promise.all(
          queuesOf(outputs, stackName).map(async (queue) =>
            (await peekMessages(aws().sqs, queue.url)).map((message) => sqsDeadLetter(queue.role, message)),
          ),
        )
      ).flat();
      const summaries = await readTrendSummaries({ client: documentClient, tableName }, week);
      return outputReport(week, { items, runs, deadLetters, summaries }, reportFlagsOf(flags), io);
    },

    /** `status --aws`: the deployed run ledger. */
    async status(flags: Flags): Promise<number> {
      const stackName = stackOf(flags);
      const outputs = await outputsOf(flags);
      const documentClient = createDocumentClient({ client: aws().dynamodb });
      const ledger = createRunLedger({
        client: documentClient,
        tableName: requireOutput(outputs, STACK_OUTPUT_KEYS.runLedgerTableName, stackName),
      });
      const tableName = requireOutput(outputs, STACK_OUTPUT_KEYS.tableName, stackName);
      const { runs } = await ledger.listRuns({ limit: typeof flags.limit === 'number' ? flags.limit : 10 });
      const statuses = await Promise.all(
        runs.map(async (run) => ({
          ...run,
          enrichment: enrichmentOf(
            run,
            (await listWeekItems({ client: documentClient, tableName, week: run.week })).items,
          ),
        })),
      );
      if (flags.json) printJson(io, { runs: statuses });
      else if (statuses.length === 0) printLine(io, `No runs recorded in stack ${stackName} yet.`);
      else for (const status of statuses) for (const line of [...formatRunStatus(status), '']) printLine(io, line);
      return 0;
    },

    /** `dlq list --aws`: each queue's count and the messages visible now. */
    async dlqList(flags: Flags): Promise<number> {
      const queues = queuesOf(await outputsOf(flags), stackOf(flags));
      const listed = await Promise.all(
        queues.map(async (queue) => ({
          ...queue,
          count: await approximateCount(aws().sqs, queue.url),
          messages: await peekMessages(aws().sqs, queue.url),
        })),
      );
      if (flags.json) printJson(io, listed);
      else {
        for (const queue of listed) {
          printLine(io, `${queue.role} (${queue.url}): ${queue.count} message(s)`);
          for (const message of queue.messages)
            printLine(io, `  ${message.MessageId}  ${(message.Body ?? '').slice(0, 160)}`);
        }
      }
      return 0;
    },

    /** `dlq show ID --aws`. */
    async dlqShow(id: string, flags: Flags): Promise<number> {
      for (const queue of queuesOf(await outputsOf(flags), stackOf(flags))) {
        const message = (await peekMessages(aws().sqs, queue.url)).find((candidate) => candidate.MessageId === id);
        if (message) {
          printJson(io, { queue: queue.role, ...message });
          return 0;
        }
      }
      throw new CliError(`No visible message with id \`${id}\` in the stack's queues (see \`dlq list --aws\`)`);
    },

    /** `dlq redrive [ID|--all] --aws`: invoke the function again with the original event, then delete the message. */
    async dlqRedrive(id: string | undefined, flags: Flags): Promise<number> {
      if (Boolean(id) === Boolean(flags.all)) throw new UsageError('dlq redrive --aws: give a message ID or --all');
      let failures = 0;
      let redriven = 0;
      for (const queue of queuesOf(await outputsOf(flags), stackOf(flags))) {
        const messages = (await peekMessages(aws().sqs, queue.url)).filter(
          (message) => !id || message.MessageId === id,
        );
        for (const message of messages) {
          const target = redriveTargetOf(message);
          if (!target) {
            failures += 1;
            printLine(
              io,
              `SKIPPED ${message.MessageId} (${queue.role}): a stream-failure record points at stream positions; re-run the week instead`,
            );
            continue;
          }
          const response = await aws().lambda.send(
            new InvokeCommand({
              FunctionName: target.functionName,
              InvocationType: 'Event',
              Payload: Buffer.from(target.payload),
            }),
          );
          if (response.StatusCode === 202) {
            await aws().sqs.send(
              new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: message.ReceiptHandle }),
            );
            redriven += 1;
            printLine(io, `OK      ${message.MessageId} (${queue.role}) → ${target.functionName}`);
          } else {
            failures += 1;
            printLine(io, `FAILED  ${message.MessageId}: invoke returned HTTP ${response.StatusCode}`);
          }
        }
      }
      if (redriven + failures === 0) printLine(io, id ? `No visible message with id \`${id}\`` : 'Nothing to redrive.');
      return failures === 0 && (redriven > 0 || !id) ? 0 : 1;
    },

    /** `verify --aws`: 4A–4D against the deployed stack. */
    async verify(flags: Flags): Promise<number> {
      const stackName = stackOf(flags);
      const outputs = await outputsOf(flags);
      const list = await loadCelebrities(typeof flags.celebrities === 'string' ? flags.celebrities : undefined);
      const tableName = requireOutput(outputs, STACK_OUTPUT_KEYS.tableName, stackName);
      const documentClient = createDocumentClient({ client: aws().dynamodb });
      const ledger = createRunLedger({
        client: documentClient,
        tableName: requireOutput(outputs, STACK_OUTPUT_KEYS.runLedgerTableName, stackName),
      });
      const [table, lastRun] = await Promise.all([
        describeTableIfExists(aws().dynamodb, tableName),
        ledger.listRuns({ limit: 1 }).then(({ runs }) => runs[0]),
      ]);
      const items = lastRun
        ? (await listWeekItems({ client: documentClient, tableName, week: lastRun.week })).items
        : [];
      const queues = queuesOf(outputs, stackName);
      const counts = await Promise.all(queues.map((queue) => approximateCount(aws().sqs, queue.url)));
      const checks: Check[] = [
        tableCheck(table, tableName),
        await ruleCheck(aws().eventBridge, outputs[STACK_OUTPUT_KEYS.ruleName] ?? WEEKLY_SCHEDULE.ruleName, outputs),
        parallelStartCheck(lastRun),
        await mappingCheck(
          aws().lambda,
          postProcessorFunctionName(outputs),
          outputs[STACK_OUTPUT_KEYS.tableStreamArn] ?? table?.LatestStreamArn,
        ),
        ...dataQualityChecks(lastRun?.week, items, list.celebrities.length * SOURCES.length),
        {
          id: 'dlq-empty',
          name: 'DLQ empty',
          isPassed: counts.every((count) => count === 0),
          detail: queues.map((queue, index) => `${queue.role} ${counts[index]}`).join(', '),
        },
      ];
      return reportChecks(checks, AWS_VERIFY_CHECK_IDS, Boolean(flags.json), io);
    },
  };
}

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
  const deployed = new Set((mapping.FilterCriteria?.Filters ?? []).map((filter) => canonical(filter.Pattern ?? '')));
  const expected = STREAM_FILTER_PATTERNS.map((pattern) => canonical(JSON.stringify(pattern)));
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

function canonical(json: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(json)));
  } catch {
    return json;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([key, entry]) => [key, sortKeys(entry)]),
    );
  }
  return value;
}
