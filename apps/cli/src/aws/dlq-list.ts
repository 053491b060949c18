import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { DlqListFlags } from '../flags.js';
import type { DeployedStack } from './deployed-stack.js';
import { approximateCount, peekMessages } from './stack-queues.js';

/** `dlq list --aws`: each queue's count and the messages visible now. */
export async function awsDlqListCommand(flags: DlqListFlags, stack: DeployedStack, io: CommandIo): Promise<number> {
  const { sqs } = stack.clients;
  const listed = await Promise.all(
    stack.queues().map(async (queue) => ({
      ...queue,
      count: await approximateCount(sqs, queue.url),
      messages: await peekMessages(sqs, queue.url),
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
}
