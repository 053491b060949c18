import { z } from 'zod';
import { type IsoWeek, parseIsoWeek } from './iso-week.js';
import { SOURCES } from './sources.js';

/** One celebrity a source could not collect, with the reason and whether a retry may help. */
export const CelebrityFailureSchema = z
  .object({ celebrityId: z.string().min(1), reason: z.string().min(1).max(1_000), retryable: z.boolean() })
  .strict();
export type CelebrityFailure = z.infer<typeof CelebrityFailureSchema>;

/**
 * What one scraper invocation did: returned by every scraper handler and stored in the run ledger.
 * `status` is `skipped` when the source's credentials are missing in live mode (`skippedReason` says which).
 */
export const RunSummarySchema = z
  .object({
    source: z.enum(SOURCES),
    runId: z.string().min(1),
    week: z.string().transform((value) => parseIsoWeek(value) as IsoWeek),
    status: z.enum(['succeeded', 'failed', 'skipped']),
    skippedReason: z.string().optional(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    durationMs: z.number().int().nonnegative(),
    attempted: z.number().int().nonnegative(),
    written: z.number().int().nonnegative(),
    unchanged: z.number().int().nonnegative(),
    failed: z.array(CelebrityFailureSchema),
    requestsRetried: z.number().int().nonnegative().default(0),
  })
  .strict();
export type RunSummary = z.infer<typeof RunSummarySchema>;
