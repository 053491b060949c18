import { z } from 'zod';

/** One GDELT ArtList article; GDELT sometimes omits fields, so everything but `url` is optional. */
export const GdeltArticleSchema = z.looseObject({
  url: z.string(),
  title: z.string().default(''),
  seendate: z.string().optional(),
  domain: z.string().optional(),
  language: z.string().optional(),
});
export type GdeltArticle = z.infer<typeof GdeltArticleSchema>;

/** ArtList answer; `{}` (no `articles`) means no results. */
export const GdeltArtListSchema = z.looseObject({ articles: z.array(GdeltArticleSchema).default([]) });

/** One NewsAPI article. */
export const NewsApiArticleSchema = z.looseObject({
  title: z.string().nullable(),
  url: z.string(),
  publishedAt: z.string(),
  source: z.looseObject({ name: z.string().nullable().optional() }).optional(),
});
export type NewsApiArticle = z.infer<typeof NewsApiArticleSchema>;

/** NewsAPI `/v2/everything`: `ok` with articles, or `error` with code and message. */
export const NewsApiResponseSchema = z.discriminatedUnion('status', [
  z.looseObject({
    status: z.literal('ok'),
    totalResults: z.number().int().nonnegative(),
    articles: z.array(NewsApiArticleSchema),
  }),
  z.looseObject({ status: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type NewsApiResponse = z.infer<typeof NewsApiResponseSchema>;
