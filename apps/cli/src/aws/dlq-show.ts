import { type CommandIo, printJson } from '../command-io.js';
import { CliError } from '../errors.js';
import type { DeployedStack } from './deployed-stack.js';
import { peekMessages } from './stack-queues.js';

/** `dlq show ID --aws`: the message with its queue. */
export async function awsDlqShowCommand(id: string, stack: DeployedStack, io: CommandIo): Promise<number> {
  for (const queue of stack.queues()) {
    const message = (await peekMessages(stack.clients.sqs, queue.url)).find((candidate) => candidate.MessageId === id);
    if (message) {
      printJson(io, { queue: queue.role, ...message });
      return 0;
    }
  }
  throw new CliError(`No visible message with id \`${id}\` in the stack's queues (see \`dlq list --aws\`)`);
}
