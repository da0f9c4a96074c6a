import type { FleetState } from './fleet-state.ts';
import { insertWarp, joinWarp, SEG } from './time-warp.ts';

/**
 * The inter-route moves of route elimination (Nagata and Bräysy's N_near: relocations, exchange and both
 * 2-opt* reconnections of customer v in route A with customer w in route B, A != B), evaluated in O(1)
 * from prefix and suffix segments and applied by rebuilding the two routes.
 *   RELOCATE_AFTER   v leaves A and follows w in B
 *   RELOCATE_BEFORE  v leaves A and precedes w in B
 *   EXCHANGE         v and w swap places
 *   CROSS_VW         A = A[..v] + B[w..],   B = B[..before w] + A[after v..]
 *   CROSS_WV         B = B[..w] + A[v..],   A = A[..before v] + B[after w..]
 */
export const RELOCATE_AFTER = 0;
export const RELOCATE_BEFORE = 1;
export const EXCHANGE = 2;
export const CROSS_VW = 3;
export const CROSS_WV = 4;
export const MOVE_KINDS = 5;

/** Time warp and capacity excess of both routes after a move (A: v's route, B: w's route). */
export interface MoveOutcome {
  twA: number;
  twB: number;
  excessA: number;
  excessB: number;
}

export const newOutcome = (): MoveOutcome => ({ twA: 0, twB: 0, excessA: 0, excessB: 0 });

/** Time warp of prefix(ra, upto p) + node k + suffix(rb, from q): insertion when ra = rb and q = p + 1. */
export function warpWith(st: FleetState, ra: number, p: number, k: number, rb: number, q: number): number {
  const m = st.model;
  const n1 = m.n + 1;
  const a = st.seqs[ra]![p]!;
  const b = st.seqs[rb]![q]!;
  return insertWarp(
    st.fwd[ra]!,
    SEG * p,
    m.nodeSeg,
    SEG * k,
    m.time[a * n1 + k]!,
    st.bwd[rb]!,
    SEG * q,
    m.time[k * n1 + b]!,
  );
}

/** Time warp of prefix(ra, upto p) + suffix(rb, from q). */
export function warpJoin(st: FleetState, ra: number, p: number, rb: number, q: number): number {
  const m = st.model;
  const t = m.time[st.seqs[ra]![p]! * (m.n + 1) + st.seqs[rb]![q]!]!;
  return joinWarp(st.fwd[ra]!, SEG * p, st.bwd[rb]!, SEG * q, t);
}

/** Fills `out` for the move; v and w are node ids in different non-empty routes. */
export function evaluateMove(st: FleetState, kind: number, v: number, w: number, out: MoveOutcome): void {
  const m = st.model;
  const dims = m.dims;
  const ra = st.routeOf[v]!;
  const rb = st.routeOf[w]!;
  const i = st.posOf[v]!;
  const j = st.posOf[w]!;
  const preA = st.pre[ra]!;
  const preB = st.pre[rb]!;
  const endA = (st.seqs[ra]!.length - 1) * dims;
  const endB = (st.seqs[rb]!.length - 1) * dims;
  let exA = 0;
  let exB = 0;
  for (let d = 0; d < dims; d++) {
    const totA = preA[endA + d]!;
    const totB = preB[endB + d]!;
    const qv = m.load[v * dims + d]!;
    const qw = m.load[w * dims + d]!;
    let la: number;
    let lb: number;
    if (kind === RELOCATE_AFTER || kind === RELOCATE_BEFORE) {
      la = totA - qv;
      lb = totB + qv;
    } else if (kind === EXCHANGE) {
      la = totA - qv + qw;
      lb = totB - qw + qv;
    } else if (kind === CROSS_VW) {
      la = preA[i * dims + d]! + totB - preB[(j - 1) * dims + d]!;
      lb = preB[(j - 1) * dims + d]! + totA - preA[i * dims + d]!;
    } else {
      lb = preB[j * dims + d]! + totA - preA[(i - 1) * dims + d]!;
      la = preA[(i - 1) * dims + d]! + totB - preB[j * dims + d]!;
    }
    const cap = m.capacity[d]!;
    if (la > cap) exA += la - cap;
    if (lb > cap) exB += lb - cap;
  }
  out.excessA = exA;
  out.excessB = exB;
  if (kind === RELOCATE_AFTER) {
    out.twA = warpJoin(st, ra, i - 1, ra, i + 1);
    out.twB = warpWith(st, rb, j, v, rb, j + 1);
  } else if (kind === RELOCATE_BEFORE) {
    out.twA = warpJoin(st, ra, i - 1, ra, i + 1);
    out.twB = warpWith(st, rb, j - 1, v, rb, j);
  } else if (kind === EXCHANGE) {
    out.twA = warpWith(st, ra, i - 1, w, ra, i + 1);
    out.twB = warpWith(st, rb, j - 1, v, rb, j + 1);
  } else if (kind === CROSS_VW) {
    out.twA = warpJoin(st, ra, i, rb, j);
    out.twB = warpJoin(st, rb, j - 1, ra, i + 1);
  } else {
    out.twB = warpJoin(st, rb, j, ra, i);
    out.twA = warpJoin(st, ra, i - 1, rb, j + 1);
  }
}

