import type { Celebrity, CollectionContext, Observation } from '../../src/index.js';

/** A valid celebrity; override any field. */
export function celebrity(overrides: Partial<Celebrity> = {}): Celebrity {
  return {
    id: 'jane-example',
    name: 'Jane Example',
    aliases: [],
    wikipediaTitle: 'Jane_Example',
    hashtags: ['JaneExample'],
    ...overrides,
  };
}

/** A TMDB observation; override any field. */
export function tmdbObservation(overrides: Partial<Observation<'tmdb'>> = {}): Observation<'tmdb'> {
  return {
    source: 'tmdb',
    signals: { popularity: 42.5 },
    texts: [{ text: 'Jane Example is an award-winning actress.' }],
    sourceRef: 'tmdb:person/123',
    ...overrides,
  };
}

/** A fixed collection context (Sunday 2026-11-22 02:00 UTC, ISO week 2026-W47). */
export function collectionContext(overrides: Partial<CollectionContext> = {}): CollectionContext {
  return { week: '2026-W47', runId: 'run-1', collectedAt: new Date('2026-11-22T02:00:00.000Z'), ...overrides };
}
