/** Base class of every error `@celebrity-pipeline/report` throws. */
export class ReportError extends Error {
  override name = 'ReportError';
}

/** The report could not be written to `outPath`; `cause` is the file-system error. */
export class ReportWriteError extends ReportError {
  override name = 'ReportWriteError';
  constructor(
    readonly outPath: string,
    options?: ErrorOptions,
  ) {
    const reason = options?.cause instanceof Error ? options.cause.message : String(options?.cause ?? 'unknown error');
    super(`Could not write the report to \`${outPath}\`: ${reason}`, options);
  }
}
