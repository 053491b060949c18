import { OBSERVATION_ENTITY } from '@celebrity-pipeline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  enrichmentFor,
  matchesFilterPattern,
  matchesStreamFilters,
  PROCESSOR_VERSION,
  rescoreRecord,
  STREAM_FILTER_PATTERNS,
} from '../../src/index.js';
import { weekItems } from '../helpers/items.js';
import {
  dynamodbStreamRecord,
  enrichmentModifyRecord,
  insertRecord,
  rescrapeModifyRecord,
} from '../helpers/stream-records.js';

const NOW = new Date('2026-11-22T02:05:00.000Z');
const [item, replacement] = weekItems(2);
if (item === undefined || replacement === undefined) throw new Error('weekItems(2) returned fewer items');

describe('STREAM_FILTER_PATTERNS', () => {
  it('serialises to the JSON Lambda FilterCriteria expects: typed values, exists on the leaf weight.N', () => {
    expect(STREAM_FILTER_PATTERNS.map((pattern) => JSON.stringify(pattern))).toEqual([
      '{"eventName":["INSERT"],"dynamodb":{"NewImage":{"entity":{"S":["observation"]}}}}',
      '{"eventName":["MODIFY"],"dynamodb":{"NewImage":{"entity":{"S":["observation"]},"weight":{"N":[{"exists":false}]}}}}',
      `{"eventName":["MODIFY"],"dynamodb":{"NewImage":{"entity":{"S":["observation"]},"weight":{"N":[{"exists":true}]},"processor_version":{"S":[{"anything-but":["${PROCESSOR_VERSION}"]}]}}}}`,
    ]);
    expect(OBSERVATION_ENTITY).toBe('observation');
  });

  it('is frozen, so no user can change the definition the others rely on', () => {
    expect(Object.isFrozen(STREAM_FILTER_PATTERNS)).toBe(true);
    expect(Object.isFrozen(STREAM_FILTER_PATTERNS[1]?.dynamodb)).toBe(true);
  });
});

describe('matchesStreamFilters', () => {
  it("accepts a scraper's INSERT of an observation", () => {
    expect(matchesStreamFilters(insertRecord(item))).toBe(true);
  });

  it("rejects the post-processor's own MODIFY (its new image carries weight): no loop", () => {
    expect(matchesStreamFilters(enrichmentModifyRecord(item, enrichmentFor(item, NOW)))).toBe(false);
  });

  it("accepts a re-scrape's MODIFY (the Put replaced the enriched item, so the new image has no weight)", () => {
    const enriched = { ...item, ...enrichmentFor(item, NOW), enriched_hash: item.content_hash };
    expect(matchesStreamFilters(rescrapeModifyRecord(enriched, replacement))).toBe(true);
  });

  it('rejects the own MODIFY whatever the weight, including 0 (stored as the string "0")', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (weight) => {
        const enrichment = { ...enrichmentFor(item, NOW), weight };
        return !matchesStreamFilters(enrichmentModifyRecord(item, enrichment));
      }),
      { numRuns: 200 },
    );
  });

  it('lets an item enriched by another processor_version through once: its re-enrichment is filtered out', () => {
    const outdated = {
      ...item,
      ...enrichmentFor(item, NOW, 'post-processor@0.0.1+weight@0'),
      enriched_hash: item.content_hash,
    };
    expect(matchesStreamFilters(dynamodbStreamRecord(outdated, { eventName: 'MODIFY', oldImage: item }))).toBe(true);
    expect(matchesStreamFilters(rescoreRecord(outdated, 1))).toBe(true);
    const current = { ...outdated, ...enrichmentFor(item, NOW) };
    expect(matchesStreamFilters(dynamodbStreamRecord(current, { eventName: 'MODIFY', oldImage: outdated }))).toBe(
      false,
    );
    expect(matchesStreamFilters(rescoreRecord(current, 2))).toBe(false);
  });

  it('rejects celebrity-week summaries, whatever they hold', () => {
    const summary = { pk: item.pk, sk: 'WEEK#2026-W47#SUMMARY', entity: 'celebrity-week', score: 0.4, weight: 0.2 };
    expect(matchesStreamFilters(dynamodbStreamRecord(summary, { eventName: 'INSERT' }))).toBe(false);
    expect(matchesStreamFilters(dynamodbStreamRecord(summary, { eventName: 'MODIFY', oldImage: summary }))).toBe(false);
  });

  it('rejects REMOVE records and items that are not observations', () => {
    expect(matchesStreamFilters(dynamodbStreamRecord(undefined, { eventName: 'REMOVE', oldImage: item }))).toBe(false);
    expect(matchesStreamFilters(dynamodbStreamRecord({ ...item, entity: 'run-summary' }))).toBe(false);
    expect(matchesStreamFilters(dynamodbStreamRecord({ pk: item.pk, sk: item.sk }))).toBe(false);
  });

  it('would loop with the naive `weight: [{ exists: false }]` test, which is why the pattern tests weight.N', () => {
    const ownModify = enrichmentModifyRecord(item, enrichmentFor(item, NOW));
    const naive = { eventName: ['MODIFY'], dynamodb: { NewImage: { weight: [{ exists: false }] } } };
    expect(JSON.stringify(STREAM_FILTER_PATTERNS)).not.toContain('"weight":[');
    expect(matchesStreamFilters(ownModify)).toBe(false);
    expect(matchesFilterPattern(naive, ownModify)).toBe(true);
  });
});
