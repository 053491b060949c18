import { z } from 'zod';

/** REST page summary (fields the scraper reads; others allowed). */
export const WikipediaSummarySchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  titles: z.looseObject({ canonical: z.string().min(1), normalized: z.string() }),
  pageid: z.number().int().optional(),
  revision: z.string().optional(),
  extract: z.string().default(''),
  wikibase_item: z.string().optional(),
});
export type WikipediaSummary = z.infer<typeof WikipediaSummarySchema>;

/** AQS per-article pageviews. */
export const PageviewsResponseSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      timestamp: z.string().regex(/^\d{8}(\d{2})?$/),
      views: z.number().int().nonnegative(),
    }),
  ),
});
export type PageviewsResponse = z.infer<typeof PageviewsResponseSchema>;
