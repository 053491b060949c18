import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { POST_PROCESSOR_FUNCTION_NAME } from '@celebrity-pipeline/core';
import { createDocumentClient } from '@celebrity-pipeline/core/dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { readPostProcessorConfig } from './config.js';
import { createPostProcessor, type PostProcessor } from './post-processor.js';

let postProcessor: PostProcessor | undefined;

/** Builds the post-processor from the environment: config read and validated once, real clients. */
export function postProcessorFromEnvironment(environment: Readonly<Record<string, string | undefined>>): PostProcessor {
  const config = readPostProcessorConfig(environment);
  return createPostProcessor({
    documentClient: createDocumentClient(),
    tableName: config.tableName,
    logger: new Logger({ serviceName: POST_PROCESSOR_FUNCTION_NAME }),
    metrics: new Metrics({ namespace: config.metricsNamespace, serviceName: POST_PROCESSOR_FUNCTION_NAME }),
  });
}

/**
 * The Lambda handler of the stream's event source mapping (`reportBatchItemFailures` on): returns the sequence
 * numbers of failed records. The environment is read on the first invocation; an invalid one fails every
 * invocation with a ConfigurationError naming the variable.
 */
export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  postProcessor ??= postProcessorFromEnvironment(process.env);
  return postProcessor.handle(event, context);
}
