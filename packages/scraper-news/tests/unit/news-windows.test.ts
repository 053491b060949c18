import { weekWindow } from '@celebrity-pipeline/core';
import { describe, expect, it } from 'vitest';
import { gdeltWindowParams, newsApiWindowParams } from '../../src/index.js';

describe('week windows', () => {
  it('gives GDELT Monday 00:00:00 to Sunday 23:59:59 UTC of 2026-W40', () => {
    expect(weekWindow('2026-W40').dates[0]).toBe('2026-09-28');
    expect(gdeltWindowParams('2026-W40')).toEqual({ startdatetime: '20260928000000', enddatetime: '20261004235959' });
  });

  it('gives NewsAPI the same window as from/to', () => {
    expect(newsApiWindowParams('2026-W40')).toEqual({ from: '2026-09-28T00:00:00', to: '2026-10-04T23:59:59' });
  });

  it('crosses a year boundary (2026-W53 ends on 3 January 2027)', () => {
    expect(gdeltWindowParams('2026-W53')).toEqual({ startdatetime: '20261228000000', enddatetime: '20270103235959' });
  });
});
