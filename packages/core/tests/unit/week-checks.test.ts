import { describe, expect, it } from 'vitest';
import {
  type CelebrityItem,
  MAXIMUM_UNENRICHED_ITEMS,
  missingCheckIds,
  WEEK_CHECK_IDS,
  weekChecks,
  weightStatistics,
} from '../../src/index.js';

/** The fields the checks read: weight and sentiment (enriched) or neither. */
const item = (weight?: number): CelebrityItem =>
  ({ weight, sentiment: weight === undefined ? undefined : 'NEUTRAL' }) as unknown as CelebrityItem;
const enrichedItems = (count: number, weight = 0.5) => Array.from({ length: count }, () => item(weight));

describe('weekChecks', () => {
  it('returns the Phase 4C checks by their stable ids, all passing for a complete enriched week', () => {
    const checks = weekChecks({ items: enrichedItems(8), expectedItems: 8 });
    expect(checks.map((check) => check.id)).toEqual([...WEEK_CHECK_IDS]);
    expect(checks.every((check) => check.isPassed)).toBe(true);
  });

  it('fails items-written when the table holds fewer items than expected', () => {
    const [written] = weekChecks({ items: enrichedItems(399), expectedItems: 400 });
    expect(written).toMatchObject({ id: 'items-written', isPassed: false, detail: '399 of 400 expected' });
  });

  it(`passes items-enriched below ${MAXIMUM_UNENRICHED_ITEMS} un-enriched items and fails at it`, () => {
    const unenriched = (count: number) => Array.from({ length: count }, () => item());
    const enrichedCheck = (count: number) =>
      weekChecks({ items: [...enrichedItems(5), ...unenriched(count)], expectedItems: 5 + count })[1];
    expect(enrichedCheck(MAXIMUM_UNENRICHED_ITEMS - 1)?.isPassed).toBe(true);
    expect(enrichedCheck(MAXIMUM_UNENRICHED_ITEMS)).toMatchObject({
      id: 'items-enriched',
      isPassed: false,
      detail: `5 enriched, ${MAXIMUM_UNENRICHED_ITEMS} un-enriched (must be < ${MAXIMUM_UNENRICHED_ITEMS})`,
    });
  });

  it('fails weights-in-range on a weight above 1 and on a week without any weight', () => {
    expect(weekChecks({ items: [item(0.2), item(1.5)], expectedItems: 2 })[2]?.isPassed).toBe(false);
    expect(weekChecks({ items: [item()], expectedItems: 1 })[2]).toMatchObject({
      isPassed: false,
      detail: 'no weight at all',
    });
  });
});

describe('weightStatistics', () => {
  it('gives min, max and average rounded to 4 decimals, null without weights', () => {
    expect(weightStatistics([item(0.1), item(0.2), item(0.35)])).toEqual({ min: 0.1, max: 0.35, avg: 0.2167 });
    expect(weightStatistics([item()])).toBeNull();
  });
});

describe('missingCheckIds', () => {
  it('names every required id the checks lack', () => {
    const checks = weekChecks({ items: enrichedItems(1), expectedItems: 1 }).filter(
      (check) => check.id !== 'items-enriched',
    );
    expect(missingCheckIds(checks, WEEK_CHECK_IDS)).toEqual(['items-enriched']);
    expect(missingCheckIds(weekChecks({ items: [], expectedItems: 0 }), WEEK_CHECK_IDS)).toEqual([]);
  });
});
