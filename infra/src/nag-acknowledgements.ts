import { Validations } from 'aws-cdk-lib';
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
