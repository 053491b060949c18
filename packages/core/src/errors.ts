import type { ItemKey } from './keys.js';

/** Base class of every error `@celebrity-pipeline/core` throws. */
export class CoreError extends Error {
  override name = 'CoreError';
}

/** Input (celebrity list, item, stream image, week) failed validation; `issues` lists every problem. */
export class ValidationError extends CoreError {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
    options?: ErrorOptions,
  ) {
    super(issues.length > 0 ? `${message}:\n${issues.map((issue) => `  - ${issue}`).join('\n')}` : message, options);
  }
}

/** A table exists but its key schema or stream does not match the table definition. */
export class TableShapeError extends CoreError {
  override name = 'TableShapeError';
  constructor(
    readonly tableName: string,
    readonly problems: readonly string[],
  ) {
    super(`Table \`${tableName}\` has the wrong shape:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * A DynamoDB write did not complete after the bounded retries. `keys` names every item left unwritten
 * (empty when the write concerns no item, e.g. a run-ledger record); `cause` is the last error.
 */
export class WriteError extends CoreError {
  override name = 'WriteError';
  constructor(
    message: string,
    readonly keys: readonly ItemKey[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Options of {@link describeError}. */
export interface DescribeErrorOptions {
  /** Error names whose message already says everything: shown without the `Name: ` prefix. */
  messageOnly?: ReadonlySet<string>;
}

/**
 * One line naming what went wrong, for logs, failure reasons and stderr: `Name: message` for an `Error`
 * (the message alone for names in `messageOnly`), `String(value)` for anything else thrown. The one such
 * function of the workspace.
 * @example describeError(new TypeError('x is undefined')) // 'TypeError: x is undefined'
 */
export function describeError(error: unknown, options: DescribeErrorOptions = {}): string {
  if (!(error instanceof Error)) return String(error);
  return options.messageOnly?.has(error.name) ? error.message : `${error.name}: ${error.message}`;
}
