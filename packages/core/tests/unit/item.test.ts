import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildItem, ITEM_LIMITS, isBackfill, itemKey, parseItem, ValidationError } from '../../src/index.js';
import { celebrity, collectionContext, tmdbObservation } from '../helpers/factories.js';

describe('itemKey', () => {
  it('is deterministic from celebrity, source and week', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('tmdb', 'wikipedia', 'news', 'social' as const),
        fc.integer({ min: 1, max: 52 }),
        (source, week) => {
          const isoWeek = `2026-W${String(week).padStart(2, '0')}` as const;
          expect(itemKey('jane-example', source, isoWeek)).toEqual(itemKey('jane-example', source, isoWeek));
        },
      ),
    );
    expect(itemKey('jane-example', 'news', '2026-W47')).toEqual({
      pk: 'CELEBRITY#jane-example',
      sk: 'WEEK#2026-W47#SOURCE#news',
    });
  });
});

describe('buildItem', () => {
  it('builds a valid item with the spec attributes', () => {
    const item = buildItem(celebrity(), tmdbObservation(), collectionContext());
    expect(item).toMatchObject({
      pk: 'CELEBRITY#jane-example',
      sk: 'WEEK#2026-W47#SOURCE#tmdb',
      source: 'tmdb',
      timestamp: '2026-11-22T02:00:00.000Z',
      run_id: 'run-1',
      schema_version: 1,
      texts_truncated: false,
    });
    expect(item.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(item.weight).toBeUndefined();
  });

  it('keeps the content hash across runs and collection times, and changes it with the data', () => {
    const first = buildItem(celebrity(), tmdbObservation(), collectionContext());
    const rerun = buildItem(
      celebrity(),
      tmdbObservation(),
      collectionContext({ runId: 'run-2', collectedAt: new Date('2026-11-22T03:00:00Z') }),
    );
    const changed = buildItem(celebrity(), tmdbObservation({ signals: { popularity: 43 } }), collectionContext());
    expect(rerun.content_hash).toBe(first.content_hash);
    expect(changed.content_hash).not.toBe(first.content_hash);
  });

  it('caps texts and records the truncation', () => {
    const texts = Array.from({ length: ITEM_LIMITS.maxTexts + 5 }, (_, index) => ({
      text: `post ${index} ${'x'.repeat(index === 0 ? 5_000 : 10)}`,
      engagement: index,
    }));
    const item = buildItem(celebrity(), tmdbObservation({ texts }), collectionContext());
    expect(item.texts).toHaveLength(ITEM_LIMITS.maxTexts);
    expect(item.texts_available).toBe(ITEM_LIMITS.maxTexts + 5);
    expect(item.texts_truncated).toBe(true);
    expect(item.texts.every((entry) => entry.text.length <= ITEM_LIMITS.maxTextLength)).toBe(true);
    expect(item.texts[0]?.engagement).toBe(5); // the least engaging texts were dropped
    expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThan(100_000);
  });

  it('rejects signals that do not fit the source', () => {
    const observation = tmdbObservation({ signals: { popularity: -1 } });
    expect(() => buildItem(celebrity(), observation, collectionContext())).toThrow(ValidationError);
  });
});

describe('parseItem', () => {
  it('names every invalid attribute', () => {
    const item = { ...buildItem(celebrity(), tmdbObservation(), collectionContext()), week: '2026-W99', weight: 2 };
    expect(() => parseItem(item)).toThrow(/week: Invalid ISO week `2026-W99`[\s\S]*weight/);
  });
});

describe('current values (measured_at, is_backfill)', () => {
  it('stores when a current value was read, apart from the week, and keeps it out of the content hash', () => {
    const onTime = buildItem(
      celebrity(),
      { ...tmdbObservation(), measuredAt: new Date('2026-11-29T02:00:05Z') },
      collectionContext(),
    );
    expect(onTime).toMatchObject({ week: '2026-W47', measured_at: '2026-11-29T02:00:05.000Z', is_backfill: false });
    const later = buildItem(
      celebrity(),
      { ...tmdbObservation(), measuredAt: new Date('2026-12-20T10:00:00Z') },
      collectionContext(),
    );
    expect(later).toMatchObject({ week: '2026-W47', is_backfill: true });
    expect(later.content_hash).toBe(onTime.content_hash);
  });

  it('is a backfill once the week after the collected one has ended (its scheduled run was due)', () => {
    expect(isBackfill('2026-W47', new Date('2026-11-29T02:00:00Z'))).toBe(false);
    expect(isBackfill('2026-W47', new Date('2026-11-29T23:59:59Z'))).toBe(false);
    expect(isBackfill('2026-W47', new Date('2026-11-30T00:00:00Z'))).toBe(true);
    expect(isBackfill('2026-W48', new Date('2026-11-29T02:00:00Z'))).toBe(false);
  });
});
