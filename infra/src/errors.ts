/** Base class of every error `@celebrity-pipeline/infra` throws while building the stack. */
export class InfraError extends Error {
  override readonly name: string = 'InfraError';
}

/** A Lambda entry file the construct bundles does not exist (the owning package has no handler yet). */
export class MissingHandlerEntryError extends InfraError {
  override readonly name = 'MissingHandlerEntryError';

  constructor(
    readonly functionName: string,
    readonly entry: string,
  ) {
    super(
      `Expected the Lambda entry of \`${functionName}\` at ${entry} (a module exporting \`handler\`), found nothing`,
    );
  }
}

/** No locally installed esbuild: CDK would fall back to Docker bundling, which this project never uses. */
export class LocalEsbuildMissingError extends InfraError {
  override readonly name = 'LocalEsbuildMissingError';

  constructor(
    readonly projectRoot: string,
    options?: ErrorOptions,
  ) {
    super(
      `Expected esbuild to be installed at the workspace root ${projectRoot} (a root devDependency): without it CDK falls back to Docker bundling`,
      options,
    );
  }
}

/** Core's table definition holds a value the CDK mapping does not know (a new key type or billing mode). */
export class TableDefinitionError extends InfraError {
  override readonly name = 'TableDefinitionError';
}

/** A construct prop or CDK context value is invalid. */
export class InvalidPipelineConfigError extends InfraError {
  override readonly name = 'InvalidPipelineConfigError';
}
