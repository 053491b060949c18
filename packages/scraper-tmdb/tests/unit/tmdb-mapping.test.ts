import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildItem } from '@celebrity-pipeline/core';
import { readFixtures, tmdbIdOf } from '@celebrity-pipeline/fixtures';
import { describe, expect, it } from 'vitest';
import { mapTmdbPerson, pickSearchResult, TmdbPersonSchema, TmdbSearchResponseSchema } from '../../src/index.js';

const fixtures = await readFixtures();
const { celebrities } = defaultCelebrityList();
const readAt = new Date('2026-11-29T02:00:05Z');
const context = { week: '2026-W47' as const, runId: 'run-1', collectedAt: new Date('2026-11-29T02:00:00Z') };

describe('mapTmdbPerson', () => {
  it('maps every fixture person to a valid item: popularity signal, biography text', () => {
    celebrities.forEach((celebrity, index) => {
      const person = TmdbPersonSchema.parse(fixtures.tmdb.people[String(tmdbIdOf(celebrity, index))]);
      const item = buildItem(celebrity, mapTmdbPerson(person, readAt), context);
      expect(item.signals).toEqual({ popularity: person.popularity });
      expect(item).toMatchObject({ measured_at: readAt.toISOString(), is_backfill: false });
      expect(item.texts.map((text) => text.text)).toEqual(person.biography ? [person.biography] : []);
      expect(item.source_ref).toBe(`tmdb:person/${person.id}`);
    });
  });

  it('leaves an empty biography out of the texts', () => {
    const observation = mapTmdbPerson({ id: 1, name: 'Jane Example', biography: '  ', popularity: 3.5 }, readAt);
    expect(observation.texts).toEqual([]);
  });

  it('marks a popularity read after the week was due (a backfill of a past week)', () => {
    const [first] = celebrities;
    if (!first) throw new Error('the list is empty');
    const person = TmdbPersonSchema.parse(fixtures.tmdb.people[String(tmdbIdOf(first, 0))]);
    const late = buildItem(first, mapTmdbPerson(person, new Date('2026-12-20T10:00:00Z')), context);
    expect(late).toMatchObject({ week: '2026-W47', measured_at: '2026-12-20T10:00:00.000Z', is_backfill: true });
  });
});

describe('pickSearchResult', () => {
  it('picks the exact name, not the first (less relevant) result', () => {
    const celebrity = celebrities.find((entry) => entry.tmdbId === undefined);
    if (!celebrity) throw new Error('the list has no celebrity without tmdbId');
    const response = TmdbSearchResponseSchema.parse(fixtures.tmdb.search[celebrity.name]);
    expect(response.results[0]?.name).not.toBe(celebrity.name);
    expect(pickSearchResult(celebrity, response)).toBe(
      response.results.find((result) => result.name === celebrity.name)?.id,
    );
  });

  it('returns undefined when no result carries the name', () => {
    const celebrity = {
      id: 'jane-example',
      name: 'Jane Example',
      aliases: [],
      wikipediaTitle: 'Jane_Example',
      hashtags: [],
    };
    expect(
      pickSearchResult(celebrity, {
        page: 1,
        results: [{ id: 2, name: 'John Sample', popularity: 3 }],
        total_results: 1,
      }),
    ).toBeUndefined();
  });
});
