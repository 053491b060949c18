import {
  buildItem,
  type CelebrityItem,
  type CollectionContext,
  type IsoWeek,
  type Observation,
  SOURCES,
  type Source,
} from '../../src/index.js';
import { celebrity } from './factories.js';

/** An observation of `source` whose signal grows with `level` (so different levels give different hashes). */
export function observationOf(source: Source, level: number): Observation {
  switch (source) {
    case 'tmdb':
      return { source, signals: { popularity: level }, texts: [{ text: `Popular at ${level}`, engagement: 1 }] };
    case 'wikipedia':
      return { source, signals: { pageviews_7d: level * 7, daily_pageviews: Array(7).fill(level) }, texts: [] };
    case 'news':
      return {
        source,
        signals: { article_count: level, provider: 'gdelt', window_days: 7 },
        texts: [{ text: `Headline number ${level} is great news` }],
      };
    case 'social':
      return {
        source,
        signals: { mentions: level, likes: level * 3, reposts: level, replies: 1, provider: 'bluesky' },
        texts: [{ text: `Loving it ${level}!`, engagement: level }],
      };
  }
}

/**
 * `count` valid items of one week: celebrities `celebrity-0`, `celebrity-1`, … each with the four sources in
 * turn, so 400 items are 100 celebrities × 4 sources.
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
    const person = celebrity({ id: `celebrity-${celebrityIndex}`, name: `Celebrity ${celebrityIndex}` });
    return buildItem(person, observationOf(source, (options.level ?? 10) + celebrityIndex), context);
  });
}
