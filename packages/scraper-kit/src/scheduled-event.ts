import { formatZodIssues, parseIsoWeek, type ScheduledEvent } from '@celebrity-pipeline/core';
import { z } from 'zod';
import { ScraperConfigError } from './errors.js';

/** The EventBridge Scheduled Event a rule sends (core's `ScheduledEvent`), validated at the edge. */
export const ScheduledEventSchema = z
  .object({
    version: z.literal('0'),
    id: z.string().min(1),
    'detail-type': z.literal('Scheduled Event'),
    source: z.literal('aws.events'),
    account: z.string(),
    time: z.iso.datetime(),
    region: z.string(),
    resources: z.array(z.string()),
    /** `{}` from the rule; `{ week }` when a run names the week it collects (CLI `--week`, backfills). */
    detail: z
      .object({
        week: z
          .string()
          .transform((value, context) => {
            try {
              return parseIsoWeek(value);
            } catch (error) {
              context.addIssue({ code: 'custom', message: (error as Error).message });
              return z.NEVER;
            }
          })
          .optional(),
      })
      .strict(),
  })
  .loose();

/**
 * Validates a handler's input.
 * @throws ScraperConfigError naming every problem (not a Scheduled Event, bad time…).
 */
export function parseScheduledEvent(value: unknown): ScheduledEvent {
  const result = ScheduledEventSchema.safeParse(value);
  if (!result.success) {
    throw new ScraperConfigError(
      `Invalid input: expected an EventBridge Scheduled Event:\n${formatZodIssues(result.error)
        .map((issue) => `  - ${issue}`)
        .join('\n')}`,
    );
  }
  return result.data as ScheduledEvent;
}
