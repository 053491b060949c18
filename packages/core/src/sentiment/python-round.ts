/**
 * Python 3's `round(x, digits)` for `digits` in 0..15: the exact binary value of `x` rounded to `digits`
 * decimals, ties to even, read back as the nearest double.
 *
 * `Number.prototype.toFixed` also rounds the exact binary value, so it agrees with Python everywhere except on
 * exact ties, where it rounds away from zero. A double lies exactly halfway between two `digits`-decimal
 * numbers only when `x * 2^(digits + 1)` is an odd integer (`0.0625` at 3 digits), so ties are detected exactly
 * and resolved to the even neighbour.
 * @example pythonRound(0.0625, 3) // 0.062 (toFixed gives 0.063)
 */
export function pythonRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** digits;
  const scaled = x * scale;
  const fraction = scaled - Math.floor(scaled);
  // Far from a half (the product's rounding error is ~1e-12 here), plain rounding is exact and much cheaper.
  if (Math.abs(fraction - 0.5) > 1e-7 && Math.abs(scaled) < 1e6) return Math.round(scaled) / scale;
  const magnitude = Math.abs(x);
  const scaledToTie = magnitude * 2 ** (digits + 1);
  if (Number.isInteger(scaledToTie) && scaledToTie % 2 === 1) {
    const lower = Math.floor(magnitude * 10 ** digits);
    const even = lower % 2 === 0 ? lower : lower + 1;
    return Math.sign(x) * (even / 10 ** digits);
  }
  return Number(x.toFixed(digits));
}
