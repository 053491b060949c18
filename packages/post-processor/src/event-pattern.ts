import { PostProcessorError } from './errors.js';

/**
 * One accepted value of a Lambda event filter (the EventBridge pattern syntax): an exact value,
 * `{ exists: boolean }`, which tests whether a *leaf* value is present at that path, or
 * `{ 'anything-but': [...] }`, a present leaf equal to none of the listed values.
 */
export type FilterPatternValue =
  | string
  | number
  | boolean
  | null
  | { readonly exists: boolean }
  | { readonly 'anything-but': readonly (string | number)[] };

/**
 * A Lambda `FilterCriteria` pattern as plain data: nested objects follow the record's fields, arrays list the
 * accepted values of a leaf (any one of them matches). Serialise with `JSON.stringify` for the service.
 */
export interface FilterPattern {
  readonly [field: string]: readonly FilterPatternValue[] | FilterPattern;
}

/** A pattern uses syntax {@link matchesFilterPattern} does not implement, or is malformed. */
export class FilterPatternError extends PostProcessorError {
  override name = 'FilterPatternError';
}

/**
 * True when `event` matches `pattern` with Lambda event filtering semantics, for the subset of the syntax this
 * package uses (exact values, `exists` and `anything-but` with a list of exact values):
 * - every field of the pattern must match (AND); a leaf matches when any listed value matches (OR);
 * - a missing field is `undefined`, so only `{ exists: false }` can match it;
 * - `exists` looks at leaves only: an object at that path counts as no leaf (this is why the "no weight" test
 *   is written on `weight.N`, the leaf, and not on `weight`, which is an object in a stream image);
 * - `anything-but` matches a present leaf equal to none of its values (never a missing field: the patterns here
 *   pair it with an `exists: true` test of another attribute written in the same update);
 * - when the event holds an array of leaves, any element may match.
 * @throws FilterPatternError for other operators (prefix, numeric, nested anything-but...) or empty lists.
 */
export function matchesFilterPattern(pattern: FilterPattern, event: unknown): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = fieldOf(event, field);
    return isValueList(expected) ? matchesLeaf(expected, actual, field) : matchesFilterPattern(expected, actual);
  });
}

/** True when `event` matches at least one of `patterns` (Lambda ORs the filters of one event source mapping). */
export function matchesAnyFilterPattern(patterns: readonly FilterPattern[], event: unknown): boolean {
  return patterns.some((pattern) => matchesFilterPattern(pattern, event));
}

function isValueList(value: readonly FilterPatternValue[] | FilterPattern): value is readonly FilterPatternValue[] {
  return Array.isArray(value);
}

function fieldOf(event: unknown, field: string): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return undefined;
  return (event as Record<string, unknown>)[field];
}

function isLeaf(value: unknown): boolean {
  return value !== undefined && (typeof value !== 'object' || value === null);
}

function matchesLeaf(expected: readonly FilterPatternValue[], actual: unknown, field: string): boolean {
  if (expected.length === 0) throw new FilterPatternError(`Filter pattern field \`${field}\` has an empty value list`);
  const candidates = Array.isArray(actual) ? actual : [actual];
  return expected.some((value) => {
    if (typeof value === 'object' && value !== null) return matchesOperator(value, candidates, field);
    return candidates.some((candidate) => isLeaf(candidate) && candidate === value);
  });
}

function matchesOperator(operator: object, candidates: readonly unknown[], field: string): boolean {
  const names = Object.keys(operator);
  const exists = (operator as { exists?: unknown }).exists;
  const excluded = (operator as { 'anything-but'?: unknown })['anything-but'];
  if (names.length === 1 && typeof exists === 'boolean') {
    const hasLeaf = candidates.some(isLeaf);
    return exists ? hasLeaf : !hasLeaf;
  }
  if (names.length === 1 && isExactValueList(excluded)) {
    return candidates.some((candidate) => isLeaf(candidate) && !excluded.includes(candidate as string | number));
  }
  throw new FilterPatternError(
    `Filter pattern field \`${field}\` uses ${JSON.stringify(operator)}; only exact values, { "exists": true|false } and { "anything-but": [values] } are implemented`,
  );
}

function isExactValueList(value: unknown): value is readonly (string | number)[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((entry) => typeof entry === 'string' || typeof entry === 'number')
  );
}
