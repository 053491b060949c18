import { randomUUID } from 'node:crypto';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { STACK_OUTPUT_KEYS, scheduledEvent } from '@celebrity-pipeline/core';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { TriggerFlags } from '../flags.js';
import type { DeployedStack } from './deployed-stack.js';
import { requireOutput } from './stack-outputs.js';

/** Region and account of an ARN (`arn:partition:service:region:account:…`), as EventBridge puts them in an event. */
export function arnLocation(arn: string): { region?: string; account?: string } {
  const [, , , region, account] = arn.split(':');
  return { ...(region ? { region } : {}), ...(account ? { account } : {}) };
}

/**
 * `trigger --aws`: starts an execution of the collection state machine (the weekly rule's only target) with the
 * Scheduled Event EventBridge would send; the execution is named after the run id (the event id), so the run
 * ledger, the Step Functions console and `status --aws` show the same id.
 */
export async function awsTriggerCommand(flags: TriggerFlags, stack: DeployedStack, io: CommandIo): Promise<number> {
  const stateMachineArn = requireOutput(stack.outputs, STACK_OUTPUT_KEYS.collectionStateMachineArn, stack.name);
  const location = arnLocation(stateMachineArn);
  const event = scheduledEvent({
    id: randomUUID(),
    time: io.now(),
    region: location.region ?? io.environment.AWS_REGION ?? 'us-east-1',
    account: location.account,
  });
  const { executionArn, startDate } = await stack.clients.stepFunctions.send(
    new StartExecutionCommand({ stateMachineArn, name: event.id, input: JSON.stringify(event) }),
  );
  if (flags.json) printJson(io, { runId: event.id, stateMachineArn, executionArn, startDate });
  else {
    printLine(io, `started  ${executionArn ?? stateMachineArn}`);
    printLine(io, `Run ${event.id}; follow with \`celebrity-pipeline status --aws\` or the Step Functions console.`);
  }
  return executionArn ? 0 : 1;
}
