import {
  buildItem,
  type Celebrity,
  type CelebrityItem,
  computeWeight,
  type IsoWeek,
  type Observation,
  type RunSummary,
  type SentimentLabel,
  type Source,
  scoreSentiment,
} from '@celebrity-pipeline/core';

/** A celebrity as the list holds it. */
export function celebrity(id: string, name: string): Celebrity {
  return { id, name, aliases: [], wikipediaTitle: name.replaceAll(' ', '_'), hashtags: [] };
}

/** An observation of `source` whose one signal is `strength` (the number core's weight formula reads). */
export function observation(source: Source, strength: number, texts: readonly string[] = []): Observation {
  const entries = texts.map((text, index) => ({ text, engagement: (texts.length - index) * 10 }));
  switch (source) {
    case 'tmdb':
      return { source, signals: { popularity: strength }, texts: entries };
    case 'wikipedia':
      return {
        source,
        signals: { pageviews_7d: strength, daily_pageviews: Array.from({ length: 7 }, () => Math.floor(strength / 7)) },
        texts: entries,
      };
    case 'news':
      return { source, signals: { article_count: strength, provider: 'gdelt', window_days: 7 }, texts: entries };
    case 'social':
      return {
        source,
        signals: { mentions: strength, likes: 0, reposts: 0, replies: 0, provider: 'bluesky' },
        texts: entries,
      };
  }
}

/** Enrichment written by the post-processor; `computed` derives it with core's weight and VADER. */
export type EnrichmentSpec = { weight: number; sentiment: SentimentLabel; score: number } | 'computed' | 'none';

/** Options of {@link item}. */
export interface ItemSpec {
  celebrity: Celebrity;
  source: Source;
  week: IsoWeek;
  strength?: number;
  texts?: readonly string[];
  enrichment?: EnrichmentSpec;
  runId?: string;
}

/** A stored item built with core's `buildItem`, enriched as `enrichment` says (default: computed). */
export function item(spec: ItemSpec): CelebrityItem {
  const built = buildItem(spec.celebrity, observation(spec.source, spec.strength ?? 10, spec.texts ?? []), {
    week: spec.week,
    runId: spec.runId ?? `run-${spec.week}`,
    collectedAt: new Date('2026-11-29T02:05:00.000Z'),
  });
  const enrichment = spec.enrichment ?? 'computed';
  if (enrichment === 'none') return built;
  const computed =
    enrichment === 'computed'
      ? (() => {
          const sentiment = scoreSentiment(built.texts);
          return { weight: computeWeight(built), sentiment: sentiment.label, score: sentiment.compound };
        })()
      : enrichment;
  return {
    ...built,
    weight: computed.weight,
    sentiment: computed.sentiment,
    sentiment_score: computed.score,
    processed_at: '2026-11-29T02:06:00.000Z',
    processor_version: 'test',
    enriched_hash: built.content_hash,
  };
}

/** A run summary of `source` for `week`, succeeded by default. */
export function runSummary(overrides: Partial<RunSummary> & Pick<RunSummary, 'source' | 'week'>): RunSummary {
  return {
    runId: `run-${overrides.week}`,
    status: 'succeeded',
    startedAt: '2026-11-29T02:00:00.000Z',
    finishedAt: '2026-11-29T02:04:00.000Z',
    durationMs: 240_000,
    attempted: 0,
    written: 0,
    unchanged: 0,
    failed: [],
    requestsRetried: 0,
    ...overrides,
  };
}
