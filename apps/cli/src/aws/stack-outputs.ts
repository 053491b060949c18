import { type CloudFormationClient, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import {
  functionOutputKey,
  POST_PROCESSOR_FUNCTION_NAME,
  SCRAPER_FUNCTION_NAMES,
  type Source,
} from '@celebrity-pipeline/core';
import { CliError } from '../errors.js';

/** The stack could not be read, or lacks an output the command needs. */
export class StackOutputsError extends CliError {
  override name = 'StackOutputsError';
}

/** The stack's outputs by key. */
export type StackOutputs = Readonly<Record<string, string>>;

/** Reads the outputs of `stackName` (CloudFormation DescribeStacks). */
export async function readStackOutputs(client: CloudFormationClient, stackName: string): Promise<StackOutputs> {
  let stacks: Stack[] | undefined;
  try {
    ({ Stacks: stacks } = await client.send(new DescribeStacksCommand({ StackName: stackName })));
  } catch (error) {
    throw new StackOutputsError(
      `Could not read stack \`${stackName}\`: ${(error as Error).message} (deploy it with \`npm run synth\` + cdk deploy, or pass --stack)`,
      1,
      { cause: error },
    );
  }
  const stack = stacks?.[0];
  if (!stack) throw new StackOutputsError(`Stack \`${stackName}\` not found`);
  return Object.fromEntries(
    (stack.Outputs ?? []).flatMap((output) =>
      output.OutputKey && output.OutputValue ? [[output.OutputKey, output.OutputValue]] : [],
    ),
  );
}

/** One output, or a clear error naming it. */
export function requireOutput(outputs: StackOutputs, key: string, stackName: string): string {
  const value = outputs[key];
  if (!value) throw new StackOutputsError(`Stack \`${stackName}\` has no output \`${key}\``);
  return value;
}

/** Deployed name of a scraper (stack output, else the spec's name). */
export function scraperFunctionName(outputs: StackOutputs, source: Source): string {
  return outputs[functionOutputKey(SCRAPER_FUNCTION_NAMES[source])] ?? SCRAPER_FUNCTION_NAMES[source];
}

/** Deployed name of the post-processor. */
export function postProcessorFunctionName(outputs: StackOutputs): string {
  return outputs[functionOutputKey(POST_PROCESSOR_FUNCTION_NAME)] ?? POST_PROCESSOR_FUNCTION_NAME;
}
