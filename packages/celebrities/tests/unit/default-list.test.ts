import { describe, expect, it } from 'vitest';
import { CELEBRITY_LIST_VERSION, defaultCelebrityList } from '../../src/index.js';

describe('defaultCelebrityList', () => {
  const { celebrities } = defaultCelebrityList();

  it('holds 100 celebrities with unique ids', () => {
    expect(celebrities).toHaveLength(100);
    expect(new Set(celebrities.map((celebrity) => celebrity.id)).size).toBe(100);
  });

  it('has a positive version', () => {
    expect(CELEBRITY_LIST_VERSION).toBeGreaterThan(0);
  });

  it('gives every celebrity a Wikipedia title and at least one hashtag', () => {
    for (const celebrity of celebrities) {
      expect(celebrity.wikipediaTitle.length, celebrity.id).toBeGreaterThan(0);
      expect(celebrity.hashtags.length, celebrity.id).toBeGreaterThan(0);
    }
  });

  it('uses unique TMDB ids where they are known', () => {
    const ids = celebrities.flatMap((celebrity) => (celebrity.tmdbId === undefined ? [] : [celebrity.tmdbId]));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
