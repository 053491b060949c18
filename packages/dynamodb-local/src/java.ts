import { spawnSync } from 'node:child_process';
import { JavaMissingError, JavaTooOldError } from './errors.js';

/** DynamoDB Local 3.x runs on Java 17 or newer. */
export const REQUIRED_JAVA_MAJOR_VERSION = 17;

/** Parses the major version out of `java -version` output (`"17.0.15"`, `"1.8.0_392"`). */
export function parseJavaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/**
 * Checks that a usable Java is installed and returns its major version.
 * @throws JavaMissingError when no java can be run; JavaTooOldError when it is older than 17.
 */
export function assertJava(command = 'java'): number {
  const result = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new JavaMissingError(
      `Java was not found (\`${command} -version\` failed): DynamoDB Local needs Java ${REQUIRED_JAVA_MAJOR_VERSION}+; install openjdk-17-jre-headless and put \`java\` on PATH`,
    );
  }
  const major = parseJavaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major === undefined) {
    throw new JavaMissingError(`Could not read the Java version from \`${command} -version\``);
  }
  if (major < REQUIRED_JAVA_MAJOR_VERSION) throw new JavaTooOldError(major, REQUIRED_JAVA_MAJOR_VERSION);
  return major;
}
