import { z } from 'zod';

/** One `/search/person` result (only the fields the scraper reads; others are allowed). */
export const TmdbSearchResultSchema = z.looseObject({
  id: z.number().int().positive(),
  name: z.string(),
  popularity: z.number().nonnegative(),
});

/** `/search/person` envelope. */
export const TmdbSearchResponseSchema = z.looseObject({
  page: z.number().int(),
  results: z.array(TmdbSearchResultSchema),
  total_results: z.number().int().nonnegative(),
});
export type TmdbSearchResponse = z.infer<typeof TmdbSearchResponseSchema>;

/** `/person/{id}?append_to_response=external_ids`. */
export const TmdbPersonSchema = z.looseObject({
  id: z.number().int().positive(),
  name: z.string(),
  biography: z.string(),
  popularity: z.number().nonnegative(),
  also_known_as: z.array(z.string()).optional(),
  external_ids: z.looseObject({ wikidata_id: z.string().nullable().optional() }).optional(),
});
export type TmdbPerson = z.infer<typeof TmdbPersonSchema>;
