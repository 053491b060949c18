import { randomUUID } from 'node:crypto';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { SOURCES, scheduledEvent } from '@celebrity-pipeline/core';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { TriggerFlags } from '../flags.js';
import type { DeployedStack } from './deployed-stack.js';
import { scraperFunctionName } from './stack-outputs.js';

/** `trigger --aws`: the four scrapers invoked asynchronously with one Scheduled Event. */
export async function awsTriggerCommand(flags: TriggerFlags, stack: DeployedStack, io: CommandIo): Promise<number> {
  const event = scheduledEvent({ id: randomUUID(), time: io.now(), region: io.environment.AWS_REGION ?? 'us-east-1' });
  const results = await Promise.all(
    SOURCES.map(async (source) => {
      const functionName = scraperFunctionName(stack.outputs, source);
      const response = await stack.clients.lambda.send(
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
}
