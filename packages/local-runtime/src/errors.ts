/** Base class of every error `@celebrity-pipeline/local-runtime` throws. */
export class LocalRuntimeError extends Error {
  override name = 'LocalRuntimeError';
}

/** No DynamoDB answers at the endpoint the user named with `--endpoint`. */
export class EndpointUnreachableError extends LocalRuntimeError {
  override name = 'EndpointUnreachableError';
  constructor(
    readonly endpoint: string,
    options?: ErrorOptions,
  ) {
    super(`No DynamoDB answers at ${endpoint}: start one (\`celebrity-pipeline local up\`) or fix --endpoint`, options);
  }
}

/** A table the local runtime owns (run ledger, local state) exists with a different key schema. */
export class StateTableShapeError extends LocalRuntimeError {
  override name = 'StateTableShapeError';
  constructor(
    readonly tableName: string,
    readonly problems: readonly string[],
  ) {
    super(`Table \`${tableName}\` has the wrong shape:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** The table has no stream, so nothing can be post-processed. */
export class StreamMissingError extends LocalRuntimeError {
  override name = 'StreamMissingError';
  constructor(readonly tableName: string) {
    super(`Table \`${tableName}\` has no stream (expected NEW_AND_OLD_IMAGES)`);
  }
}

/** `dlq show ID` / `dlq redrive ID` named a message that is not in the queue. */
export class DeadLetterNotFoundError extends LocalRuntimeError {
  override name = 'DeadLetterNotFoundError';
  constructor(readonly id: string) {
    super(`No dead-letter message with id \`${id}\` (list them with \`celebrity-pipeline dlq list\`)`);
  }
}

/** A stored dead-letter message or checkpoint could not be read back. */
export class CorruptStateError extends LocalRuntimeError {
  override name = 'CorruptStateError';
}

/** A state machine definition uses a state type, field or path outside the subset the local executor runs. */
export class UnsupportedDefinitionError extends LocalRuntimeError {
  override name = 'UnsupportedDefinitionError';
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem} (the local executor runs only the subset the collection definition uses)`);
  }
}

/**
 * A state failed with a Step Functions error name: `States.Runtime`, `States.NoChoiceMatched`,
 * `States.ExceedToleratedFailureThreshold`, or a function's own error (`error` is then its name).
 */
export class StatesError extends LocalRuntimeError {
  override name = 'StatesError';
  constructor(
    readonly error: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${error}: ${message}`, options);
  }
}
