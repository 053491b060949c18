import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** cdk-nag AwsSolutions rules the pipeline breaks on purpose, each with the reason. */
export const NAG_ACKNOWLEDGEMENTS = {
  deadLetterQueueWithoutDeadLetterQueue: {
    id: 'AwsSolutions-SQS3',
    reason:
      'These queues are the dead-letter / on-failure destinations themselves (rule target DLQ, scraper async failures, stream mapping failures); a DLQ of a DLQ would only move the same messages further from the alarm that watches them.',
  },
  runtimeNotLatest: {
    id: 'AwsSolutions-L1',
    reason:
      'nodejs22.x is pinned on purpose: it is the Node major the workspace builds, tests and bundles for (esbuild target node22); moving to nodejs24.x is a deliberate upgrade of the whole toolchain, not a side effect of a CDK release.',
  },
  functionVersions: {
    id: 'AwsSolutions-IAM5',
    reason:
      "The state machine invokes each of the five pipeline functions by ARN; `<function ARN>:*` adds only that function's own versions and aliases (Step Functions may invoke a qualified ARN), never another function.",
  },
  childExecutions: {
    id: 'AwsSolutions-IAM5',
    reason:
      'A Distributed Map runs its iterations as child executions of this state machine, named only at run time (`celebrity-weekly-collection/<map run>:<id>`); DescribeExecution and StopExecution are limited to the executions of this one state machine.',
  },
  logDeliveryAndTracing: {
    id: 'AwsSolutions-IAM5',
    reason:
      'CloudWatch Logs vended delivery (logs:CreateLogDelivery and friends) and X-Ray (PutTraceSegments, PutTelemetryRecords, GetSamplingRules/Targets) support no resource-level permissions: AWS documents Resource "*" for them, and CDK adds exactly those actions for the logging and tracing the state machine needs (AwsSolutions-SF1/SF2).',
  },
  secretWithoutRotation: {
    id: 'AwsSolutions-SMG4',
    reason:
      'The secret holds third-party API credentials (TMDB read token, NewsAPI key, Bluesky app password) that only their providers can issue; a rotation Lambda cannot mint new ones, so they are rotated by hand with put-secret-value.',
  },
} as const;

/** Records the acknowledgements on the constructs they concern (cdk-nag v3 reads them from metadata). */
export function acknowledgeNagFindings(targets: {
  failureQueues: readonly IConstruct[];
  functions: readonly IConstruct[];
  createdSecrets?: readonly IConstruct[];
}): void {
  for (const queue of targets.failureQueues) {
    Validations.of(queue).acknowledge(NAG_ACKNOWLEDGEMENTS.deadLetterQueueWithoutDeadLetterQueue);
  }
  for (const fn of targets.functions) Validations.of(fn).acknowledge(NAG_ACKNOWLEDGEMENTS.runtimeNotLatest);
  for (const secret of targets.createdSecrets ?? []) {
    Validations.of(secret).acknowledge(NAG_ACKNOWLEDGEMENTS.secretWithoutRotation);
  }
}

/**
 * The id cdk-nag v3 gives one granular finding (e.g. AwsSolutions-IAM5) on `resource`: `<rule>[Resource::<flat>]`,
 * where tokens are flattened as cdk-nag does (`Fn::GetAtt` → `<Id.Attr>`, `Ref` → `<Id>`, `Fn::Join` joined).
 */
export function nagResourceFinding(scope: IConstruct, ruleId: string, resource: string): string {
  return `${ruleId}[Resource::${flattenReference(Stack.of(scope).resolve(resource))}]`;
}

function flattenReference(node: unknown): string {
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/}/g, '>');
  if (node && typeof node === 'object') {
    const value = node as Record<string, unknown>;
    if (Array.isArray(value['Fn::Join'])) {
      const [delimiter, items] = value['Fn::Join'] as [string, unknown[]];
      return items.map(flattenReference).join(delimiter);
    }
    if (Array.isArray(value['Fn::GetAtt'])) {
      const [resource, attribute] = value['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
    }
    if ('Ref' in value) return `<${flattenReference(value.Ref)}>`;
  }
  return JSON.stringify(node);
}
