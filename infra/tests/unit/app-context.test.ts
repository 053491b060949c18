import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { InvalidPipelineConfigError, readAppContext } from '../../src/index.js';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

describe('readAppContext', () => {
  it('returns no overrides and no secrets for an empty context', () => {
    expect(readAppContext(reader({}))).toEqual({
      stackName: undefined,
      tableName: undefined,
      scheduleEnabled: undefined,
      celebrityListFile: undefined,
      alarmEmail: undefined,
      logRetention: undefined,
      secretArns: {},
    });
  });

  it('reads -c scheduleEnabled=true (a string) and cdk.json booleans', () => {
    expect(readAppContext(reader({ scheduleEnabled: 'true' })).scheduleEnabled).toBe(true);
    expect(readAppContext(reader({ scheduleEnabled: 'false' })).scheduleEnabled).toBe(false);
    expect(readAppContext(reader({ scheduleEnabled: true })).scheduleEnabled).toBe(true);
  });

  it('rejects a scheduleEnabled that is not a boolean, naming the key', () => {
    expect(() => readAppContext(reader({ scheduleEnabled: 'yes' }))).toThrow(InvalidPipelineConfigError);
    expect(() => readAppContext(reader({ scheduleEnabled: 'yes' }))).toThrow(/`scheduleEnabled`/);
  });

  it('reads per-source secret ARNs and rejects values that are not ARNs', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:tmdb-AbCdEf';
    expect(readAppContext(reader({ tmdbSecretArn: arn })).secretArns).toEqual({ tmdb: arn });
    expect(() => readAppContext(reader({ socialSecretArn: 'my-secret' }))).toThrow(/`socialSecretArn`/);
  });

  it('maps logRetentionDays to a CloudWatch retention and rejects unsupported values', () => {
    expect(readAppContext(reader({ logRetentionDays: '14' })).logRetention).toBe(RetentionDays.TWO_WEEKS);
    expect(() => readAppContext(reader({ logRetentionDays: '10' }))).toThrow(/`logRetentionDays`/);
  });

  it('passes strings through and rejects non-strings', () => {
    expect(readAppContext(reader({ tableName: 'celebrity-staging', alarmEmail: 'a@b.io' }))).toMatchObject({
      tableName: 'celebrity-staging',
      alarmEmail: 'a@b.io',
    });
    expect(() => readAppContext(reader({ tableName: 42 }))).toThrow(/`tableName`/);
  });
});
