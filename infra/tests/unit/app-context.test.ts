import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { InvalidPipelineConfigError, pipelinePropsOf, readAppContext } from '../../src/index.js';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

describe('readAppContext', () => {
  it('returns no overrides and no secrets for an empty context', () => {
    expect(readAppContext(reader({}))).toEqual({
      stackName: undefined,
      tableName: undefined,
      contact: undefined,
      newsProvider: undefined,
      socialProvider: undefined,
      celebrityList: undefined,
      alarmEmail: undefined,
      logRetention: undefined,
      retainWeeks: undefined,
      reserveConcurrency: undefined,
      secrets: {},
    });
  });

  it('refuses scheduleEnabled: the rule is enabled by `enable --aws` only', () => {
    expect(() => readAppContext(reader({ scheduleEnabled: 'true' }))).toThrow(/celebrity-pipeline enable --aws/);
  });

  it('reads per-source secret ARNs or names to create, never both, and rejects values that are not ARNs', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:tmdb-AbCdEf';
    expect(readAppContext(reader({ tmdbSecretArn: arn, socialSecretName: 'cp/social' })).secrets).toEqual({
      tmdb: { existingArn: arn },
      social: { createName: 'cp/social' },
    });
    expect(() => readAppContext(reader({ socialSecretArn: 'my-secret' }))).toThrow(/`socialSecretArn`/);
    expect(() => readAppContext(reader({ tmdbSecretArn: arn, tmdbSecretName: 'x' }))).toThrow(
      /either context `tmdbSecretArn` or `tmdbSecretName`/,
    );
  });

  it('reads the celebrity list location: one of a file, an S3 URI or an SSM parameter', () => {
    expect(readAppContext(reader({ celebrityListS3Uri: 's3://lists/celebrities.json' })).celebrityList).toEqual({
      s3: { bucketName: 'lists', key: 'celebrities.json' },
    });
    expect(readAppContext(reader({ celebrityListParameter: '/cp/list' })).celebrityList).toEqual({
      ssmParameterName: '/cp/list',
    });
    expect(() => readAppContext(reader({ celebrityListS3Uri: 'lists/celebrities.json' }))).toThrow(
      /`celebrityListS3Uri` to be s3:\/\/bucket\/key/,
    );
    expect(() => readAppContext(reader({ celebrityListFile: 'a.json', celebrityListParameter: '/p' }))).toThrow(
      /Give only one of/,
    );
  });

  it('maps logRetentionDays to a CloudWatch retention and rejects unsupported values', () => {
    expect(readAppContext(reader({ logRetentionDays: '14' })).logRetention).toBe(RetentionDays.TWO_WEEKS);
    expect(() => readAppContext(reader({ logRetentionDays: '10' }))).toThrow(/`logRetentionDays`/);
  });

  it('reads retainWeeks and reserveConcurrency', () => {
    expect(readAppContext(reader({ retainWeeks: '12', reserveConcurrency: 'false' }))).toMatchObject({
      retainWeeks: 12,
      reserveConcurrency: false,
    });
    expect(() => readAppContext(reader({ retainWeeks: 'many' }))).toThrow(/`retainWeeks`/);
  });

  it('passes strings through and rejects non-strings', () => {
    expect(readAppContext(reader({ tableName: 'celebrity-staging', alarmEmail: 'a@b.io' }))).toMatchObject({
      tableName: 'celebrity-staging',
      alarmEmail: 'a@b.io',
    });
    expect(() => readAppContext(reader({ tableName: 42 }))).toThrow(/`tableName`/);
    expect(() => readAppContext(reader({ tableName: 42 }))).toThrow(InvalidPipelineConfigError);
  });

  it('turns the context into construct props', () => {
    const props = pipelinePropsOf(readAppContext(reader({ contact: 'ops@example.com', socialProvider: 'mastodon' })));
    expect(props).toMatchObject({ contact: 'ops@example.com', socialProvider: 'mastodon', sourceSecrets: {} });
  });
});
