import { z } from 'zod';
import { SENTIMENT_LABELS, type SentimentLabel } from './item.js';

/** Attributes the post-processor owns; a replaced item never carries them over. */
export const ENRICHMENT_ATTRIBUTES = [
  'weight',
  'sentiment',
  'sentiment_score',
  'processed_at',
  'processor_version',
  'enriched_hash',
] as const;

/** What the post-processor writes onto an item. */
export const EnrichmentSchema = z
  .object({
    weight: z.number().min(0).max(1),
    sentiment: z.enum(SENTIMENT_LABELS),
    sentiment_score: z.number().min(-1).max(1),
    processed_at: z.iso.datetime(),
    processor_version: z.string().min(1),
  })
  .strict();

/** Enrichment attributes; `enriched_hash` is added by the writer. */
export interface Enrichment {
  weight: number;
  sentiment: SentimentLabel;
  sentiment_score: number;
  processed_at: string;
  processor_version: string;
}

/** Outcome of the enrichment update (`ItemWriter.enrich` in `@celebrity-pipeline/core/dynamodb`). */
export type EnrichOutcome = 'updated' | 'already-enriched' | 'stale' | 'missing';
