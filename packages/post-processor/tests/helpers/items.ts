import {
  buildItem,
  type CelebrityItem,
  type CollectionContext,
  type IsoWeek,
  type Observation,
  SOURCES,
  type Source,
} from '@celebrity-pipeline/core';

/** Texts of clear polarity, so a batch has a known sentiment mix. */
export const SAMPLE_TEXTS = {
  positive: 'What a wonderful, brilliant performance. I love it!',
  negative: 'A terrible, awful scandal. Fans are angry and disappointed.',
  neutral: 'The interview was published on Tuesday.',
} as const;

const TONES = ['positive', 'negative', 'neutral'] as const;

/** An observation of `source` whose signal grows with `level` and whose text has the given tone. */
export function observationOf(source: Source, level: number, tone: (typeof TONES)[number] = 'positive'): Observation {
  const texts = [{ text: `${SAMPLE_TEXTS[tone]} (#${level})`, engagement: level % 50 }];
  switch (source) {
    case 'tmdb':
      return { source, signals: { popularity: level / 10 }, texts };
    case 'wikipedia':
      return { source, signals: { pageviews_7d: level * 700, daily_pageviews: Array(7).fill(level * 100) }, texts };
    case 'news':
      return { source, signals: { article_count: level % 250, provider: 'gdelt', window_days: 7 }, texts };
    case 'social':
      return {
        source,
        signals: { mentions: level, likes: level * 3, reposts: level, replies: 1, provider: 'bluesky' },
        texts,
      };
  }
}

/**
 * `count` valid items of one week: celebrities `celebrity-0`, `celebrity-1`, … each with the four sources in
 * turn (400 items are 100 celebrities × 4 sources); tones rotate positive, negative, neutral.
 */
export function weekItems(
  count: number,
  options: { week?: IsoWeek; runId?: string; level?: number } = {},
): CelebrityItem[] {
  const context: CollectionContext = {
    week: options.week ?? '2026-W47',
    runId: options.runId ?? 'run-1',
    collectedAt: new Date('2026-11-22T02:00:00.000Z'),
  };
  return Array.from({ length: count }, (_, index) => {
    const source = SOURCES[index % SOURCES.length] as Source;
    const celebrityIndex = Math.floor(index / SOURCES.length);
    const tone = TONES[index % TONES.length];
    const celebrity = {
      id: `celebrity-${celebrityIndex}`,
      name: `Celebrity ${celebrityIndex}`,
      aliases: [],
      wikipediaTitle: `Celebrity_${celebrityIndex}`,
      hashtags: [],
    };
    return buildItem(celebrity, observationOf(source, (options.level ?? 10) + celebrityIndex, tone), context);
  });
}
