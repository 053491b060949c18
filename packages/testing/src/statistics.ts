/**
 * The median of `values` (the mean of the two middle values for an even count); `NaN` for none. For benchmarks and
 * timing tests: import it from `@celebrity-pipeline/testing/statistics`, which loads nothing of vitest.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
