import type { Celebrity, Observation } from '@celebrity-pipeline/core';
import type { TmdbPerson, TmdbSearchResponse } from './tmdb-responses.js';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

/**
 * Picks the celebrity among `/search/person` results: an exact name (or alias) match, the most popular one
 * if several; `undefined` when no result carries the name. Pure.
 */
export function pickSearchResult(celebrity: Celebrity, response: TmdbSearchResponse): number | undefined {
  const names = new Set([celebrity.name, ...celebrity.aliases].map(fold));
  const matches = response.results.filter((result) => names.has(fold(result.name)));
  matches.sort((left, right) => right.popularity - left.popularity);
  return matches[0]?.id;
}

/**
 * Maps person details read at `measuredAt` to the TMDB observation: signal = popularity, text = biography.
 * `popularity` is TMDB's current value with no history, so the item stores `measured_at` apart from its week
 * (and `is_backfill` when the week was collected late). Pure.
 */
export function mapTmdbPerson(person: TmdbPerson, measuredAt: Date): Observation<'tmdb'> {
  const biography = person.biography.trim();
  return {
    source: 'tmdb',
    signals: { popularity: person.popularity },
    texts: biography ? [{ text: biography }] : [],
    sourceRef: `tmdb:person/${person.id}`,
    measuredAt,
  };
}
