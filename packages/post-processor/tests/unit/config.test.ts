import { describe, expect, it } from 'vitest';
import { ConfigurationError, DEFAULT_METRICS_NAMESPACE, readPostProcessorConfig } from '../../src/index.js';

function configurationError(environment: Record<string, string | undefined>): ConfigurationError {
  try {
    readPostProcessorConfig(environment);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('readPostProcessorConfig', () => {
  it('reads the table name and defaults the metrics namespace', () => {
    expect(readPostProcessorConfig({ TABLE_NAME: 'celebrity-database' })).toEqual({
      tableName: 'celebrity-database',
      metricsNamespace: DEFAULT_METRICS_NAMESPACE,
    });
    expect(
      readPostProcessorConfig({ TABLE_NAME: 'celebrity-database', POWERTOOLS_METRICS_NAMESPACE: 'Other' }),
    ).toEqual({
      tableName: 'celebrity-database',
      metricsNamespace: 'Other',
    });
  });

  it('names TABLE_NAME when it is missing', () => {
    const error = configurationError({});
    expect(error.variable).toBe('TABLE_NAME');
    expect(error.message).toBe(
      'Expected `TABLE_NAME` to be set (the DynamoDB table whose stream feeds the post-processor)',
    );
  });

  it('names TABLE_NAME when it is not a DynamoDB table name', () => {
    const error = configurationError({ TABLE_NAME: 'no spaces allowed' });
    expect(error.variable).toBe('TABLE_NAME');
    expect(error.message).toMatch(/`TABLE_NAME` to be a DynamoDB table name/);
  });

  it('names POWERTOOLS_METRICS_NAMESPACE when it is set but empty', () => {
    expect(configurationError({ TABLE_NAME: 'celebrity-database', POWERTOOLS_METRICS_NAMESPACE: '' }).variable).toBe(
      'POWERTOOLS_METRICS_NAMESPACE',
    );
  });
});
