import { formatZodIssues } from '@celebrity-pipeline/core';
import { MalformedResponseError, type ScraperErrorContext } from '@celebrity-pipeline/scraper-kit';
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

/** One step of a timeline: its instant and value (`timelinevolraw`: the raw article count; `norm`: all articles). */
export const GdeltTimelinePointSchema = z.looseObject({
  date: z.string(),
  value: z.number().nonnegative(),
  norm: z.number().nonnegative().optional(),
});

/** `mode=timelinevolraw` answer: one series ("Article Count") of raw counts per time step; `{}` means none. */
export const GdeltTimelineSchema = z.looseObject({
  timeline: z
    .array(z.looseObject({ series: z.string().optional(), data: z.array(GdeltTimelinePointSchema) }))
    .default([]),
});
export type GdeltTimeline = z.infer<typeof GdeltTimelineSchema>;

/** The articles a `timelinevolraw` answer counts: the sum of its first series' steps. Pure. */
export function timelineArticleCount(timeline: GdeltTimeline): number {
  return (timeline.timeline[0]?.data ?? []).reduce((total, point) => total + point.value, 0);
}

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

/**
 * Validates a news body at the edge.
 * @throws MalformedResponseError naming the endpoint and every problem.
 */
export function parseNews<T>(schema: z.ZodType<T>, value: unknown, context: ScraperErrorContext): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new MalformedResponseError(
    `${context.provider ?? 'news'} ${context.route ?? ''} answered an unexpected shape: ${formatZodIssues(result.error).join('; ')}`,
    context,
  );
}
