import { formatZodIssues } from '@celebrity-pipeline/core';
import type { z } from 'zod';
import { MalformedResponseError, type ScraperErrorContext } from './errors.js';

/**
 * Validates a provider's answer at the edge: the one parser every scraper uses.
 * @throws MalformedResponseError naming the provider, the route and every problem (the context is attached).
 */
export function parseResponse<T>(schema: z.ZodType<T>, value: unknown, context: ScraperErrorContext): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const who = context.provider ?? context.source ?? 'provider';
  throw new MalformedResponseError(
    `${who} ${context.route ?? ''} answered an unexpected shape: ${formatZodIssues(result.error).join('; ')}`,
    context,
  );
}
