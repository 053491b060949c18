export { type DynamoDbLocalInstance, type DynamoDbLocalOptions, startDynamoDbLocal } from './dynamodb-local.js';
export { DynamoDbLocalError, JavaMissingError, JavaTooOldError, PortInUseError, StartupError } from './errors.js';
export { assertJava, parseJavaMajorVersion, REQUIRED_JAVA_MAJOR_VERSION } from './java.js';
export { findFreePort, isPortFree } from './ports.js';
