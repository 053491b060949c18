import { z } from 'zod';
import { DEFAULT_METRICS_NAMESPACE } from './batch-metrics.js';
import { ConfigurationError } from './errors.js';

/** The handler's configuration, read once from the environment. */
export interface PostProcessorConfig {
  /** `TABLE_NAME`: the observation table the stream belongs to. */
  tableName: string;
  /** `POWERTOOLS_METRICS_NAMESPACE`, default {@link DEFAULT_METRICS_NAMESPACE}. */
  metricsNamespace: string;
}

// DynamoDB table names: 3–255 characters of letters, digits, `_`, `-` and `.`.
const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;

const EnvironmentSchema = z.object({
  TABLE_NAME: z
    .string({ error: 'Expected `TABLE_NAME` to be set (the DynamoDB table whose stream feeds the post-processor)' })
    .regex(TABLE_NAME_PATTERN, 'Expected `TABLE_NAME` to be a DynamoDB table name (3–255 of A-Z a-z 0-9 _ . -)'),
  POWERTOOLS_METRICS_NAMESPACE: z
    .string()
    .min(1, 'Expected `POWERTOOLS_METRICS_NAMESPACE` to be non-empty when set')
    .default(DEFAULT_METRICS_NAMESPACE),
});

/**
 * Reads and validates the handler's environment. Pure: pass `process.env`.
 * @throws ConfigurationError naming the first invalid variable.
 */
export function readPostProcessorConfig(
  environment: Readonly<Record<string, string | undefined>>,
): PostProcessorConfig {
  const result = EnvironmentSchema.safeParse(environment);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigurationError(variable, issue?.message ?? `Invalid \`${variable}\``);
  }
  return { tableName: result.data.TABLE_NAME, metricsNamespace: result.data.POWERTOOLS_METRICS_NAMESPACE };
}
