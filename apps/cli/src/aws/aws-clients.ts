import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';

/** The AWS SDK clients the `--aws` variants use (tests pass mocked Lambda/SQS/EventBridge/CloudFormation). */
export interface AwsClients {
  cloudFormation: CloudFormationClient;
  lambda: LambdaClient;
  sqs: SQSClient;
  eventBridge: EventBridgeClient;
  dynamodb: DynamoDBClient;
}

/** Clients from the default credential chain and region. */
export function defaultAwsClients(): AwsClients {
  return {
    cloudFormation: new CloudFormationClient({}),
    lambda: new LambdaClient({}),
    sqs: new SQSClient({}),
    eventBridge: new EventBridgeClient({}),
    dynamodb: new DynamoDBClient({}),
  };
}
