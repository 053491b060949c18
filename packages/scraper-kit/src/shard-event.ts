import { createHash } from 'node:crypto';
import {
  type CelebrityList,
  canonicalJson,
  formatZodIssues,
  type IsoWeek,
  parseIsoWeek,
  SOURCES,
} from '@celebrity-pipeline/core';
import { z } from 'zod';
import { ScraperConfigError } from './errors.js';

/** `kind` of a shard event (the state machine's Map sends one per shard). */
export const SHARD_EVENT_KIND = 'celebrity-collection-shard';

/** The slice `[start, end)` of the week's celebrity list one invocation scrapes. */
export const ShardSliceSchema = z
  .object({
    index: z.number().int().nonnegative(),
    count: z.number().int().positive(),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .strict()
  .refine((slice) => slice.index < slice.count, { message: 'index must be below count', path: ['index'] })
  .refine((slice) => slice.start < slice.end, { message: 'start must be below end', path: ['start'] });
export type ShardSlice = z.infer<typeof ShardSliceSchema>;

/** One shard of a weekly run: which week, run, source, slice of the list, and the list it was planned on. */
export const ShardEventSchema = z
  .object({
    kind: z.literal(SHARD_EVENT_KIND),
    runId: z.string().min(1),
    week: z.string().transform((value, context) => {
      try {
        return parseIsoWeek(value) as IsoWeek;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be an ISO week such as 2026-W48' });
        return z.NEVER;
      }
    }),
    source: z.enum(SOURCES),
    /** When the run was scheduled (the items' collection time). */
    scheduledAt: z.iso.datetime(),
    shard: ShardSliceSchema,
    /** {@link celebrityListHash} of the list the plan sliced; the scraper refuses another list. */
    listHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest'),
  })
  .strict();
export type ShardEvent = z.infer<typeof ShardEventSchema>;

/**
 * sha256 of the list's canonical JSON: the run ledger records it, shard events carry it, and `verify`, `report`
 * and `status` judge a week against the list its run used.
 */
export function celebrityListHash(list: CelebrityList): string {
  return createHash('sha256').update(canonicalJson(list)).digest('hex');
}

/** True when the value claims to be a shard event (then it must parse as one). */
export function isShardEventLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === SHARD_EVENT_KIND;
}

/**
 * Validates a shard event.
 * @throws ScraperConfigError naming every problem.
 */
export function parseShardEvent(value: unknown): ShardEvent {
  const result = ShardEventSchema.safeParse(value);
  if (!result.success) {
    throw new ScraperConfigError(
      `Invalid input: expected a collection shard event:\n${formatZodIssues(result.error)
        .map((issue) => `  - ${issue}`)
        .join('\n')}`,
    );
  }
  return result.data;
}
