import { describe, expect, it } from 'vitest';
import { buildItem, CELEBRITY_TABLE, itemExpiresAt } from '../../src/index.js';
import { celebrity, collectionContext, tmdbObservation } from '../helpers/factories.js';

describe('itemExpiresAt', () => {
  it('is the end of the week plus the retention, in epoch seconds', () => {
    // 2026-W47 ends Monday 2026-11-23 00:00 UTC; 4 weeks later is 2026-12-21.
    expect(itemExpiresAt('2026-W47', 4)).toBe(Date.parse('2026-12-21T00:00:00Z') / 1_000);
    expect(itemExpiresAt('2026-W47', 1)).toBe(Date.parse('2026-11-30T00:00:00Z') / 1_000);
  });

  it('refuses a retention that is not a whole number of weeks', () => {
    expect(() => itemExpiresAt('2026-W47', 0)).toThrow('retainWeeks must be a whole number of weeks >= 1, got 0');
    expect(() => itemExpiresAt('2026-W47', 1.5)).toThrow(RangeError);
  });
});

describe('buildItem with a retention', () => {
  it('writes the TTL attribute only when the context has an expiry', () => {
    const expiresAt = itemExpiresAt('2026-W47', 8);
    const kept = buildItem(celebrity(), tmdbObservation(), collectionContext());
    const expiring = buildItem(celebrity(), tmdbObservation(), { ...collectionContext(), expiresAt });
    expect(kept).not.toHaveProperty(CELEBRITY_TABLE.timeToLiveAttribute);
    expect(expiring).toMatchObject({ [CELEBRITY_TABLE.timeToLiveAttribute]: expiresAt });
    expect(expiring.content_hash).toBe(kept.content_hash);
  });
});
