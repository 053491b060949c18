import { GetQueueAttributesCommand, type Message, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { STACK_OUTPUT_KEYS } from '@celebrity-pipeline/core';
import type { ReportDeadLetter } from '@celebrity-pipeline/report';
import { requireOutput, type StackOutputs } from './stack-outputs.js';

/** One of the stack's queues, by the role core gives it. */
export interface StackQueue {
  role: string;
  url: string;
}

/** The three queues of the stack, by the name core gives their role. */
export function queuesOf(outputs: StackOutputs, stackName: string): StackQueue[] {
  return [
    { role: 'schedule DLQ', url: requireOutput(outputs, STACK_OUTPUT_KEYS.scheduleDeadLetterQueueUrl, stackName) },
    { role: 'scraper failures', url: requireOutput(outputs, STACK_OUTPUT_KEYS.scraperFailureQueueUrl, stackName) },
    { role: 'stream failures', url: requireOutput(outputs, STACK_OUTPUT_KEYS.streamFailureQueueUrl, stackName) },
  ];
}

/** Messages visible in a queue right now (peeked: visibility timeout 0, nothing is consumed). */
export async function peekMessages(sqs: SQSClient, url: string): Promise<Message[]> {
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

/** The queue's approximate message count. */
export async function approximateCount(sqs: SQSClient, url: string): Promise<number> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages ?? 0);
}

/** An SQS dead-letter message as the report shows it (the body says why; the queue says which stage). */
export function sqsDeadLetter(role: string, message: Message): ReportDeadLetter {
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
