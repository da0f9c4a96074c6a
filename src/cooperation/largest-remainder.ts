import { InternalError } from '../domain/errors.ts';

/**
 * Splits an integer total into integer parts proportional to `weights`, summing to the total exactly
 * (Hamilton's largest-remainder method): each part is the floor of its exact quota, and the units left over go
 * to the largest fractional remainders, ties to the lower index so the result is a function of the input.
 * Weights may be any finite numbers with a non-zero sum (cost shares can be negative).
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total))
    throw new InternalError('BROKEN_INVARIANT', `total ${total} is not a safe integer`);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || !Number.isFinite(sum) || sum === 0)
    throw new InternalError('BROKEN_INVARIANT', `cannot split ${total} by weights [${weights.join(', ')}]`);
  return roundToTotal(
    weights.map((w) => (total * w) / sum),
    total,
  );
}

/**
 * Rounds real values whose exact sum is the integer `total` to integers with that sum: floors, then one more
 * unit to the largest remainders (or one less from the smallest, when float error made the floors overshoot).
 * Values within 1e-6 of an integer are snapped first, so 12.9999999 from float noise counts as 13.
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const snapped = values.map((v) => (Math.abs(v - Math.round(v)) < 1e-6 ? Math.round(v) : v));
  const parts = snapped.map((v) => Math.floor(v));
  let left = total - parts.reduce((a, b) => a + b, 0);
  if (Math.abs(left) > values.length)
    throw new InternalError(
      'BROKEN_INVARIANT',
      `values sum to ${values.reduce((a, b) => a + b, 0)}, not ${total}`,
    );
  // Remainders are compared in millionths, so float noise (0.3333333 vs 0.3333334) cannot break a real tie:
  // ties go to the lower index.
  const byRemainder = snapped
    .map((v, i) => ({ i, r: Math.round((v - Math.floor(v)) * 1e6) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) parts[byRemainder[k]!.i]! += 1;
  for (
    let k = byRemainder.length - 1;
    left < 0;
    k = (k - 1 + byRemainder.length) % byRemainder.length, left++
  )
    parts[byRemainder[k]!.i]! -= 1;
  return parts;
}

/** Euros to whole cents, snapping float noise (0.1 + 0.2 is 30 cents). */
export function toCents(eur: number): number {
  return Math.round(eur * 100);
}
