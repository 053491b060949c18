import { SOURCES, type Source } from '@celebrity-pipeline/core';
import { parseS3Uri } from '@celebrity-pipeline/scraper-kit';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CelebrityPipelineProps } from './celebrity-pipeline.js';
import { InvalidPipelineConfigError } from './errors.js';
import type { CelebrityListSource, SourceSecretSpec } from './pipeline-settings.js';

/** What `bin/app.ts` reads from CDK context (`cdk synth -c contact=ops@example.com`, or cdk.json). */
export interface AppContext {
  stackName?: string;
  tableName?: string;
  contact?: string;
  newsProvider?: string;
  socialProvider?: string;
  celebrityList?: CelebrityListSource;
  alarmEmail?: string;
  logRetention?: RetentionDays;
  retainWeeks?: number;
  reserveConcurrency?: boolean;
  /** `-c tmdbSecretArn=arn:aws:secretsmanager:…` or `-c tmdbSecretName=celebrity-pipeline/tmdb` per source. */
  secrets: Partial<Record<Source, SourceSecretSpec>>;
}

/** Context keys, as typed on the command line. */
export const CONTEXT_KEYS = {
  stackName: 'stackName',
  tableName: 'tableName',
  contact: 'contact',
  newsProvider: 'newsProvider',
  socialProvider: 'socialProvider',
  celebrityListFile: 'celebrityListFile',
  celebrityListS3Uri: 'celebrityListS3Uri',
  celebrityListParameter: 'celebrityListParameter',
  alarmEmail: 'alarmEmail',
  logRetentionDays: 'logRetentionDays',
  retainWeeks: 'retainWeeks',
  reserveConcurrency: 'reserveConcurrency',
  secretArnSuffix: 'SecretArn',
  secretNameSuffix: 'SecretName',
  /** No longer accepted: the rule is enabled by `celebrity-pipeline enable --aws` after verify passes. */
  scheduleEnabled: 'scheduleEnabled',
} as const;

type ContextReader = (key: string) => unknown;

/**
 * Reads and validates the app's context; `-c` values arrive as strings, cdk.json values as JSON.
 * @throws InvalidPipelineConfigError naming the context key.
 */
export function readAppContext(read: ContextReader): AppContext {
  if (read(CONTEXT_KEYS.scheduleEnabled) !== undefined) {
    throw new InvalidPipelineConfigError(
      'Context `scheduleEnabled` is no longer read: the stack always creates the rule DISABLED; run `celebrity-pipeline verify --aws`, then `celebrity-pipeline enable --aws`',
    );
  }
  const secrets: Partial<Record<Source, SourceSecretSpec>> = {};
  for (const source of SOURCES) {
    const arnKey = `${source}${CONTEXT_KEYS.secretArnSuffix}`;
    const nameKey = `${source}${CONTEXT_KEYS.secretNameSuffix}`;
    const arn = optionalString(read, arnKey);
    const name = optionalString(read, nameKey);
    if (arn !== undefined && name !== undefined) {
      throw new InvalidPipelineConfigError(`Give either context \`${arnKey}\` or \`${nameKey}\`, not both`);
    }
    if (arn !== undefined && !arn.startsWith('arn:')) {
      throw new InvalidPipelineConfigError(
        `Expected context \`${arnKey}\` to be a Secrets Manager secret ARN, got "${arn}"`,
      );
    }
    if (arn !== undefined) secrets[source] = { existingArn: arn };
    if (name !== undefined) secrets[source] = { createName: name };
  }
  return {
    stackName: optionalString(read, CONTEXT_KEYS.stackName),
    tableName: optionalString(read, CONTEXT_KEYS.tableName),
    contact: optionalString(read, CONTEXT_KEYS.contact),
    newsProvider: optionalString(read, CONTEXT_KEYS.newsProvider),
    socialProvider: optionalString(read, CONTEXT_KEYS.socialProvider),
    celebrityList: celebrityListOf(read),
    alarmEmail: optionalString(read, CONTEXT_KEYS.alarmEmail),
    logRetention: optionalRetention(read, CONTEXT_KEYS.logRetentionDays),
    retainWeeks: optionalWholeNumber(read, CONTEXT_KEYS.retainWeeks),
    reserveConcurrency: optionalBoolean(read, CONTEXT_KEYS.reserveConcurrency),
    secrets,
  };
}

/**
 * The construct props the context describes; the construct validates them (a missing `contact` fails here,
 * naming `-c contact=…`).
 */
export function pipelinePropsOf(context: AppContext): CelebrityPipelineProps {
  return {
    contact: context.contact ?? '',
    tableName: context.tableName,
    newsProvider: context.newsProvider as CelebrityPipelineProps['newsProvider'],
    socialProvider: context.socialProvider as CelebrityPipelineProps['socialProvider'],
    celebrityList: context.celebrityList,
    sourceSecrets: context.secrets,
    alarmEmail: context.alarmEmail,
    logRetention: context.logRetention,
    retainWeeks: context.retainWeeks,
    reserveConcurrency: context.reserveConcurrency,
  };
}

function celebrityListOf(read: ContextReader): CelebrityListSource | undefined {
  const file = optionalString(read, CONTEXT_KEYS.celebrityListFile);
  const s3Uri = optionalString(read, CONTEXT_KEYS.celebrityListS3Uri);
  const parameter = optionalString(read, CONTEXT_KEYS.celebrityListParameter);
  const given = [file, s3Uri, parameter].filter((value) => value !== undefined);
  if (given.length > 1) {
    throw new InvalidPipelineConfigError(
      `Give only one of context \`${CONTEXT_KEYS.celebrityListFile}\`, \`${CONTEXT_KEYS.celebrityListS3Uri}\` and \`${CONTEXT_KEYS.celebrityListParameter}\``,
    );
  }
  if (file !== undefined) return { file };
  if (parameter !== undefined) return { ssmParameterName: parameter };
  if (s3Uri === undefined) return undefined;
  const location = parseS3Uri(s3Uri);
  if (!location) {
    throw new InvalidPipelineConfigError(
      `Expected context \`${CONTEXT_KEYS.celebrityListS3Uri}\` to be s3://bucket/key, got "${s3Uri}"`,
    );
  }
  return { s3: { bucketName: location.bucket, key: location.key } };
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

function optionalWholeNumber(read: ContextReader, key: string): number | undefined {
  const value = read(key);
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number)) {
    throw new InvalidPipelineConfigError(`Expected context \`${key}\` to be a whole number, got "${String(value)}"`);
  }
  return number;
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
