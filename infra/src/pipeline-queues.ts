import { DEAD_LETTER_RETENTION_SECONDS } from '@celebrity-pipeline/core';
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/**
 * A queue that holds failures for a human: retention set explicitly (SQS defaults to 4 days, a weekly
 * cadence needs 7), SQS-managed encryption (EventBridge cannot send to a queue under the AWS-managed KMS
 * key), TLS-only access.
 */
export function createFailureQueue(scope: Construct, id: string, queueName: string): Queue {
  return new Queue(scope, id, {
    queueName,
    retentionPeriod: Duration.seconds(DEAD_LETTER_RETENTION_SECONDS),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
  });
}
