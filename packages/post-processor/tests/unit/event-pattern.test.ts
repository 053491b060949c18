import { describe, expect, it } from 'vitest';
import {
  type FilterPattern,
  FilterPatternError,
  matchesAnyFilterPattern,
  matchesFilterPattern,
} from '../../src/index.js';

describe('matchesFilterPattern', () => {
  it('requires every field of the pattern (AND) and accepts any listed value (OR)', () => {
    const pattern: FilterPattern = {
      eventName: ['INSERT', 'MODIFY'],
      dynamodb: { NewImage: { entity: { S: ['x'] } } },
    };
    expect(matchesFilterPattern(pattern, { eventName: 'MODIFY', dynamodb: { NewImage: { entity: { S: 'x' } } } })).toBe(
      true,
    );
    expect(matchesFilterPattern(pattern, { eventName: 'REMOVE', dynamodb: { NewImage: { entity: { S: 'x' } } } })).toBe(
      false,
    );
    expect(matchesFilterPattern(pattern, { eventName: 'INSERT', dynamodb: { NewImage: { entity: { S: 'y' } } } })).toBe(
      false,
    );
    expect(matchesFilterPattern(pattern, { eventName: 'INSERT' })).toBe(false);
  });

  it('compares values exactly, with no type coercion (stream numbers are strings)', () => {
    expect(matchesFilterPattern({ n: ['1'] }, { n: '1' })).toBe(true);
    expect(matchesFilterPattern({ n: ['1'] }, { n: 1 })).toBe(false);
    expect(matchesFilterPattern({ n: [1] }, { n: '1' })).toBe(false);
    expect(matchesFilterPattern({ flag: [true] }, { flag: true })).toBe(true);
    expect(matchesFilterPattern({ value: [null] }, { value: null })).toBe(true);
    expect(matchesFilterPattern({ value: [null] }, {})).toBe(false);
  });

  it('treats { exists: false } as "no leaf at this path", so an object there still counts as absent', () => {
    const noLeaf: FilterPattern = { weight: [{ exists: false }] };
    expect(matchesFilterPattern(noLeaf, {})).toBe(true);
    expect(matchesFilterPattern(noLeaf, { weight: '0.5' })).toBe(false);
    // The pitfall: in a typed stream image `weight` is an object, so this pattern cannot see it.
    expect(matchesFilterPattern(noLeaf, { weight: { N: '0.5' } })).toBe(true);
    expect(matchesFilterPattern({ weight: { N: [{ exists: false }] } }, { weight: { N: '0.5' } })).toBe(false);
  });

  it('treats { exists: true } as "a leaf is present"', () => {
    expect(matchesFilterPattern({ weight: { N: [{ exists: true }] } }, { weight: { N: '0' } })).toBe(true);
    expect(matchesFilterPattern({ weight: { N: [{ exists: true }] } }, { weight: {} })).toBe(false);
    expect(matchesFilterPattern({ weight: [{ exists: true }] }, { weight: { N: '0' } })).toBe(false);
  });

  it('matches an array of leaves when any element matches', () => {
    expect(matchesFilterPattern({ tags: ['b'] }, { tags: ['a', 'b'] })).toBe(true);
    expect(matchesFilterPattern({ tags: ['c'] }, { tags: ['a', 'b'] })).toBe(false);
  });

  it('never matches a leaf value against an object or a nested pattern against a leaf', () => {
    expect(matchesFilterPattern({ entity: ['observation'] }, { entity: { S: 'observation' } })).toBe(false);
    expect(matchesFilterPattern({ entity: { S: ['observation'] } }, { entity: 'observation' })).toBe(false);
  });

  it('treats { anything-but: [...] } as "a present leaf equal to none of these"', () => {
    const pattern: FilterPattern = { version: { S: [{ 'anything-but': ['v2'] }] } };
    expect(matchesFilterPattern(pattern, { version: { S: 'v1' } })).toBe(true);
    expect(matchesFilterPattern(pattern, { version: { S: 'v2' } })).toBe(false);
    expect(matchesFilterPattern(pattern, {})).toBe(false);
    expect(matchesFilterPattern(pattern, { version: {} })).toBe(false);
    const nested = { version: [{ 'anything-but': { prefix: 'v' } }] } as unknown as FilterPattern;
    expect(() => matchesFilterPattern(nested, { version: 'v1' })).toThrow(/`version` uses \{"anything-but"/);
  });

  it('rejects operators it does not implement and empty value lists, naming the field', () => {
    const prefix = { sk: [{ prefix: 'WEEK#' }] } as unknown as FilterPattern;
    expect(() => matchesFilterPattern(prefix, { sk: 'WEEK#2026-W47' })).toThrow(FilterPatternError);
    expect(() => matchesFilterPattern(prefix, { sk: 'WEEK#2026-W47' })).toThrow(/`sk` uses \{"prefix":"WEEK#"\}/);
    expect(() => matchesFilterPattern({ eventName: [] }, { eventName: 'INSERT' })).toThrow(/`eventName` has an empty/);
  });
});

describe('matchesAnyFilterPattern', () => {
  it('ORs the patterns, as Lambda does with the filters of one mapping', () => {
    const patterns: FilterPattern[] = [{ eventName: ['INSERT'] }, { eventName: ['MODIFY'], changed: ['yes'] }];
    expect(matchesAnyFilterPattern(patterns, { eventName: 'INSERT' })).toBe(true);
    expect(matchesAnyFilterPattern(patterns, { eventName: 'MODIFY', changed: 'yes' })).toBe(true);
    expect(matchesAnyFilterPattern(patterns, { eventName: 'MODIFY', changed: 'no' })).toBe(false);
    expect(matchesAnyFilterPattern([], { eventName: 'INSERT' })).toBe(false);
  });
});
