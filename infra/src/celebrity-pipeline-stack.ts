import { DEFAULT_STACK_NAME, functionOutputKey, SOURCES, STACK_OUTPUT_KEYS } from '@celebrity-pipeline/core';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CelebrityPipeline, type CelebrityPipelineProps } from './celebrity-pipeline.js';
import { TableDefinitionError } from './errors.js';
import { PLANNER_SPEC, POST_PROCESSOR_SPEC, SCRAPER_SPECS } from './function-specs.js';

export { DEFAULT_STACK_NAME, functionOutputKey, STACK_OUTPUT_KEYS };

/** Props of {@link CelebrityPipelineStack}. */
export interface CelebrityPipelineStackProps extends StackProps {
  /** Props of the construct (`contact` is required). */
  readonly pipeline: CelebrityPipelineProps;
}

/** One stack holding the {@link CelebrityPipeline} and the outputs the CLI needs. */
export class CelebrityPipelineStack extends Stack {
  readonly pipeline: CelebrityPipeline;

  constructor(scope: Construct, id: string, props: CelebrityPipelineStackProps) {
    super(scope, id, {
      description: 'Weekly celebrity data collection with weight and sentiment enrichment',
      ...props,
    });
    const pipeline = new CelebrityPipeline(this, 'Pipeline', props.pipeline);
    this.pipeline = pipeline;
    const output = (key: string, value: string, description: string) =>
      new CfnOutput(this, key, { value, description });
    output(STACK_OUTPUT_KEYS.tableName, pipeline.table.tableName, 'Observation table');
    output(STACK_OUTPUT_KEYS.tableStreamArn, streamArnOf(pipeline), 'Stream of the observation table');
    output(STACK_OUTPUT_KEYS.runLedgerTableName, pipeline.runLedgerTable.tableName, 'Run ledger table');
    output(STACK_OUTPUT_KEYS.ruleName, pipeline.rule.ruleName, 'Weekly EventBridge rule');
    output(STACK_OUTPUT_KEYS.scheduleDeadLetterQueueUrl, pipeline.scheduleDeadLetterQueue.queueUrl, 'Rule target DLQ');
    output(STACK_OUTPUT_KEYS.scraperFailureQueueUrl, pipeline.scraperFailureQueue.queueUrl, 'Scraper on-failure queue');
    output(
      STACK_OUTPUT_KEYS.streamFailureQueueUrl,
      pipeline.streamFailureQueue.queueUrl,
      'Stream mapping on-failure queue',
    );
    output(STACK_OUTPUT_KEYS.alarmTopicArn, pipeline.alarmTopic.topicArn, 'SNS topic of every alarm');
    output(
      STACK_OUTPUT_KEYS.collectionStateMachineArn,
      pipeline.stateMachine.stateMachineArn,
      'Weekly collection state machine (the rule target; trigger --aws starts it)',
    );
    output(functionOutputKey(PLANNER_SPEC.functionName), pipeline.planner.functionName, 'Collection planner');
    for (const source of SOURCES) {
      output(
        functionOutputKey(SCRAPER_SPECS[source].functionName),
        pipeline.scrapers[source].functionName,
        `${source} scraper`,
      );
    }
    output(functionOutputKey(POST_PROCESSOR_SPEC.functionName), pipeline.postProcessor.functionName, 'Post-processor');
  }
}

function streamArnOf(pipeline: CelebrityPipeline): string {
  const arn = pipeline.table.tableStreamArn;
  if (arn === undefined) throw new TableDefinitionError('The observation table has no stream (core defines one)');
  return arn;
}
