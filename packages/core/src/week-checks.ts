import { type CelebrityItem, isEnriched } from './item.js';

/** The spec's Phase 4C threshold: items missing weight or sentiment after a run "should be minimal (< 10 entries)". */
export const MAXIMUM_UNENRICHED_ITEMS = 10;

/**
 * The Phase 4C checks over one week's items, by stable id (what `verify`, the local cycle and the report select
 * them by; the `name` is for people and may change).
 */
export const WEEK_CHECK_IDS = ['items-written', 'items-enriched', 'weights-in-range'] as const;
export type WeekCheckId = (typeof WEEK_CHECK_IDS)[number];

/** One PASS/FAIL line of a verification, identified by `id`. */
export interface Check<Id extends string = string> {
  id: Id;
  name: string;
  isPassed: boolean;
  detail: string;
}

/** Weight min/max/avg over the enriched items, rounded to 4 decimals; `null` when none carries a weight. */
export interface WeightStatistics {
  min: number;
  max: number;
  avg: number;
}

/** Input of {@link weekChecks}: the week's items and how many were expected (celebrities × sources). */
export interface WeekChecksInput {
  items: readonly CelebrityItem[];
  expectedItems: number;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The spec's `jq '{min, max, avg}'` over the items' weights. Pure. */
export function weightStatistics(items: readonly Pick<CelebrityItem, 'weight'>[]): WeightStatistics | null {
  const weights = items.flatMap((item) => (item.weight === undefined ? [] : [item.weight]));
  if (weights.length === 0) return null;
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return { min: round(Math.min(...weights)), max: round(Math.max(...weights)), avg: round(sum / weights.length) };
}

/** Phase 4C step 2: every expected item of the week is in the table. */
export function itemsWrittenCheck({ items, expectedItems }: WeekChecksInput): Check<'items-written'> {
  return {
    id: 'items-written',
    name: 'items written',
    isPassed: items.length === expectedItems,
    detail: `${items.length} of ${expectedItems} expected`,
  };
}

/** Phase 4C step 2: fewer than {@link MAXIMUM_UNENRICHED_ITEMS} items lack weight or sentiment. */
export function itemsEnrichedCheck({ items }: Pick<WeekChecksInput, 'items'>): Check<'items-enriched'> {
  const enriched = items.filter(isEnriched).length;
  const unenriched = items.length - enriched;
  return {
    id: 'items-enriched',
    name: 'items enriched (weight and sentiment)',
    isPassed: unenriched < MAXIMUM_UNENRICHED_ITEMS,
    detail: `${enriched} enriched, ${unenriched} un-enriched (must be < ${MAXIMUM_UNENRICHED_ITEMS})`,
  };
}

/** Phase 4C step 3: the weights lie within [0, 1] (and there are some). */
export function weightsInRangeCheck({ items }: Pick<WeekChecksInput, 'items'>): Check<'weights-in-range'> {
  const weight = weightStatistics(items);
  return {
    id: 'weights-in-range',
    name: 'weights within [0, 1]',
    isPassed: weight !== null && weight.min >= 0 && weight.max <= 1,
    detail: weight ? `min ${weight.min}, max ${weight.max}, avg ${weight.avg}` : 'no weight at all',
  };
}

/**
 * The spec's Phase 4C checks of one week, in {@link WEEK_CHECK_IDS} order. Pure: no client, no clock.
 * @example weekChecks({ items, expectedItems: 400 }).every((check) => check.isPassed)
 */
export function weekChecks(input: WeekChecksInput): Check<WeekCheckId>[] {
  return [itemsWrittenCheck(input), itemsEnrichedCheck(input), weightsInRangeCheck(input)];
}

/** The checks that ids require and `checks` lacks: a check dropped from a verification is a failure, not a pass. */
export function missingCheckIds(checks: readonly Pick<Check, 'id'>[], requiredIds: readonly string[]): string[] {
  const present = new Set(checks.map((check) => check.id));
  return requiredIds.filter((id) => !present.has(id));
}
