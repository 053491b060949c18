import { CELEBRITY_TABLE, SCRAPER_FUNCTION_NAMES, SOURCES } from '@celebrity-pipeline/core';
import {
  DEFAULT_FAILURE_THRESHOLD,
  maxConcurrencyOf,
  PUBLISHED_LIMITS,
  REPLAY_CONTACT,
  SCRAPER_METRICS,
  SOURCE_LIMITS,
} from '@celebrity-pipeline/scraper-kit';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CelebrityPipeline,
  type CelebrityPipelineProps,
  InvalidPipelineConfigError,
  SCHEDULE_DEADLINE,
} from '../../src/index.js';
import { FIXTURE_ENTRIES, type Synthesized, synthesize, TEST_CONTACT } from '../helpers/synthesize.js';
import { actionsWithPrefix, logicalIdOf, statementsOfFunction } from '../helpers/template-queries.js';

const NEWS_SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:celebrity-pipeline/news-AbCdEf';

let configured: Synthesized;
beforeAll(() => {
  configured = synthesize({
    pipeline: {
      contact: 'https://example.org/celebrity-bot',
      newsProvider: 'newsapi',
      socialProvider: 'mastodon',
      sourceSecrets: { news: { existingArn: NEWS_SECRET_ARN }, tmdb: { createName: 'celebrity-pipeline/tmdb' } },
      celebrityList: { s3: { bucketName: 'celebrity-lists', key: 'weekly/celebrities.json' } },
      retainWeeks: 26,
    },
  });
});
afterAll(() => configured?.cleanup());

const scraperVariables = (functionName: string) =>
  configured.template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName } });

/** Builds the construct alone (no synth) to see whether its props are refused. */
const unbundledStack = (id: string) => new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), id);
const construct = (props: Partial<CelebrityPipelineProps>) =>
  new CelebrityPipeline(unbundledStack('Check'), 'Pipeline', {
    contact: TEST_CONTACT,
    handlerEntries: FIXTURE_ENTRIES,
    ...props,
  } as CelebrityPipelineProps);

