import { InvokeCommand } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { type CommandIo, printLine } from '../command-io.js';
import { UsageError } from '../errors.js';
import type { DlqRedriveFlags } from '../flags.js';
import type { DeployedStack } from './deployed-stack.js';
import { peekMessages } from './stack-queues.js';

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

/** `dlq redrive [ID|--all] --aws`: invoke the function again with the original event, then delete the message. */
export async function awsDlqRedriveCommand(
  id: string | undefined,
  flags: DlqRedriveFlags,
  stack: DeployedStack,
  io: CommandIo,
): Promise<number> {
  if (Boolean(id) === Boolean(flags.all)) throw new UsageError('dlq redrive --aws: give a message ID or --all');
  const { lambda, sqs } = stack.clients;
  let failures = 0;
  let redriven = 0;
  for (const queue of stack.queues()) {
    const messages = (await peekMessages(sqs, queue.url)).filter((message) => !id || message.MessageId === id);
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
      const response = await lambda.send(
        new InvokeCommand({
          FunctionName: target.functionName,
          InvocationType: 'Event',
          Payload: Buffer.from(target.payload),
        }),
      );
      if (response.StatusCode === 202) {
        await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: message.ReceiptHandle }));
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
}
