import { App, Stack } from 'aws-cdk-lib';
import { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import {
  CelebrityPipeline,
  createStreamEventSource,
  InvalidPipelineConfigError,
  MissingHandlerEntryError,
  type StreamMappingSettings,
  TableDefinitionError,
  toAttribute,
  toBilling,
} from '../../src/index.js';
import { FIXTURE_ENTRIES, TEST_CONTACT } from '../helpers/synthesize.js';

const SETTINGS: StreamMappingSettings = {
  batchSize: 100,
  startingPosition: 'TRIM_HORIZON',
  bisectBatchOnError: true,
  reportBatchItemFailures: true,
  retryAttempts: 3,
  maxRecordAgeSeconds: 3_600,
};

function scope(): Stack {
  return new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Inputs');
}

describe('CelebrityPipeline inputs', () => {
  it('names the function and path when a handler entry is missing', () => {
    const create = () =>
      new CelebrityPipeline(scope(), 'Pipeline', {
        contact: TEST_CONTACT,
        handlerEntries: { ...FIXTURE_ENTRIES, news: 'packages/scraper-news/src/missing-handler.ts' },
      });
    expect(create).toThrow(MissingHandlerEntryError);
    expect(create).toThrow(/`scraper-news`.*missing-handler\.ts/);
  });

  it('rejects an alarm e-mail that is not an address', () => {
    expect(
      () =>
        new CelebrityPipeline(scope(), 'Pipeline', {
          contact: TEST_CONTACT,
          handlerEntries: FIXTURE_ENTRIES,
          alarmEmail: 'ops',
        }),
    ).toThrow(InvalidPipelineConfigError);
  });
});

describe('createStreamEventSource', () => {
  const table = () => {
    const stack = scope();
    return {
      stack,
      table: new TableV2(stack, 'Table', { partitionKey: toAttribute({ name: 'pk', type: 'S' }) }),
      queue: new Queue(stack, 'Queue'),
    };
  };

  it('refuses unbounded retries or record age (-1 lets a poison record stall the shard)', () => {
    const { table: streamTable, queue } = table();
    const filterPatterns = [{ eventName: ['INSERT'] }];
    expect(() =>
      createStreamEventSource(streamTable, {
        settings: { ...SETTINGS, retryAttempts: -1 },
        filterPatterns,
        failureQueue: queue,
      }),
    ).toThrow(InvalidPipelineConfigError);
    expect(() =>
      createStreamEventSource(streamTable, {
        settings: { ...SETTINGS, maxRecordAgeSeconds: -1 },
        filterPatterns,
        failureQueue: queue,
      }),
    ).toThrow(/bounded/);
  });

  it('refuses an empty pattern list (the post-processor would consume its own updates)', () => {
    const { table: streamTable, queue } = table();
    expect(() =>
      createStreamEventSource(streamTable, { settings: SETTINGS, filterPatterns: [], failureQueue: queue }),
    ).toThrow(/filter pattern/);
  });
});

describe('table mapping from core', () => {
  it('maps key types and refuses unknown ones', () => {
    expect(toAttribute({ name: 'week', type: 'S' }).type).toBe('S');
    expect(() => toAttribute({ name: 'week', type: 'SS' })).toThrow(TableDefinitionError);
  });

  it('supports on-demand billing only', () => {
    expect(() => toBilling('PROVISIONED')).toThrow(/PAY_PER_REQUEST/);
  });
});
