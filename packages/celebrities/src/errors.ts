/** Base class of every error `@celebrity-pipeline/celebrities` throws. */
export class CelebrityListError extends Error {
  override name = 'CelebrityListError';
}

/** The celebrity list file could not be read (missing, unreadable). */
export class CelebrityListReadError extends CelebrityListError {
  override name = 'CelebrityListReadError';
  constructor(
    readonly location: string,
    options?: ErrorOptions,
  ) {
    super(
      `Cannot read the celebrity list at \`${location}\`: ${(options?.cause as Error | undefined)?.message ?? 'unknown error'}`,
      options,
    );
  }
}
