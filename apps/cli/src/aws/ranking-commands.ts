import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { type CelebrityItem, DEFAULT_STACK_NAME, STACK_OUTPUT_KEYS } from '@celebrity-pipeline/core';
import { createDocumentClient } from '@celebrity-pipeline/core/dynamodb';
import { PROCESSOR_VERSION, rescoreEvent } from '@celebrity-pipeline/post-processor';
import type { CommandIo } from '../command-io.js';
import { reportRescore, rescoreProgress, rescoreWeeksOf } from '../commands/rankings.js';
import {
  printHistory,
  printTop,
  type RankingSource,
  readHistory,
  readTop,
  weekOrLatest,
} from '../rankings/ranking-reads.js';
import { type DeliverRescoreBatch, type RescoreOutcome, rescoreWeeks } from '../rankings/rescore-weeks.js';
import type { AwsClients } from './aws-clients.js';
import { postProcessorFunctionName, readStackOutputs, requireOutput } from './stack-outputs.js';

type Flags = Record<string, unknown>;

/** A synchronous invoke payload stays under Lambda's 6 MB request limit with room to spare. */
export const RESCORE_PAYLOAD_LIMIT_BYTES = 5_000_000;

/** The deployed observation table, named by the stack outputs. */
async function deployedTable(aws: AwsClients, flags: Flags): Promise<{ source: RankingSource; functionName: string }> {
  const stackName = typeof flags.stack === 'string' ? flags.stack : DEFAULT_STACK_NAME;
  const outputs = await readStackOutputs(aws.cloudFormation, stackName);
  return {
    source: {
      client: createDocumentClient({ client: aws.dynamodb }),
      tableName: requireOutput(outputs, STACK_OUTPUT_KEYS.tableName, stackName),
    },
    functionName: postProcessorFunctionName(outputs),
  };
}

/**
 * Hands items to the deployed post-processor as stream-shaped events (synchronous invokes, each under
 * {@link RESCORE_PAYLOAD_LIMIT_BYTES}); the items named in `batchItemFailures`, or all of an invoke that
 * failed, are `failed`, the others `rescored` (the function does not say which were already current).
 */
export function lambdaDelivery(lambda: LambdaClient, functionName: string): DeliverRescoreBatch {
  let sequence = 0;
  return async (items) => {
    const outcomes: RescoreOutcome[] = [];
    for (const part of bySize(items)) {
      const first = sequence + 1;
      sequence += part.length;
      outcomes.push(...(await invokeRescore(lambda, functionName, part, first)));
    }
    return outcomes;
  };
}

async function invokeRescore(
  lambda: LambdaClient,
  functionName: string,
  items: readonly CelebrityItem[],
  firstSequence: number,
): Promise<RescoreOutcome[]> {
  const event = rescoreEvent(items, firstSequence);
  const failedAll = (reason: string) => items.map(() => ({ status: 'failed' as const, reason }));
  let payload: string;
  try {
    const response = await lambda.send(
      new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify(event)) }),
    );
    payload = new TextDecoder().decode(response.Payload ?? new Uint8Array());
    if (response.FunctionError)
      return failedAll(`${functionName} failed (${response.FunctionError}): ${payload.slice(0, 300)}`);
  } catch (error) {
    return failedAll(`could not invoke ${functionName}: ${(error as Error).message}`);
  }
  const failures = parseBatchItemFailures(payload);
  if (failures === undefined)
    return failedAll(`${functionName} answered without batchItemFailures: ${payload.slice(0, 300)}`);
  return event.Records.map((record) =>
    failures.has(record.dynamodb?.SequenceNumber ?? '')
      ? { status: 'failed' as const, reason: `${functionName} reported the record in batchItemFailures` }
      : { status: 'rescored' as const },
  );
}

function parseBatchItemFailures(payload: string): Set<string> | undefined {
  try {
    const parsed = JSON.parse(payload) as { batchItemFailures?: { itemIdentifier?: unknown }[] };
    if (!Array.isArray(parsed.batchItemFailures)) return undefined;
    return new Set(parsed.batchItemFailures.map((failure) => String(failure.itemIdentifier)));
  } catch {
    return undefined;
  }
}

function bySize(items: readonly CelebrityItem[]): CelebrityItem[][] {
  const parts: CelebrityItem[][] = [];
  let current: CelebrityItem[] = [];
  let size = 0;
  for (const item of items) {
    // A marshalled stream record is roughly twice the item's JSON (typed values, new and old image).
    const itemSize = 2 * JSON.stringify(item).length + 1_000;
    if (current.length > 0 && size + itemSize > RESCORE_PAYLOAD_LIMIT_BYTES) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += itemSize;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** `top --aws`, `history --aws`, `rescore --aws`: the deployed table named by the stack outputs. */
export function awsRankingCommands(io: CommandIo, aws: () => AwsClients) {
  return {
    async top(flags: Flags): Promise<number> {
      const { source } = await deployedTable(aws(), flags);
      const week = await weekOrLatest(source, flags.week as string | undefined, io.now());
      return printTop(await readTop(source, week, flags.limit as number), flags.json === true, io);
    },
    async history(celebrityId: string, flags: Flags): Promise<number> {
      const { source } = await deployedTable(aws(), flags);
      const toWeek = await weekOrLatest(source, flags.week as string | undefined, io.now());
      return printHistory(
        await readHistory(source, celebrityId, toWeek, flags.weeks as number),
        flags.json === true,
        io,
      );
    },
    async rescore(flags: Flags): Promise<number> {
      const clients = aws();
      const { source, functionName } = await deployedTable(clients, flags);
      const result = await rescoreWeeks({
        ...source,
        weeks: await rescoreWeeksOf(
          { week: flags.week as string | undefined, allWeeks: flags.allWeeks === true },
          source,
          io.now(),
        ),
        processorVersion: PROCESSOR_VERSION,
        isDryRun: flags.dryRun === true,
        deliver: lambdaDelivery(clients.lambda, functionName),
        onProgress: rescoreProgress(flags.json === true, io),
      });
      return reportRescore(result, flags.json === true, io);
    },
  };
}
