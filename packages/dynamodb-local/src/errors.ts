/** Base class of every error this package throws. */
export class DynamoDbLocalError extends Error {
  override name = 'DynamoDbLocalError';
}

/** Java is not on PATH (DynamoDB Local is a Java program). */
export class JavaMissingError extends DynamoDbLocalError {
  override name = 'JavaMissingError';
}

/** Java is present but older than DynamoDB Local 3.x needs. */
export class JavaTooOldError extends DynamoDbLocalError {
  override name = 'JavaTooOldError';
  constructor(
    readonly foundMajorVersion: number,
    readonly requiredMajorVersion: number,
  ) {
    super(
      `DynamoDB Local needs Java ${requiredMajorVersion} or newer, found Java ${foundMajorVersion} (install openjdk-17-jre-headless and put it first on PATH)`,
    );
  }
}

/** The requested port is taken by another process. */
export class PortInUseError extends DynamoDbLocalError {
  override name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`Port ${port} is already in use; pick another with --port or stop the process that holds it`);
  }
}

/** DynamoDB Local exited or did not answer in time. */
export class StartupError extends DynamoDbLocalError {
  override name = 'StartupError';
}
