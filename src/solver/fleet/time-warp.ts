/**
 * Time-warp segments (Nagata, Bräysy and Dullaert 2010; concatenation as in Vidal et al. 2013, "A hybrid
 * genetic algorithm with adaptive diversity management", section 4): a visit sequence is summarised by four
 * numbers, so the time-window violation of any route built from a prefix, a few nodes and a suffix is
 * known in O(1) per concatenation.
 *
 * A segment is stored as four consecutive numbers of a Float64Array:
 *   D  duration (service, driving and waiting from the first service start to the last service end),
 *   TW time warp (total lateness absorbed by travelling back in time; 0 iff the sequence is feasible),
 *   E  earliest start of the first service that gives duration D and time warp TW,
 *   L  latest start of the first service that gives them.
 * A single node is (service, 0, window open, window close); a depot is (0, 0, shift start, shift end).
 */
export const SEG = 4;
export const D = 0;
export const TW = 1;
export const E = 2;
export const L = 3;

/**
 * out[o..o+4) = a[ao..] followed by b[bo..], where `t` is the driving time from the last node of a to the
 * first of b. Inputs are read before anything is written, so `out` may alias `a` or `b`.
 */
export function concatInto(
  out: Float64Array,
  o: number,
  a: Float64Array,
  ao: number,
  b: Float64Array,
  bo: number,
  t: number,
): void {
  const aD = a[ao]!;
  const aTW = a[ao + 1]!;
  const aE = a[ao + 2]!;
  const aL = a[ao + 3]!;
  const bD = b[bo]!;
  const bTW = b[bo + 1]!;
  const bE = b[bo + 2]!;
  const bL = b[bo + 3]!;
  const delta = aD - aTW + t;
  const wait = bE - delta - aL > 0 ? bE - delta - aL : 0;
  const warp = aE + delta - bL > 0 ? aE + delta - bL : 0;
  out[o] = aD + bD + t + wait;
  out[o + 1] = aTW + bTW + warp;
  out[o + 2] = (bE - delta > aE ? bE - delta : aE) - wait;
  out[o + 3] = (bL - delta < aL ? bL - delta : aL) + warp;
}

/**
 * The time warp of concatInto(a[ao..], b[bo..], t) alone, without writing a segment: the same operations in
 * the same order, so the value is identical to the bit. For the hot scans that only compare time warp.
 */
export function joinWarp(a: Float64Array, ao: number, b: Float64Array, bo: number, t: number): number {
  const aTW = a[ao + 1]!;
  const delta = a[ao]! - aTW + t;
  const over = a[ao + 2]! + delta - b[bo + 3]!;
  return aTW + b[bo + 1]! + (over > 0 ? over : 0);
}

/**
 * The time warp of a[ao..] + x[xo..] + b[bo..] (t1 from a's last node to x's first, t2 from x's last to b's
 * first), as two concatInto calls would give it to the bit, without writing the segments.
 */
export function insertWarp(
  a: Float64Array,
  ao: number,
  x: Float64Array,
  xo: number,
  t1: number,
  b: Float64Array,
  bo: number,
  t2: number,
): number {
  const aD = a[ao]!;
  const aTW = a[ao + 1]!;
  const aE = a[ao + 2]!;
  const aL = a[ao + 3]!;
  const xE = x[xo + 2]!;
  const delta = aD - aTW + t1;
  const wait = xE - delta - aL > 0 ? xE - delta - aL : 0;
  const warp = aE + delta - x[xo + 3]! > 0 ? aE + delta - x[xo + 3]! : 0;
  const d = aD + x[xo]! + t1 + wait;
  const tw = aTW + x[xo + 1]! + warp;
  const e = (xE - delta > aE ? xE - delta : aE) - wait;
  const over = e + (d - tw + t2) - b[bo + 3]!;
  return tw + b[bo + 1]! + (over > 0 ? over : 0);
}
