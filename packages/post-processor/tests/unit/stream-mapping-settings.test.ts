import { describe, expect, it } from 'vitest';
import { STREAM_MAPPING_SETTINGS } from '../../src/index.js';

describe('STREAM_MAPPING_SETTINGS', () => {
  it('stays inside the ranges Lambda accepts for a DynamoDB event source mapping', () => {
    const settings = STREAM_MAPPING_SETTINGS;
    expect(settings.batchSize).toBeGreaterThanOrEqual(1);
    expect(settings.batchSize).toBeLessThanOrEqual(10_000);
    expect(settings.retryAttempts).toBeGreaterThanOrEqual(0);
    expect(settings.retryAttempts).toBeLessThanOrEqual(10_000);
    expect(settings.maxRecordAgeSeconds).toBeGreaterThanOrEqual(60);
    expect(settings.maxRecordAgeSeconds).toBeLessThanOrEqual(604_800);
    expect(settings.parallelizationFactor).toBeGreaterThanOrEqual(1);
    expect(settings.parallelizationFactor).toBeLessThanOrEqual(10);
    expect(settings.maxBatchingWindowSeconds).toBeGreaterThanOrEqual(0);
    expect(settings.maxBatchingWindowSeconds).toBeLessThanOrEqual(300);
  });

  it('bounds retries and record age, so one poison record cannot stall a shard for a day', () => {
    expect(STREAM_MAPPING_SETTINGS.retryAttempts).not.toBe(-1);
    expect(STREAM_MAPPING_SETTINGS.maxRecordAgeSeconds).toBeLessThan(24 * 3_600);
  });

  it('reports partial failures, bisects, starts at TRIM_HORIZON and sends a weekly run in batches of 100', () => {
    expect(STREAM_MAPPING_SETTINGS).toMatchObject({
      batchSize: 100,
      startingPosition: 'TRIM_HORIZON',
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      parallelizationFactor: 1,
    });
    expect(Object.isFrozen(STREAM_MAPPING_SETTINGS)).toBe(true);
  });
});
