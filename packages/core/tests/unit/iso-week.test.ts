import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collectedWeekAt,
  isoWeekOf,
  isoWeekRange,
  lastFullDays,
  nextIsoWeek,
  parseIsoWeek,
  previousIsoWeek,
  ValidationError,
  weekWindow,
} from '../../src/index.js';

describe('isoWeekOf', () => {
  it('follows ISO-8601 at year boundaries', () => {
    expect(isoWeekOf(new Date('2026-11-22T02:00:00Z'))).toBe('2026-W47');
    expect(isoWeekOf(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });

  it('places every instant inside the range of its own week', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (date) => {
          const { start, end } = isoWeekRange(isoWeekOf(date));
          expect(date.getTime()).toBeGreaterThanOrEqual(start.getTime());
          expect(date.getTime()).toBeLessThan(end.getTime());
          expect(start.getUTCDay()).toBe(1);
        },
      ),
    );
  });
});

describe('parseIsoWeek', () => {
  it('accepts real weeks', () => {
    expect(parseIsoWeek('2020-W53')).toBe('2020-W53');
  });

  it.each(['2026-48', '2026-W1', '2026-W00', '2027-W53', 'week'])('rejects %s with a message naming it', (value) => {
    expect(() => parseIsoWeek(value)).toThrow(ValidationError);
    expect(() => parseIsoWeek(value)).toThrow(value);
  });
});

describe('lastFullDays', () => {
  it('returns the 7 full UTC days before today, oldest first', () => {
    expect(lastFullDays(new Date('2026-11-22T02:00:00Z'))).toEqual([
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
    ]);
  });
});

describe('week windows', () => {
  it('the Sunday 02:00 UTC run collects the ISO week that has fully ended', () => {
    expect(collectedWeekAt(new Date('2026-11-22T02:00:00Z'))).toBe('2026-W46');
    expect(collectedWeekAt(new Date('2026-11-23T00:00:00Z'))).toBe('2026-W47');
    expect(collectedWeekAt(new Date('2021-01-10T02:00:00Z'))).toBe('2020-W53');
  });

  it('steps across year boundaries', () => {
    expect(previousIsoWeek('2021-W01')).toBe('2020-W53');
    expect(nextIsoWeek('2020-W53')).toBe('2021-W01');
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
  });

  it('gives the 7 dates and instants of a week', () => {
    const window = weekWindow('2026-W40');
    expect(window.dates).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
    ]);
    expect(window.start.toISOString()).toBe('2026-09-28T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-10-05T00:00:00.000Z');
    expect(window.lastSecond.toISOString()).toBe('2026-10-04T23:59:59.000Z');
  });

  it('collects a week that always ends before the run', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (at) => {
        const window = weekWindow(collectedWeekAt(at));
        expect(window.end.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime() - window.end.getTime()).toBeLessThan(7 * 86_400_000);
      }),
    );
  });
});
