/** Base class of the CLI's own errors: the message is shown as is, with the exit code. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Bad command-line input (flag values, files): exit code 2, like commander's own usage errors. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, 2, options);
  }
}

/**
 * Errors whose message is already written for people (the packages' own error classes): stderr shows them
 * without the class name (core's `describeError` with `messageOnly`).
 */
export const SELF_EXPLAINING_ERRORS: ReadonlySet<string> = new Set([
  'CliError',
  'UsageError',
  'ValidationError',
  'TableShapeError',
  'StateTableShapeError',
  'EndpointUnreachableError',
  'DeadLetterNotFoundError',
  'JavaMissingError',
  'JavaTooOldError',
  'PortInUseError',
  'StartupError',
  'CelebrityListError',
  'CelebrityListReadError',
  'ScraperConfigError',
  'ConfigurationError',
  'StackOutputsError',
]);

/** Exit code for an error: the CLI's own, else 1. */
export function exitCodeOf(error: unknown): number {
  return error instanceof CliError ? error.exitCode : 1;
}
