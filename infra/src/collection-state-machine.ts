import { buildCollectionDefinition } from '@celebrity-pipeline/collection-plan';
import { COLLECTION_STATE_MACHINE_NAME, SOURCES, type Source } from '@celebrity-pipeline/core';
import { ArnFormat, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { NAG_ACKNOWLEDGEMENTS, nagResourceFinding } from './nag-acknowledgements.js';

/** Log group of the state machine (`/aws/vendedlogs/` keeps the logs resource policy small, as AWS advises). */
export const COLLECTION_LOG_GROUP_NAME = `/aws/vendedlogs/states/${COLLECTION_STATE_MACHINE_NAME}`;

/** Props of {@link createCollectionStateMachine}. */
export interface CollectionStateMachineProps {
  /** `PlanWeek`: Scheduled Event → the week's shard events. */
  readonly planner: IFunction;
  readonly scrapers: Readonly<Record<Source, IFunction>>;
  readonly logRetention: RetentionDays;
}

/** The ARNs the state machine's role needs for its own Distributed Map runs, built from the name (no cycle). */
export function collectionStateMachineArns(scope: Construct) {
  const stack = Stack.of(scope);
  return {
    stateMachine: stack.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: COLLECTION_STATE_MACHINE_NAME,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
    /** Its executions, and the Distributed Map's child executions (`<name>/<map run>:<id>`). */
    executions: stack.formatArn({
      service: 'states',
      resource: 'execution',
      resourceName: `${COLLECTION_STATE_MACHINE_NAME}/*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    }),
  };
}

/**
 * The Standard state machine `celebrity-weekly-collection`: the definition is collection-plan's
 * `buildCollectionDefinition` with the deployed ARNs (the local runtime executes the same data), logged at ALL
 * with execution data and traced with X-Ray. Its role may invoke the five functions (and their versions) and run
 * its own Distributed Map child executions, nothing else.
 */
export function createCollectionStateMachine(
  scope: Construct,
  id: string,
  props: CollectionStateMachineProps,
): StateMachine {
  const definition = buildCollectionDefinition(
    {
      planner: props.planner.functionArn,
      scrapers: Object.fromEntries(SOURCES.map((source) => [source, props.scrapers[source].functionArn])) as Record<
        Source,
        string
      >,
    },
    SOURCES,
  );
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    logGroupName: COLLECTION_LOG_GROUP_NAME,
    retention: props.logRetention,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const stateMachine = new StateMachine(scope, id, {
    stateMachineName: COLLECTION_STATE_MACHINE_NAME,
    stateMachineType: StateMachineType.STANDARD,
    comment: definition.Comment,
    definitionBody: DefinitionBody.fromString(JSON.stringify(definition)),
    logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    tracingEnabled: true,
  });

  const functionArns = [props.planner, ...SOURCES.map((source) => props.scrapers[source])].map((fn) => fn.functionArn);
  const qualifiedArns = functionArns.map((arn) => `${arn}:*`);
  stateMachine.addToRolePolicy(
    new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [...functionArns, ...qualifiedArns] }),
  );
  const own = collectionStateMachineArns(scope);
  stateMachine.addToRolePolicy(
    new PolicyStatement({ actions: ['states:StartExecution'], resources: [own.stateMachine] }),
  );
  stateMachine.addToRolePolicy(
    new PolicyStatement({
      actions: ['states:DescribeExecution', 'states:StopExecution'],
      resources: [own.executions],
    }),
  );

  const validations = Validations.of(stateMachine.role);
  for (const arn of qualifiedArns) {
    validations.acknowledge({
      id: nagResourceFinding(scope, NAG_ACKNOWLEDGEMENTS.functionVersions.id, arn),
      reason: NAG_ACKNOWLEDGEMENTS.functionVersions.reason,
    });
  }
  validations.acknowledge({
    id: nagResourceFinding(scope, NAG_ACKNOWLEDGEMENTS.childExecutions.id, own.executions),
    reason: NAG_ACKNOWLEDGEMENTS.childExecutions.reason,
  });
  validations.acknowledge({
    id: nagResourceFinding(scope, NAG_ACKNOWLEDGEMENTS.logDeliveryAndTracing.id, '*'),
    reason: NAG_ACKNOWLEDGEMENTS.logDeliveryAndTracing.reason,
  });
  return stateMachine;
}
