import { SOURCES, type Source } from '@celebrity-pipeline/core';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { InvalidPipelineConfigError } from './errors.js';

/** What `bin/app.ts` reads from CDK context (`cdk synth -c scheduleEnabled=true`, or cdk.json). */
export interface AppContext {
  stackName?: string;
  tableName?: string;
  scheduleEnabled?: boolean;
  celebrityListFile?: string;
  alarmEmail?: string;
  logRetention?: RetentionDays;
  /** `-c tmdbSecretArn=arn:aws:secretsmanager:…` per source. */
  secretArns: Partial<Record<Source, string>>;
}

/** Context keys, as typed on the command line. */
export const CONTEXT_KEYS = {
  stackName: 'stackName',
  tableName: 'tableName',
  scheduleEnabled: 'scheduleEnabled',
  celebrityListFile: 'celebrityListFile',
  alarmEmail: 'alarmEmail',
  logRetentionDays: 'logRetentionDays',
  secretArnSuffix: 'SecretArn',
} as const;

type ContextReader = (key: string) => unknown;

/**
 * Reads and validates the app's context; `-c` values arrive as strings, cdk.json values as JSON.
 * @throws InvalidPipelineConfigError naming the context key.
 */
export function readAppContext(read: ContextReader): AppContext {
  const secretArns: Partial<Record<Source, string>> = {};
  for (const source of SOURCES) {
    const key = `${source}${CONTEXT_KEYS.secretArnSuffix}`;
    const arn = optionalString(read, key);
    if (arn !== undefined && !arn.startsWith('arn:')) {
      throw new InvalidPipelineConfigError(
        `Expected context \`${key}\` to be a Secrets Manager secret ARN, got "${arn}"`,
      );
    }
    if (arn !== undefined) secretArns[source] = arn;
  }
  return {
    stackName: optionalString(read, CONTEXT_KEYS.stackName),
    tableName: optionalString(read, CONTEXT_KEYS.tableName),
    scheduleEnabled: optionalBoolean(read, CONTEXT_KEYS.scheduleEnabled),
    celebrityListFile: optionalString(read, CONTEXT_KEYS.celebrityListFile),
    alarmEmail: optionalString(read, CONTEXT_KEYS.alarmEmail),
    logRetention: optionalRetention(read, CONTEXT_KEYS.logRetentionDays),
    secretArns,
  };
}

function optionalString(read: ContextReader, key: string): string | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new InvalidPipelineConfigError(`Expected context \`${key}\` to be a string`);
  return value;
}

function optionalBoolean(read: ContextReader, key: string): boolean | undefined {
  const value = read(key);
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new InvalidPipelineConfigError(`Expected context \`${key}\` to be true or false, got "${String(value)}"`);
}

function optionalRetention(read: ContextReader, key: string): RetentionDays | undefined {
  const value = read(key);
  if (value === undefined) return undefined;
  const days = Number(value);
  const known = Object.values(RetentionDays).filter((entry): entry is RetentionDays => typeof entry === 'number');
  const match = known.find((entry) => entry === days);
  if (match === undefined) {
    throw new InvalidPipelineConfigError(
      `Expected context \`${key}\` to be a CloudWatch Logs retention in days (${known.join(', ')}), got "${String(value)}"`,
    );
  }
  return match;
}
