import { describe, expect, it } from 'vitest';
import { GDELT_QUERY_LIMITS, planTitleBatches, splitBatch } from '../../src/index.js';
import { celebrity } from '../helpers/celebrities.js';

const names = (batches: { name: string }[][]) => batches.map((batch) => batch.map((entry) => entry.name));

describe('planTitleBatches', () => {
  it('packs names whose counts add up to less than one page, so no name crowds another out', () => {
    const batches = planTitleBatches([
      { celebrity: celebrity('Tom Hanks'), articleCount: 120 },
      { celebrity: celebrity('Zendaya'), articleCount: 100 },
      { celebrity: celebrity('Brad Pitt'), articleCount: 40 },
      { celebrity: celebrity('Emma Stone'), articleCount: 20 },
    ]);
    expect(names(batches)).toEqual([
      ['Tom Hanks', 'Zendaya'],
      ['Brad Pitt', 'Emma Stone'],
    ]);
  });

  it('gives a name with a page or more of its own a batch of its own, and none to names without articles', () => {
    const batches = planTitleBatches([
      { celebrity: celebrity('Tom Hanks'), articleCount: 1_000 },
      { celebrity: celebrity('Zendaya'), articleCount: 0 },
      { celebrity: celebrity('Brad Pitt'), articleCount: null },
      { celebrity: celebrity('Emma Stone'), articleCount: 3 },
    ]);
    expect(names(batches)).toEqual([['Tom Hanks'], ['Emma Stone']]);
  });

  it('never puts more names in a batch than the limit allows', () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      celebrity: celebrity(`Person Number${index}`),
      articleCount: 1,
    }));
    const batches = planTitleBatches(many);
    expect(GDELT_QUERY_LIMITS.maxCelebritiesPerQuery).toBe(10);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
  });
});

describe('splitBatch', () => {
  it('halves a batch, the first half taking the odd one', () => {
    const batch = ['A a', 'B b', 'C c'].map((name) => celebrity(name));
    expect(splitBatch(batch).map((half) => half.map((entry) => entry.name))).toEqual([['A a', 'B b'], ['C c']]);
  });
});