describe('contact', () => {
  it('goes into every scraper as SCRAPER_CONTACT', () => {
    for (const source of SOURCES) {
      configured.template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: SCRAPER_FUNCTION_NAMES[source],
        Environment: { Variables: Match.objectLike({ SCRAPER_CONTACT: 'https://example.org/celebrity-bot' }) },
      });
    }
  });

  it('is required, and neither the placeholder nor something that is not an address', () => {
    expect(() => construct({ contact: '' })).toThrow(InvalidPipelineConfigError);
    expect(() => construct({ contact: '' })).toThrow(/set the construct prop `contact` \(or `-c contact=/);
    expect(() => construct({ contact: REPLAY_CONTACT })).toThrow(/placeholder/);
    expect(() => construct({ contact: 'call me' })).toThrow(/e-mail address or an http\(s\) URL, got "call me"/);
  });
});

describe('providers', () => {
  it('sets NEWS_PROVIDER on the news scraper and SOCIAL_PROVIDER on the social scraper only', () => {
    configured.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: SCRAPER_FUNCTION_NAMES.news,
      Environment: { Variables: Match.objectLike({ NEWS_PROVIDER: 'newsapi', SOCIAL_PROVIDER: Match.absent() }) },
    });
    configured.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: SCRAPER_FUNCTION_NAMES.social,
      Environment: { Variables: Match.objectLike({ SOCIAL_PROVIDER: 'mastodon', NEWS_PROVIDER: Match.absent() }) },
    });
  });

  it('refuses a keyed provider without its secret, and an unknown provider', () => {
    expect(() => construct({ newsProvider: 'newsapi' })).toThrow(/`newsProvider: newsapi` needs the news secret/);
    expect(() => construct({ socialProvider: 'bluesky' })).toThrow(/`socialProvider: bluesky` needs the social/);
    expect(() => construct({ newsProvider: 'bing' as never })).toThrow(/one of gdelt, newsapi, got "bing"/);
  });

  it('warns at synth about sources that will be skipped', () => {
    const stack = unbundledStack('Warn');
    new CelebrityPipeline(stack, 'Pipeline', { contact: TEST_CONTACT, handlerEntries: FIXTURE_ENTRIES });
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('skipped every week.*tmdb.*social'));
  });
});

describe('secrets', () => {
  it('imports an existing ARN and creates a named secret holding {}, each readable by its own scraper only', () => {
    configured.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'celebrity-pipeline/tmdb',
      SecretString: '{}',
    });
    configured.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: SCRAPER_FUNCTION_NAMES.news,
      Environment: { Variables: Match.objectLike({ SCRAPER_SECRET_ARN: NEWS_SECRET_ARN }) },
    });
    const newsReads = actionsWithPrefix(
      statementsOfFunction(configured.template, SCRAPER_FUNCTION_NAMES.news),
      'secretsmanager:',
    );
    expect(newsReads.length).toBeGreaterThan(0);
    expect(JSON.stringify(newsReads)).toContain('celebrity-pipeline/news');
    const wikipediaReads = actionsWithPrefix(
      statementsOfFunction(configured.template, SCRAPER_FUNCTION_NAMES.wikipedia),
      'secretsmanager:',
    );
    expect(wikipediaReads).toEqual([]);
  });

  it('refuses an ARN that is not a secret ARN', () => {
    expect(() => construct({ sourceSecrets: { tmdb: { existingArn: 'arn:aws:s3:::bucket' } } })).toThrow(
      /tmdb secret's `existingArn` to be a Secrets Manager secret ARN/,
    );
  });
});

describe('celebrityList', () => {
  it('points every scraper at the S3 object and lets it read that object only', () => {
    for (const source of SOURCES) {
      configured.template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: SCRAPER_FUNCTION_NAMES[source],
        Environment: {
          Variables: Match.objectLike({ CELEBRITIES_S3_URI: 's3://celebrity-lists/weekly/celebrities.json' }),
        },
      });
      const reads = actionsWithPrefix(statementsOfFunction(configured.template, SCRAPER_FUNCTION_NAMES[source]), 's3:');
      expect(reads.map((read) => read.action)).toContain('s3:GetObject*');
      expect(JSON.stringify(reads)).toContain('celebrity-lists/weekly/celebrities.json');
    }
  });

  it('refuses an empty key or a malformed parameter name', () => {
    expect(() => construct({ celebrityList: { s3: { bucketName: 'lists', key: '' } } })).toThrow(
      /`celebrityList.s3` to name a bucket and a key/,
    );
    expect(() => construct({ celebrityList: { ssmParameterName: 'no spaces allowed' } })).toThrow(
      /`celebrityList.ssmParameterName`/,
    );
  });
});

describe('retainWeeks', () => {
  it('turns on TTL on core attribute and passes RETAIN_WEEKS to the scrapers', () => {
    configured.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'celebrity-database',
      TimeToLiveSpecification: { AttributeName: CELEBRITY_TABLE.timeToLiveAttribute, Enabled: true },
    });
    configured.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: SCRAPER_FUNCTION_NAMES.tmdb,
      Environment: { Variables: Match.objectLike({ RETAIN_WEEKS: '26' }) },
    });
  });

  it('is off by default and a whole number of weeks', () => {
    const plain = synthesize();
    try {
      plain.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        TableName: 'celebrity-database',
        TimeToLiveSpecification: Match.absent(),
      });
    } finally {
      plain.cleanup();
    }
    expect(() => construct({ retainWeeks: 0 })).toThrow(/`retainWeeks` to be a whole number of weeks between 1/);
  });
});

describe('reserved concurrency', () => {
  it("reserves each scraper's provider MaxConcurrency, so overlapping runs cannot multiply a source's rate", () => {
    const expected = {
      tmdb: maxConcurrencyOf(SOURCE_LIMITS.tmdb, PUBLISHED_LIMITS.tmdb),
      wikipedia: maxConcurrencyOf(SOURCE_LIMITS.wikimedia, PUBLISHED_LIMITS.wikimedia),
      news: maxConcurrencyOf(SOURCE_LIMITS.newsapi, PUBLISHED_LIMITS.newsapi),
      social: maxConcurrencyOf(SOURCE_LIMITS.mastodon, PUBLISHED_LIMITS.mastodon),
    };
    for (const source of SOURCES) {
      const [fn] = Object.values(scraperVariables(SCRAPER_FUNCTION_NAMES[source]));
      expect(fn?.Properties.ReservedConcurrentExecutions, source).toBe(expected[source]);
    }
    expect(expected.wikipedia).toBe(1); // Wikimedia asks for 3 in flight; one invocation already keeps 3
    expect(expected.news).toBe(1);
  });
});

describe('completeness alarms', () => {
  const alarm = (name: string) => {
    const [found] = Object.values(
      configured.template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: name } }),
    );
    expect(found, name).toBeDefined();
    return found?.Properties as Record<string, unknown>;
  };
  const topicRef = () => Object.keys(configured.template.findResources('AWS::SNS::Topic'))[0];

  it('alarms per source when the share of celebrities with an item falls below 1 − FAILURE_THRESHOLD', () => {
    for (const source of SOURCES) {
      const properties = alarm(`${SCRAPER_FUNCTION_NAMES[source]}-incomplete-week`);
      expect(properties).toMatchObject({
        Threshold: 1 - DEFAULT_FAILURE_THRESHOLD,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'ignore',
        AlarmActions: [{ Ref: topicRef() }],
      });
      const queries = properties.Metrics as {
        Expression?: string;
        MetricStat?: { Metric: { MetricName: string; Dimensions: unknown[] } };
      }[];
      expect(queries.find((query) => query.Expression)?.Expression).toBe(
        '(written + unchanged) / (written + unchanged + failed)',
      );
      expect(queries.flatMap((query) => (query.MetricStat ? [query.MetricStat.Metric.MetricName] : [])).sort()).toEqual(
        [SCRAPER_METRICS.itemsFailed, SCRAPER_METRICS.itemsUnchanged, SCRAPER_METRICS.itemsWritten].sort(),
      );
      expect(JSON.stringify(queries)).toContain(`"Value":"${source}"`);
      expect(properties.AlarmDescription).toMatch(/status --aws/);
    }
  });

  it('alarms on a skipped run per source (RunSkipped)', () => {
    for (const source of SOURCES) {
      expect(alarm(`${SCRAPER_FUNCTION_NAMES[source]}-skipped`)).toMatchObject({
        MetricName: SCRAPER_METRICS.runSkipped,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        Dimensions: expect.anything(),
        AlarmActions: [{ Ref: topicRef() }],
        AlarmDescription: expect.stringContaining('put-secret-value'),
      });
    }
  });

  it('alarms when no scraper started by Sunday 06:00 UTC', () => {
    configured.template.hasResourceProperties('AWS::Events::Rule', {
      Name: SCHEDULE_DEADLINE.ruleName,
      ScheduleExpression: 'cron(0 6 ? * SUN *)',
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: Match.anyValue() })],
    });
    const filters = Object.values(configured.template.findResources('AWS::Logs::MetricFilter'));
    const values = filters.map((filter) => {
      const [transformation] = filter.Properties.MetricTransformations as { MetricName: string; MetricValue: string }[];
      return {
        metric: transformation?.MetricName,
        value: transformation?.MetricValue,
        pattern: filter.Properties.FilterPattern,
      };
    });
    expect(values.filter((entry) => entry.value === '1')).toHaveLength(SOURCES.length);
    expect(values.filter((entry) => entry.value === '0')).toEqual([
      { metric: SCHEDULE_DEADLINE.metricName, value: '0', pattern: '{ $.detail-type = "Scheduled Event" }' },
    ]);
    expect(alarm('celebrity-weekly-run-missed')).toMatchObject({
      MetricName: SCHEDULE_DEADLINE.metricName,
      Statistic: 'Maximum',
      Period: 86_400,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      AlarmActions: [{ Ref: topicRef() }],
      AlarmDescription: expect.stringContaining('verify --aws'),
    });
    const [policy] = Object.values(configured.template.findResources('AWS::Logs::ResourcePolicy'));
    expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain('events.amazonaws.com');
    const marksId = logicalIdOf(
      configured.template,
      'AWS::Logs::LogGroup',
      'LogGroupName',
      SCHEDULE_DEADLINE.logGroupName,
    );
    expect(JSON.stringify(policy?.Properties.PolicyDocument)).toContain(marksId);
  });
});
