import type { FleetState } from './fleet-state.ts';
import type { MoveOutcome } from './moves.ts';
import { concatInto, insertWarp, joinWarp, SEG } from './time-warp.ts';

/**
 * Relocation of two consecutive customers (HGS's moves M2 and M3, an or-opt of length 2): customer v and
 * its successor x leave route A and go next to customer w in route B (A != B), kept in order or reversed,
 * evaluated in O(1) from prefix and suffix segments.
 *   PAIR_AFTER            B = B[..w] + v x + B[after w..]
 *   PAIR_AFTER_REVERSED   B = B[..w] + x v + B[after w..]
 *   PAIR_BEFORE           B = B[..before w] + v x + B[w..]
 *   PAIR_BEFORE_REVERSED  B = B[..before w] + x v + B[w..]
 * Not applicable (`pairApplies` false) when v is the last customer of its route.
 */
export const PAIR_AFTER = 0;
export const PAIR_AFTER_REVERSED = 1;
export const PAIR_BEFORE = 2;
export const PAIR_BEFORE_REVERSED = 3;
export const PAIR_KINDS = 4;

const tmp = new Float64Array(SEG);

export function pairApplies(st: FleetState, v: number): boolean {
  return st.seqs[st.routeOf[v]!]![st.posOf[v]! + 1]! !== 0;
}

/** The two routes, v's position, the position in B after which the pair goes, and the pair in order. */
interface PairPlacement {
  readonly ra: number;
  readonly rb: number;
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly i: number;
  readonly p: number;
  readonly first: number;
  readonly second: number;
}

function placement(st: FleetState, kind: number, v: number, w: number): PairPlacement {
  const ra = st.routeOf[v]!;
  const rb = st.routeOf[w]!;
  const a = st.seqs[ra]!;
  const i = st.posOf[v]!;
  const x = a[i + 1]!;
  const p = pairAfter(kind, st.posOf[w]!);
  const reversed = pairReversed(kind);
  return { ra, rb, a, b: st.seqs[rb]!, i, p, first: reversed ? x : v, second: reversed ? v : x };
}

/** The position in B after which the pair goes, w being at position j. */
const pairAfter = (kind: number, j: number): number =>
  kind === PAIR_AFTER || kind === PAIR_AFTER_REVERSED ? j : j - 1;

/** Whether the pair goes in reversed (its second customer first). */
const pairReversed = (kind: number): boolean => kind === PAIR_AFTER_REVERSED || kind === PAIR_BEFORE_REVERSED;

/** Fills `out` for the move (A: v's route, B: w's route); v must have a customer after it. */
export function evaluatePairMove(st: FleetState, kind: number, v: number, w: number, out: MoveOutcome): void {
  const m = st.model;
  const n1 = m.n + 1;
  const dims = m.dims;
  const { ra, rb, a, b, i, p, first, second } = placement(st, kind, v, w);
  let exA = 0;
  let exB = 0;
  for (let d = 0; d < dims; d++) {
    const q = m.load[v * dims + d]! + m.load[a[i + 1]! * dims + d]!;
    const la = st.loadOf(ra, d) - q;
    const lb = st.loadOf(rb, d) + q;
    const cap = m.capacity[d]!;
    if (la > cap) exA += la - cap;
    if (lb > cap) exB += lb - cap;
  }
  out.excessA = exA;
  out.excessB = exB;
  out.twA = joinWarp(
    st.fwd[ra]!,
    SEG * (i - 1),
    st.bwd[ra]!,
    SEG * (i + 2),
    m.time[a[i - 1]! * n1 + a[i + 2]!]!,
  );
  concatInto(tmp, 0, st.fwd[rb]!, SEG * p, m.nodeSeg, SEG * first, m.time[b[p]! * n1 + first]!);
  out.twB = insertWarp(
    tmp,
    0,
    m.nodeSeg,
    SEG * second,
    m.time[first * n1 + second]!,
    st.bwd[rb]!,
    SEG * (p + 1),
    m.time[second * n1 + b[p + 1]!]!,
  );
}

/**
 * Change of arc cost made by the move. Read in place, not through `placement`: it screens every pair move, so it
 * allocates nothing.
 */
export function pairCostDelta(st: FleetState, kind: number, v: number, w: number): number {
  const m = st.model;
  const n1 = m.n + 1;
  const c = m.cost;
  const a = st.seqs[st.routeOf[v]!]!;
  const b = st.seqs[st.routeOf[w]!]!;
  const i = st.posOf[v]!;
  const p = pairAfter(kind, st.posOf[w]!);
  const x = a[i + 1]!;
  const reversed = pairReversed(kind);
  const first = reversed ? x : v;
  const second = reversed ? v : x;
  const ap = a[i - 1]!;
  const an = a[i + 2]!;
  const bp = b[p]!;
  const bn = b[p + 1]!;
  const out = c[ap * n1 + v]! + c[v * n1 + x]! + c[x * n1 + an]! - c[ap * n1 + an]!;
  const into = c[bp * n1 + first]! + c[first * n1 + second]! + c[second * n1 + bn]! - c[bp * n1 + bn]!;
  return into - out;
}

/** Applies the move (journal both routes first with st.save when it may be undone). */
export function applyPairMove(st: FleetState, kind: number, v: number, w: number): void {
  const { ra, rb, a, b, i, p, first, second } = placement(st, kind, v, w);
  st.set(rb, [...b.slice(0, p + 1), first, second, ...b.slice(p + 1)]);
  st.set(ra, [...a.slice(0, i), ...a.slice(i + 2)]);
}
