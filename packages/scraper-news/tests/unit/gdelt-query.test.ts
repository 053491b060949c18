import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { gdeltQueryProblem } from '@celebrity-pipeline/fixtures';
import { describe, expect, it } from 'vitest';
import {
  attributeArticles,
  batchCelebrities,
  buildGdeltQuery,
  GDELT_QUERY_LIMITS,
  mentions,
  queryTerm,
} from '../../src/index.js';

const { celebrities } = defaultCelebrityList();
const celebrity = (name: string, aliases: string[] = []) => ({
  id: name.toLowerCase().replaceAll(' ', '-'),
  name,
  aliases,
  wikipediaTitle: name,
  hashtags: [],
});

describe('queryTerm', () => {
  it('quotes phrases and leaves a single word unquoted', () => {
    expect(queryTerm('Tom Hanks')).toBe('"Tom Hanks"');
    expect(queryTerm('Zendaya')).toBe('Zendaya');
    expect(queryTerm('Robert Downey Jr.')).toBe('"Robert Downey Jr."');
  });
});

describe('buildGdeltQuery', () => {
  it("wraps OR'd terms in parentheses, and a single term in none", () => {
    expect(buildGdeltQuery([celebrity('Tom Hanks'), celebrity('Zendaya')])).toBe('("Tom Hanks" OR Zendaya)');
    expect(buildGdeltQuery([celebrity('Zendaya')])).toBe('Zendaya');
  });
});

describe('batchCelebrities', () => {
  const batches = batchCelebrities(celebrities);

  it('covers every celebrity once, in far fewer requests than celebrities', () => {
    expect(batches.flat().map((entry) => entry.id)).toEqual(celebrities.map((entry) => entry.id));
    expect(batches.length).toBeLessThanOrEqual(20);
    console.info(`gdelt: ${celebrities.length} celebrities in ${batches.length} queries`);
  });

  it("keeps every query within the limits and GDELT's grammar", () => {
    for (const batch of batches) {
      const query = buildGdeltQuery(batch);
      expect(batch.length).toBeLessThanOrEqual(GDELT_QUERY_LIMITS.maxCelebritiesPerQuery);
      expect(query.length).toBeLessThanOrEqual(GDELT_QUERY_LIMITS.maxQueryLength);
      expect(gdeltQueryProblem(query), query).toBeUndefined();
    }
  });
});

describe('attributeArticles', () => {
  it('attributes an article to every celebrity its headline names, by whole words', () => {
    const batch = [celebrity('Tom Hanks'), celebrity('Drake', ['Aubrey Graham']), celebrity('Zendaya')];
    const articles = [
      { title: 'Tom Hanks and Zendaya team up' },
      { title: 'Aubrey Graham tour announced' },
      { title: 'Mark Drakeford visits Cardiff' },
    ];
    const attributed = attributeArticles(articles, batch);
    expect(attributed.get('tom-hanks')).toEqual([articles[0]]);
    expect(attributed.get('zendaya')).toEqual([articles[0]]);
    expect(attributed.get('drake')).toEqual([articles[1]]);
  });

  it('ignores case and accents', () => {
    expect(mentions('BEYONCE wins again', 'Beyoncé')).toBe(true);
  });
});