/** Applies the move (journal both routes first with st.save when it may be undone). */
export function applyMove(st: FleetState, kind: number, v: number, w: number): void {
  const ra = st.routeOf[v]!;
  const rb = st.routeOf[w]!;
  const a = st.seqs[ra]!;
  const b = st.seqs[rb]!;
  const i = st.posOf[v]!;
  const j = st.posOf[w]!;
  let na: number[];
  let nb: number[];
  if (kind === RELOCATE_AFTER) {
    na = [...a.slice(0, i), ...a.slice(i + 1)];
    nb = [...b.slice(0, j + 1), v, ...b.slice(j + 1)];
  } else if (kind === RELOCATE_BEFORE) {
    na = [...a.slice(0, i), ...a.slice(i + 1)];
    nb = [...b.slice(0, j), v, ...b.slice(j)];
  } else if (kind === EXCHANGE) {
    na = [...a.slice(0, i), w, ...a.slice(i + 1)];
    nb = [...b.slice(0, j), v, ...b.slice(j + 1)];
  } else if (kind === CROSS_VW) {
    na = [...a.slice(0, i + 1), ...b.slice(j)];
    nb = [...b.slice(0, j), ...a.slice(i + 1)];
  } else {
    nb = [...b.slice(0, j + 1), ...a.slice(i)];
    na = [...a.slice(0, i), ...b.slice(j + 1)];
  }
  st.set(ra, na);
  st.set(rb, nb);
}

/** Inserts node k into route r after position p. */
export function insertNode(st: FleetState, r: number, p: number, k: number): void {
  const s = st.seqs[r]!;
  st.set(r, [...s.slice(0, p + 1), k, ...s.slice(p + 1)]);
}

/** Change of arc cost (distance and driving time) made by the move. */
export function costDelta(st: FleetState, kind: number, v: number, w: number): number {
  const m = st.model;
  const n1 = m.n + 1;
  const c = m.cost;
  const a = st.seqs[st.routeOf[v]!]!;
  const b = st.seqs[st.routeOf[w]!]!;
  const i = st.posOf[v]!;
  const j = st.posOf[w]!;
  const ap = a[i - 1]!;
  const an = a[i + 1]!;
  const bp = b[j - 1]!;
  const bn = b[j + 1]!;
  const out = c[ap * n1 + v]! + c[v * n1 + an]! - c[ap * n1 + an]!;
  if (kind === RELOCATE_AFTER) return c[w * n1 + v]! + c[v * n1 + bn]! - c[w * n1 + bn]! - out;
  if (kind === RELOCATE_BEFORE) return c[bp * n1 + v]! + c[v * n1 + w]! - c[bp * n1 + w]! - out;
  if (kind === EXCHANGE)
    return (
      c[ap * n1 + w]! +
      c[w * n1 + an]! -
      c[ap * n1 + v]! -
      c[v * n1 + an]! +
      c[bp * n1 + v]! +
      c[v * n1 + bn]! -
      c[bp * n1 + w]! -
      c[w * n1 + bn]!
    );
  if (kind === CROSS_VW) return c[v * n1 + w]! + c[bp * n1 + an]! - c[v * n1 + an]! - c[bp * n1 + w]!;
  return c[w * n1 + v]! + c[ap * n1 + bn]! - c[ap * n1 + v]! - c[w * n1 + bn]!;
}
