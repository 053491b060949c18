import { z } from 'zod';
import type { Celebrity } from './celebrity.js';
import { ValidationError } from './errors.js';
import { collectedWeekAt, type IsoWeek, parseIsoWeek, weekWindow } from './iso-week.js';
import { itemKey } from './keys.js';
import { sha256Hex } from './sha256.js';
import type { Source } from './sources.js';
import { CELEBRITY_TABLE } from './table-definition.js';
import { formatZodIssues } from './zod-issues.js';

/** Version of the item layout below; bump it when attributes change meaning. */
export const ITEM_SCHEMA_VERSION = 1;

/** `entity` of observation items; the stream filter patterns match on it. */
export const OBSERVATION_ENTITY = 'observation';

/** Caps that keep an item far below DynamoDB's 400 KB limit (worst case ≈ 20 × 1 000 chars ≈ 80 KB). */
export const ITEM_LIMITS = {
  maxTexts: 20,
  maxTextLength: 1_000,
} as const;

const count = z.number().int().nonnegative();

/**
 * What a stored count is: `exact` (everything the source has for the window was counted) or `lower_bound`
 * (the source gives no total and reading stopped at a documented page cap: "at least N").
 */
export const COUNT_KINDS = ['exact', 'lower_bound'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

/** Why a signal is `null` ("not measured"), e.g. `mastodon: #tag needs a login (HTTP 401)`. */
export const NotMeasuredReasonSchema = z.string().min(1).max(500);

/** The news providers a news item can come from. */
export const NEWS_PROVIDERS = ['gdelt', 'newsapi'] as const;
export type NewsProvider = (typeof NEWS_PROVIDERS)[number];

/**
 * What each news provider's `article_count` measures. They differ, so a week-over-week comparison must check
 * `signals.measure` (and `provider`) before comparing counts:
 * - `full_text`: GDELT DOC 2.0 articles in the week whose full, machine-translated text matches a name;
 * - `title_or_description`: NewsAPI articles in the week whose title or description matches a name.
 */
export const NEWS_MEASURES = { gdelt: 'full_text', newsapi: 'title_or_description' } as const satisfies Record<
  NewsProvider,
  string
>;
const NEWS_MEASURE_KINDS = [
  'full_text',
  'title_or_description',
] as const satisfies readonly (typeof NEWS_MEASURES)[NewsProvider][];
export type NewsMeasure = (typeof NEWS_MEASURES)[NewsProvider];

/** The raw signal(s) each source measured. `null` means "not measured" (e.g. GDELT refused), never 0. */
export const SignalsSchemas = {
  tmdb: z.object({ popularity: z.number().nonnegative() }).strict(),
  wikipedia: z
    .object({
      /** Sum of the measured days of the week; `null` when no day could be measured. */
      pageviews_7d: count.nullable(),
      /** One entry per date of the week, Monday first; `null` for a day Wikimedia has not published yet. */
      daily_pageviews: z.array(count.nullable()).max(31),
      /** Days with a figure (7 for a week that ended before the run; fewer when the last days are not loaded). */
      days_measured: count.max(31).optional(),
      not_measured_reason: NotMeasuredReasonSchema.optional(),
    })
    .strict(),
  news: z
    .object({
      article_count: count.nullable(),
      provider: z.enum(NEWS_PROVIDERS),
      /**
       * What `article_count` counts ({@link NEWS_MEASURES}); counts of different measures are never comparable.
       * Absent on items written before it was recorded.
       */
      measure: z.enum(NEWS_MEASURE_KINDS).optional(),
      window_days: count,
      /** Why `article_count` is `null` (e.g. GDELT kept throttling, NewsAPI's daily quota ran out). */
      not_measured_reason: z.string().min(1).max(500).optional(),
    })
    .strict(),
  social: z
    .object({
      /** Posts of the week that name the celebrity (Bluesky) or carry its hashtags (Mastodon); `null`: not measured. */
      mentions: count.nullable(),
      /** Engagement summed over the `posts_read` posts. */
      likes: count,
      reposts: count,
      replies: count,
      provider: z.enum(['bluesky', 'mastodon']),
      /** `exact`, or `lower_bound` when paging stopped at the provider's page cap. */
      mentions_kind: z.enum(COUNT_KINDS).optional(),
      /** Posts read: the ones engagement and texts come from. */
      posts_read: count.optional(),
      not_measured_reason: NotMeasuredReasonSchema.optional(),
    })
    .strict(),
} as const;

/** Signals of one source. */
export type Signals<S extends Source = Source> = z.infer<(typeof SignalsSchemas)[S]>;

/** One text for sentiment with the engagement it drew (likes + reposts + replies; 0 when unknown). */
export const ItemTextSchema = z.object({ text: z.string().max(ITEM_LIMITS.maxTextLength), engagement: count }).strict();
export type ItemText = z.infer<typeof ItemTextSchema>;

/** Attributes the post-processor adds. */
export const SENTIMENT_LABELS = ['POSITIVE', 'NEGATIVE', 'NEUTRAL'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

const enrichmentShape = {
  weight: z.number().min(0).max(1).optional(),
  sentiment: z.enum(SENTIMENT_LABELS).optional(),
  sentiment_score: z.number().min(-1).max(1).optional(),
  processed_at: z.iso.datetime().optional(),
  processor_version: z.string().optional(),
  /** `content_hash` the enrichment was computed from (idempotency of at-least-once delivery). */
  enriched_hash: z.string().optional(),
};

const baseShape = {
  pk: z.string().min(1),
  sk: z.string().min(1),
  entity: z.literal(OBSERVATION_ENTITY),
  schema_version: z.literal(ITEM_SCHEMA_VERSION),
  celebrity_id: z.string().min(1),
  celebrity_name: z.string().min(1),
  week: z.string().transform((value, context) => {
    try {
      return parseIsoWeek(value);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }),
  /** ISO-8601 collection time (the spec's `timestamp`). */
  timestamp: z.iso.datetime(),
  run_id: z.string().min(1),
  texts: z.array(ItemTextSchema).max(ITEM_LIMITS.maxTexts),
  /** How many texts the source returned before capping. */
  texts_available: count,
  /** True when texts were dropped or cut to fit {@link ITEM_LIMITS}. */
  texts_truncated: z.boolean(),
  /**
   * When a current value (TMDB `popularity`, which has no history) was read, apart from `week`; set only for
   * sources whose signal is a current value.
   */
  measured_at: z.iso.datetime().optional(),
  /** True when such a current value was read after its week had been collected (a backfill of a past week). */
  is_backfill: z.boolean().optional(),
  /** Canonical reference at the source (TMDB id, article title, query). */
  source_ref: z.string().max(2_000).optional(),
  content_hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** TTL (epoch seconds, `CELEBRITY_TABLE.timeToLiveAttribute`), present only when a retention is configured. */
  [CELEBRITY_TABLE.timeToLiveAttribute]: z.number().int().positive().optional(),
  ...enrichmentShape,
};

/** A table item as stored: the observation plus, once enriched, weight and sentiment. */
export const CelebrityItemSchema = z.discriminatedUnion('source', [
  z.object({ ...baseShape, source: z.literal('tmdb'), signals: SignalsSchemas.tmdb }).strict(),
  z.object({ ...baseShape, source: z.literal('wikipedia'), signals: SignalsSchemas.wikipedia }).strict(),
  z.object({ ...baseShape, source: z.literal('news'), signals: SignalsSchemas.news }).strict(),
  z.object({ ...baseShape, source: z.literal('social'), signals: SignalsSchemas.social }).strict(),
]);

/** A validated item. */
export type CelebrityItem = z.infer<typeof CelebrityItemSchema>;

/**
 * Validates an item (e.g. an unmarshalled stream `NewImage`).
 * @throws ValidationError naming every invalid attribute.
 */
export function parseItem(value: unknown): CelebrityItem {
  const result = CelebrityItemSchema.safeParse(value);
  if (!result.success) throw new ValidationError('Invalid celebrity item', formatZodIssues(result.error));
  return result.data;
}

/** What a scraper measured for one celebrity, before it becomes an item. */
export interface Observation<S extends Source = Source> {
  source: S;
  signals: Signals<S>;
  texts: readonly { text: string; engagement?: number }[];
  sourceRef?: string;
  /** When the signal is a current value with no history (TMDB popularity): the instant it was read. */
  measuredAt?: Date;
}

/** Context of one collection run. */
export interface CollectionContext {
  week: IsoWeek;
  runId: string;
  /** Collection time; passed in so building stays pure. */
  collectedAt: Date;
  /** TTL of the item in epoch seconds (core's `itemExpiresAt`); none → the item never expires. */
  expiresAt?: number;
}

/** Caps texts to {@link ITEM_LIMITS}, keeping the most engaging ones, and says whether anything was cut. */
export function capTexts(texts: Observation['texts']): { texts: ItemText[]; truncated: boolean } {
  const cleaned = texts
    .map((entry) => ({ text: entry.text.trim(), engagement: Math.max(0, Math.round(entry.engagement ?? 0)) }))
    .filter((entry) => entry.text.length > 0);
  const ranked = cleaned
    .map((entry, index) => ({ entry, index }))
    .sort((left, right) => right.entry.engagement - left.entry.engagement || left.index - right.index)
    .slice(0, ITEM_LIMITS.maxTexts)
    .sort((left, right) => left.index - right.index)
    .map(({ entry }) => entry);
  let truncated = cleaned.length > ranked.length;
  const capped = ranked.map((entry) => {
    if (entry.text.length <= ITEM_LIMITS.maxTextLength) return entry;
    truncated = true;
    return { ...entry, text: entry.text.slice(0, ITEM_LIMITS.maxTextLength) };
  });
  return { texts: capped, truncated };
}

/** sha256 of what was observed (not when or by which run), so an unchanged re-scrape has the same hash. */
export function contentHash(parts: {
  celebrityId: string;
  source: Source;
  week: string;
  signals: unknown;
  texts: ItemText[];
}): string {
  return sha256Hex(canonicalJson(parts));
}

/** JSON with object keys sorted, so equal values always serialise equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Builds the table item for one (celebrity, source, week): deterministic key, capped texts, content hash.
 * Pure: the clock and run id come from `context`.
 * @throws ValidationError when the observation's signals do not fit the source's schema.
 */
export function buildItem(celebrity: Celebrity, observation: Observation, context: CollectionContext): CelebrityItem {
  const { texts, truncated } = capTexts(observation.texts);
  const signals = SignalsSchemas[observation.source].safeParse(observation.signals);
  if (!signals.success) {
    throw new ValidationError(
      `Invalid ${observation.source} signals for ${celebrity.id}`,
      formatZodIssues(signals.error),
    );
  }
  const item = {
    ...itemKey(celebrity.id, observation.source, context.week),
    entity: OBSERVATION_ENTITY,
    schema_version: ITEM_SCHEMA_VERSION,
    celebrity_id: celebrity.id,
    celebrity_name: celebrity.name,
    source: observation.source,
    week: context.week,
    timestamp: context.collectedAt.toISOString(),
    run_id: context.runId,
    signals: signals.data,
    texts,
    texts_available: observation.texts.length,
    texts_truncated: truncated,
    ...(observation.measuredAt === undefined
      ? {}
      : {
          measured_at: observation.measuredAt.toISOString(),
          is_backfill: isBackfill(context.week, observation.measuredAt),
        }),
    ...(observation.sourceRef === undefined ? {} : { source_ref: observation.sourceRef.slice(0, 2_000) }),
    ...(context.expiresAt === undefined ? {} : { [CELEBRITY_TABLE.timeToLiveAttribute]: context.expiresAt }),
    content_hash: contentHash({
      celebrityId: celebrity.id,
      source: observation.source,
      week: context.week,
      signals: signals.data,
      texts,
    }),
  };
  return parseItem(item);
}

/**
 * True when a current value read at `measuredAt` is stored for a week older than the one a run at that instant
 * collects (`collectedWeekAt`): the week's own collection period (the 7 days after it, which hold its Sunday
 * 02:00 UTC run) is over, so the value says how things stand now, not how they stood that week.
 */
export function isBackfill(week: IsoWeek, measuredAt: Date): boolean {
  return weekWindow(week).start < weekWindow(collectedWeekAt(measuredAt)).start;
}

/** True once the post-processor has written weight and sentiment. */
export function isEnriched(item: Pick<CelebrityItem, 'weight' | 'sentiment'>): boolean {
  return item.weight !== undefined && item.sentiment !== undefined;
}
