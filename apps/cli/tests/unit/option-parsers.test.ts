import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  parseFaultOption,
  parseSourcesOption,
  parseTimeScaleOption,
  parseWeekOption,
} from '../../src/option-parsers.js';

describe('option parsers', () => {
  it('default the week to the one the scheduled run collects (the last fully ended) and validate a given one', () => {
    expect(parseWeekOption(undefined, new Date('2026-11-26T12:00:00Z'))).toBe('2026-W47');
    expect(parseWeekOption('2020-W53', new Date())).toBe('2020-W53');
    expect(() => parseWeekOption('2026-48', new Date())).toThrow(UsageError);
  });

  it('keep core source order and refuse empty or unknown sources', () => {
    expect(parseSourcesOption('news, tmdb')).toEqual(['tmdb', 'news']);
    expect(parseSourcesOption(undefined)).toEqual(['tmdb', 'wikipedia', 'news', 'social']);
    expect(() => parseSourcesOption(',')).toThrow(/no source given/);
  });

  it('read fault switches with route, kind, celebrity and count', () => {
    const rules = parseFaultOption('wikipedia.summary=malformed@taylor-swift/2', parseFaultOption('tmdb.person=401'));
    expect(rules).toEqual([
      { route: 'tmdb.person', fault: expect.objectContaining({ kind: 'status', status: 401 }) },
      { route: 'wikipedia.summary', fault: { kind: 'malformed' }, celebrityId: 'taylor-swift', times: 2 },
    ]);
    expect(parseFaultOption('*=delay:3000')[0]?.fault).toEqual({ kind: 'delay', ms: 3_000 });
    expect(() => parseFaultOption('gdelt.doc=explode')).toThrow(/unknown kind `explode`/);
  });

  it('accept a time scale as a fraction or a decimal in (0, 1]', () => {
    expect(parseTimeScaleOption('1/60')).toBeCloseTo(1 / 60);
    expect(parseTimeScaleOption('0.5')).toBe(0.5);
    expect(() => parseTimeScaleOption('2')).toThrow(UsageError);
  });
});
