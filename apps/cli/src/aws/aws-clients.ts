import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';

/** The AWS SDK clients the `--aws` variants use (tests pass mocked Lambda/SQS/EventBridge/CloudFormation/SFN). */
export interface AwsClients {
  cloudFormation: CloudFormationClient;
  lambda: LambdaClient;
  sqs: SQSClient;
  eventBridge: EventBridgeClient;
  dynamodb: DynamoDBClient;
  /** Starts the collection state machine (`trigger --aws`). */
  stepFunctions: SFNClient;
}

/** Clients from the default credential chain and region. */
export function defaultAwsClients(): AwsClients {
  return {
    cloudFormation: new CloudFormationClient({}),
    lambda: new LambdaClient({}),
    sqs: new SQSClient({}),
    eventBridge: new EventBridgeClient({}),
    dynamodb: new DynamoDBClient({}),
    stepFunctions: new SFNClient({}),
  };
}
