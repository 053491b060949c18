/** Base class of the reliability package's errors. */
export class ReliabilityError extends Error {
  override name = 'ReliabilityError';
}

/** A results file the report is generated from is missing or not in the expected shape. */
export class ReportInputError extends ReliabilityError {
  override name = 'ReportInputError';
  constructor(
    message: string,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
