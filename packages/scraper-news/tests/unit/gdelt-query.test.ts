import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { gdeltQueryProblem } from '@celebrity-pipeline/fixtures';
import { describe, expect, it } from 'vitest';
import {
  attributeArticles,
  buildGdeltQuery,
  celebrityTerms,
  GDELT_QUERY_LIMITS,
  isQueriedAlone,
  mentions,
  planTitleBatches,
  queryTerm,
} from '../../src/index.js';
import { celebrity } from '../helpers/celebrities.js';

const { celebrities } = defaultCelebrityList();

describe('queryTerm', () => {
  it('quotes phrases and leaves a single word unquoted', () => {
    expect(queryTerm('Tom Hanks')).toBe('"Tom Hanks"');
    expect(queryTerm('Zendaya')).toBe('Zendaya');
    expect(queryTerm('Robert Downey Jr.')).toBe('"Robert Downey Jr."');
  });
});

describe('celebrityTerms', () => {
  it('leaves a short alias out when a longer name exists (AOC gives way to the full name)', () => {
    const aoc = celebrity('Alexandria Ocasio-Cortez', ['AOC']);
    expect(celebrityTerms(aoc)).toEqual(['"Alexandria Ocasio-Cortez"']);
    expect(isQueriedAlone(aoc)).toBe(false);
  });

  it('queries a celebrity with only a short name by that name alone, never OR-ed with others', () => {
    const sza = celebrity('SZA');
    expect(celebrityTerms(sza)).toEqual(['SZA']);
    expect(isQueriedAlone(sza)).toBe(true);
    const batches = planTitleBatches([
      { celebrity: celebrity('Tom Hanks'), articleCount: 5 },
      { celebrity: sza, articleCount: 5 },
      { celebrity: celebrity('Zendaya'), articleCount: 5 },
    ]);
    expect(batches.map((batch) => batch.map((entry) => entry.name))).toEqual([['Tom Hanks', 'Zendaya'], ['SZA']]);
  });

  it('drops trailing aliases rather than pass the query length limit', () => {
    const many = celebrity(
      'Jane Example',
      Array.from({ length: 30 }, (_, index) => `Jane Example Alias Number ${index}`),
    );
    const query = buildGdeltQuery([many]);
    expect(query.length).toBeLessThanOrEqual(GDELT_QUERY_LIMITS.maxQueryLength);
    expect(query.startsWith('("Jane Example" OR ')).toBe(true);
    expect(gdeltQueryProblem(query)).toBeUndefined();
  });
});

describe('buildGdeltQuery', () => {
  it("wraps OR'd terms in parentheses, and a single term in none", () => {
    expect(buildGdeltQuery([celebrity('Tom Hanks'), celebrity('Zendaya')])).toBe('("Tom Hanks" OR Zendaya)');
    expect(buildGdeltQuery([celebrity('Zendaya')])).toBe('Zendaya');
  });

  it("keeps every bundled celebrity's own query and every title batch within the limits and GDELT's grammar", () => {
    for (const entry of celebrities) {
      const query = buildGdeltQuery([entry]);
      expect(query.length, entry.id).toBeLessThanOrEqual(GDELT_QUERY_LIMITS.maxQueryLength);
      expect(gdeltQueryProblem(query), query).toBeUndefined();
    }
    const batches = planTitleBatches(celebrities.map((entry) => ({ celebrity: entry, articleCount: 1 })));
    expect(batches.flat()).toHaveLength(celebrities.length);
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
