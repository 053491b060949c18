import { z } from 'zod';
import { celebrityScore, SCORE_FORMULA_VERSION } from './celebrity-score.js';
import { ValidationError } from './errors.js';
import { type IsoWeek, parseIsoWeek } from './iso-week.js';
import { type CelebrityItem, isEnriched, SENTIMENT_LABELS } from './item.js';
import type { ItemKey } from './keys.js';
import { SOURCES } from './sources.js';
import { formatZodIssues } from './zod-issues.js';

/** `entity` of celebrity-week summary items. The stream filter patterns match observations only, so summaries never reach the post-processor. */
export const WEEK_SUMMARY_ENTITY = 'celebrity-week';

/** Version of the summary layout below. */
export const WEEK_SUMMARY_SCHEMA_VERSION = 1;

/**
 * Key of the summary of one celebrity in one week: next to the week's observations
 * (`WEEK#<week>#SOURCE#<source>`), so one Query on the celebrity's partition reads a range of weeks with both.
 * @example weekSummaryKey('taylor-swift', '2026-W48') // { pk: 'CELEBRITY#taylor-swift', sk: 'WEEK#2026-W48#SUMMARY' }
 */
export function weekSummaryKey(celebrityId: string, week: IsoWeek): ItemKey {
  return { pk: `CELEBRITY#${celebrityId}`, sk: `WEEK#${week}#SUMMARY` };
}

const isoWeek = z.string().transform((value, context) => {
  try {
    return parseIsoWeek(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const SourceScoreSchema = z
  .object({
    weight: z.number().min(0).max(1),
    sentiment: z.enum(SENTIMENT_LABELS),
    sentiment_score: z.number().min(-1).max(1),
  })
  .strict();

/** A celebrity-week summary item as stored. */
export const WeekSummarySchema = z
  .object({
    pk: z.string().min(1),
    sk: z.string().min(1),
    entity: z.literal(WEEK_SUMMARY_ENTITY),
    schema_version: z.literal(WEEK_SUMMARY_SCHEMA_VERSION),
    celebrity_id: z.string().min(1),
    celebrity_name: z.string().min(1),
    /** The ISO week (`ranking-index` partition key; deliberately not `week`, so summaries stay out of `week-index`). */
    summary_week: isoWeek,
    /** {@link celebrityScore} of the week (`ranking-index` sort key). */
    score: z.number().min(0).max(1),
    score_version: z.number().int().positive(),
    sentiment_score: z.number().min(-1).max(1).nullable(),
    /** 1 = highest score; equal scores share a rank (1, 2, 2, 4). */
    rank: z.number().int().positive(),
    /** How many celebrities were ranked that week. */
    ranked_count: z.number().int().positive(),
    sources_present: z.array(z.enum(SOURCES)),
    sources: z.partialRecord(z.enum(SOURCES), SourceScoreSchema),
    previous_rank: z.number().int().positive().nullable(),
    previous_score: z.number().min(0).max(1).nullable(),
    /** `score - previous_score`, 4 decimals; `null` without a previous week. */
    score_change: z.number().nullable(),
    /** `previous_rank - rank`: positive when the celebrity moved up; `null` without a previous week. */
    rank_change: z.number().int().nullable(),
  })
  .strict();

/** A validated summary. */
export type WeekSummary = z.infer<typeof WeekSummarySchema>;

/**
 * Validates a stored summary.
 * @throws ValidationError naming every invalid attribute.
 */
export function parseWeekSummary(value: unknown): WeekSummary {
  const result = WeekSummarySchema.safeParse(value);
  if (!result.success) throw new ValidationError('Invalid celebrity-week summary', formatZodIssues(result.error));
  return result.data;
}

type ScoredCelebrity = Omit<
  WeekSummary,
  'rank' | 'ranked_count' | 'previous_rank' | 'previous_score' | 'score_change' | 'rank_change'
>;

/**
 * The summaries of one week, from that week's items and the previous week's summaries. Pure and deterministic:
 * the same inputs give equal summaries in any order, so rolling a week up twice writes the same items.
 * Only enriched items count (an item still waiting for the post-processor is a missing source); a celebrity with
 * no enriched item gets no summary.
 * @throws ValidationError when an item belongs to another week.
 */
export function buildWeekSummaries(
  week: IsoWeek,
  items: readonly CelebrityItem[],
  previousSummaries: readonly Pick<WeekSummary, 'celebrity_id' | 'rank' | 'score'>[],
): WeekSummary[] {
  const foreign = items.filter((item) => item.week !== week);
  if (foreign.length > 0) {
    throw new ValidationError(
      `buildWeekSummaries(${week}) got items of other weeks`,
      foreign.map((item) => `${item.pk}|${item.sk}`),
    );
  }
  const scored = [...groupByCelebrity(items.filter(isEnriched)).values()].map((group) => scoreCelebrity(week, group));
  scored.sort((left, right) => right.score - left.score || compareText(left.celebrity_id, right.celebrity_id));
  const previous = new Map(previousSummaries.map((summary) => [summary.celebrity_id, summary]));
  return scored.map((entry) => {
    const rank = 1 + scored.findIndex((other) => other.score === entry.score);
    const before = previous.get(entry.celebrity_id);
    return {
      ...entry,
      rank,
      ranked_count: scored.length,
      previous_rank: before?.rank ?? null,
      previous_score: before?.score ?? null,
      score_change: before === undefined ? null : Math.round((entry.score - before.score) * 10_000) / 10_000 + 0,
      rank_change: before === undefined ? null : before.rank - rank,
    };
  });
}

function groupByCelebrity(items: readonly CelebrityItem[]): Map<string, CelebrityItem[]> {
  const groups = new Map<string, CelebrityItem[]>();
  for (const item of items) groups.set(item.celebrity_id, [...(groups.get(item.celebrity_id) ?? []), item]);
  return groups;
}

function scoreCelebrity(week: IsoWeek, items: readonly CelebrityItem[]): ScoredCelebrity {
  const enriched = items.map((item) => ({
    source: item.source,
    weight: item.weight ?? 0,
    sentiment: item.sentiment ?? 'NEUTRAL',
    sentiment_score: item.sentiment_score ?? 0,
  }));
  const { score, sentimentScore, sourcesPresent } = celebrityScore(enriched);
  const first = items[0] as CelebrityItem;
  const sources: WeekSummary['sources'] = {};
  for (const entry of enriched) {
    sources[entry.source] = {
      weight: entry.weight,
      sentiment: entry.sentiment,
      sentiment_score: entry.sentiment_score,
    };
  }
  return {
    ...weekSummaryKey(first.celebrity_id, week),
    entity: WEEK_SUMMARY_ENTITY,
    schema_version: WEEK_SUMMARY_SCHEMA_VERSION,
    celebrity_id: first.celebrity_id,
    celebrity_name: first.celebrity_name,
    summary_week: week,
    score,
    score_version: SCORE_FORMULA_VERSION,
    sentiment_score: sentimentScore,
    sources_present: sourcesPresent,
    sources,
  };
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
