import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LAMBDA_ARCHITECTURE } from '@celebrity-pipeline/collection-plan';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type IDestination, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { LocalEsbuildMissingError, MissingHandlerEntryError } from './errors.js';
import type { FunctionSpec } from './function-specs.js';
import { pipelineBundlingOptions } from './pipeline-bundling.js';
import { hasLocalEsbuild, LOCKFILE_NAME } from './repository-layout.js';

/** Runtime and architecture of every function (the house defaults). */
export const PIPELINE_RUNTIME = Runtime.NODEJS_22_X;
export const PIPELINE_ARCHITECTURE = LAMBDA_ARCHITECTURE === 'arm64' ? Architecture.ARM_64 : Architecture.X86_64;

/** Props of {@link PipelineFunction}. */
export interface PipelineFunctionProps {
  readonly spec: FunctionSpec;
  /** Absolute path of the entry module (exports `handler`). */
  readonly entry: string;
  /** Workspace root: esbuild runs there and resolves workspace packages through their `exports`. */
  readonly projectRoot: string;
  readonly logRetention: RetentionDays;
  readonly environment?: Record<string, string>;
  /** Shell commands run after esbuild, inside the bundle's output folder (e.g. copy a data file in). */
  readonly afterBundling?: (outputDirectory: string) => string[];
  /** Async invocations only: retries after a function error (0–2). */
  readonly retryAttempts?: number;
  /** Async invocations only: oldest event Lambda still retries. */
  readonly maxEventAge?: Duration;
  /** Async invocations only: where a failed event goes after its retries. */
  readonly onFailure?: IDestination;
  /** Concurrency reserved for (and limiting) the function; none → the account's unreserved pool. */
  readonly reservedConcurrentExecutions?: number;
}

/**
 * The house `NodejsFunction`: Node 22 on arm64, an ESM bundle built by the workspace's own esbuild (never
 * Docker), source maps, its own log group with a retention, and a role that may only write that log group
 * until grants add what the function needs.
 */
export class PipelineFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    assertBundlable(props);
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/lambda/${props.spec.functionName}`,
      retention: props.logRetention,
      // Logs go with the stack; the data (tables) is what is retained.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of AWSLambdaBasicExecutionRole, whose log actions apply to every log group.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.spec.functionName}`,
    });
    logGroup.grantWrite(role);
    super(scope, id, {
      functionName: props.spec.functionName,
      description: props.spec.description,
      entry: props.entry,
      handler: 'handler',
      projectRoot: props.projectRoot,
      depsLockFilePath: join(props.projectRoot, LOCKFILE_NAME),
      runtime: PIPELINE_RUNTIME,
      architecture: PIPELINE_ARCHITECTURE,
      memorySize: props.spec.memorySizeMb,
      timeout: Duration.seconds(props.spec.timeoutSeconds),
      role,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: bundlingWithHooks(props.afterBundling),
      retryAttempts: props.retryAttempts,
      maxEventAge: props.maxEventAge,
      onFailure: props.onFailure,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
    });
  }
}

function assertBundlable(props: PipelineFunctionProps): void {
  if (!existsSync(props.entry)) throw new MissingHandlerEntryError(props.spec.functionName, props.entry);
  if (!hasLocalEsbuild(props.projectRoot)) throw new LocalEsbuildMissingError(props.projectRoot);
}

function bundlingWithHooks(afterBundling: PipelineFunctionProps['afterBundling']): BundlingOptions {
  const bundling = pipelineBundlingOptions();
  if (!afterBundling) return bundling;
  return {
    ...bundling,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDirectory, outputDirectory) => afterBundling(outputDirectory),
    },
  };
}
