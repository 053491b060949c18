import { describe, expect, it } from 'vitest';
import {
  GDELT_QUERY_LIMITS,
  isUnexpectedlyFull,
  maxTitleRequests,
  pageShareOf,
  planTitleBatches,
  splitBatch,
} from '../../src/index.js';
import { celebrity } from '../helpers/celebrities.js';

const names = (batches: { name: string }[][]) => batches.map((batch) => batch.map((entry) => entry.name));
const people = (count: number, articleCount: (index: number) => number) =>
  Array.from({ length: count }, (_, index) => ({
    celebrity: celebrity(`Person Number${index}`),
    articleCount: articleCount(index),
  }));

describe('planTitleBatches', () => {
  it('puts up to 10 quiet names (under 25 articles each) on one page, which then holds all their articles', () => {
    expect(pageShareOf()).toBe(25);
    const batches = planTitleBatches(people(25, () => 24));
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(10 * 24).toBeLessThan(GDELT_QUERY_LIMITS.maxRecords);
  });

  it('groups busy names with names of similar volume, busiest first, and quiet names apart', () => {
    const batches = planTitleBatches([
      { celebrity: celebrity('Tom Hanks'), articleCount: 40 },
      { celebrity: celebrity('Zendaya'), articleCount: 3 },
      { celebrity: celebrity('Brad Pitt'), articleCount: 5_000 },
      { celebrity: celebrity('Emma Stone'), articleCount: 7 },
    ]);
    expect(names(batches)).toEqual([
      ['Brad Pitt', 'Tom Hanks'],
      ['Zendaya', 'Emma Stone'],
    ]);
  });

  it('gives no page to names without articles or with an unmeasured count, and its own to a name sent alone', () => {
    const batches = planTitleBatches([
      { celebrity: celebrity('Tom Hanks'), articleCount: 0 },
      { celebrity: celebrity('SZA'), articleCount: 12 },
      { celebrity: celebrity('Brad Pitt'), articleCount: null },
      { celebrity: celebrity('Emma Stone'), articleCount: 3 },
    ]);
    expect(names(batches)).toEqual([['Emma Stone'], ['SZA']]);
  });
});

describe('isUnexpectedlyFull and splitBatch', () => {
  it('splits only a page that came back full although its counts fit one', () => {
    expect(isUnexpectedlyFull(250, 240)).toBe(true);
    expect(isUnexpectedlyFull(250, 1_000)).toBe(false);
    expect(isUnexpectedlyFull(200, 240)).toBe(false);
    const batch = ['A a', 'B b', 'C c'].map((name) => celebrity(name));
    expect(splitBatch(batch).map((half) => half.map((entry) => entry.name))).toEqual([['A a', 'B b'], ['C c']]);
  });
});

describe('maxTitleRequests', () => {
  it('bounds the title pages of a list: its batches if every name had articles, plus one', () => {
    expect(maxTitleRequests(people(25, () => 1).map((entry) => entry.celebrity))).toBe(4);
    expect(maxTitleRequests([])).toBe(0);
  });
});
