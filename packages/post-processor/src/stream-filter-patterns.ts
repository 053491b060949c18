import { OBSERVATION_ENTITY } from '@celebrity-pipeline/core';
import { type FilterPattern, matchesAnyFilterPattern } from './event-pattern.js';
import { PROCESSOR_VERSION } from './processor-version.js';

/** An observation item appeared: a scraper wrote it for the first time this week. */
const INSERTED_OBSERVATION = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: [OBSERVATION_ENTITY] } } },
} as const satisfies FilterPattern;

/**
 * An observation item was replaced by a re-scrape with new content: the writer's Put drops the enrichment, so
 * the new image has no `weight`. The post-processor's own UpdateItem always sets `weight`, so its MODIFY records
 * never match (no loop). Stream images are typed (`{ "N": "0.42" }`): the test is on the leaf `weight.N`, since
 * `exists` ignores intermediate objects.
 */
const REPLACED_OBSERVATION = {
  eventName: ['MODIFY'],
  dynamodb: { NewImage: { entity: { S: [OBSERVATION_ENTITY] }, weight: { N: [{ exists: false }] } } },
} as const satisfies FilterPattern;

/**
 * An enriched observation whose `processor_version` is not `processorVersion`: enriched by another release of
 * the post-processor or another weight formula, so it is re-scored once. `rescore` hands stored items to the
 * post-processor as such records; the re-enrichment writes `processorVersion`, so its own MODIFY no longer
 * matches (no loop).
 */
function outdatedObservation(processorVersion: string) {
  return {
    eventName: ['MODIFY'],
    dynamodb: {
      NewImage: {
        entity: { S: [OBSERVATION_ENTITY] },
        weight: { N: [{ exists: true }] },
        processor_version: { S: [{ 'anything-but': [processorVersion] }] },
      },
    },
  } as const satisfies FilterPattern;
}

/**
 * The filter patterns of a post-processor writing `processorVersion`: new observations, observations a
 * re-scrape replaced, and observations enriched by another version. Everything else (REMOVE records,
 * celebrity-week summaries and other entities, the post-processor's own MODIFY records) never reaches it.
 */
export function streamFilterPatterns(processorVersion: string): readonly FilterPattern[] {
  return Object.freeze([
    deepFreeze(INSERTED_OBSERVATION),
    deepFreeze(REPLACED_OBSERVATION),
    deepFreeze(outdatedObservation(processorVersion)),
  ]);
}

/**
 * The event source mapping's filter patterns for this build's {@link PROCESSOR_VERSION}, as data: infra passes
 * each through CDK's `FilterCriteria.filter(pattern)` and the local stream poller applies them with
 * {@link matchesStreamFilters}.
 */
export const STREAM_FILTER_PATTERNS: readonly FilterPattern[] = streamFilterPatterns(PROCESSOR_VERSION);

/**
 * True when a DynamoDB stream record passes {@link STREAM_FILTER_PATTERNS}, with Lambda's semantics: what the
 * local poller uses to decide which records to hand to the handler, so local and AWS filter alike.
 * @example matchesStreamFilters({ eventName: 'REMOVE', dynamodb: {} }) // false
 */
export function matchesStreamFilters(record: unknown): boolean {
  return matchesAnyFilterPattern(STREAM_FILTER_PATTERNS, record);
}

function deepFreeze<T extends object>(value: T): T {
  for (const nested of Object.values(value)) if (typeof nested === 'object' && nested !== null) deepFreeze(nested);
  return Object.freeze(value);
}
