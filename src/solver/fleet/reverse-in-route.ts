import type { FleetState } from './fleet-state.ts';
import { concatInto, insertWarp, SEG, TW } from './time-warp.ts';

/** Scratch: the reversed segment. */
const seg = new Float64Array(SEG);

/**
 * Intra-route 2-opt under time warp: the best reversal of a segment of v's route that starts or ends at v,
 * on arc cost + weight x time warp (the load does not change). A reversed segment's time warp cannot be read
 * from the route's forward segments, so it is grown one node at a time (at its front when the segment runs
 * from v onwards, at its back when it ends at v): all segments cost O(route length). Arc costs inside the
 * segment are summed both ways, so asymmetric costs are priced exactly. Applies the best reversal when it
 * lowers the penalised cost; returns whether it did.
 */
export function reverseInRoute(st: FleetState, v: number, warpWeight: number): boolean {
  const m = st.model;
  const n1 = m.n + 1;
  const c = m.cost;
  const t = m.time;
  const r = st.routeOf[v]!;
  const s = st.seqs[r]!;
  const i = st.posOf[v]!;
  const last = s.length - 2;
  const fwd = st.fwd[r]!;
  const bwd = st.bwd[r]!;
  const before = warpWeight * st.timeWarp(r);
  const eps = 1e-9;
  let routeArcs = 0;
  for (let p = 0; p + 1 < s.length; p++) routeArcs += c[s[p]! * n1 + s[p + 1]!]!;
  // Rounding room for the bound below, so it never cuts a reversal the full price would take.
  const slack = 1e-7 * (routeArcs + before + 1);
  let bestDelta = -eps;
  let bestFrom = -1;
  let bestTo = -1;
  // dir +1: segments s[i..j] (reversed, s[j] is visited first); dir -1: segments s[j..i] (v first).
  for (const dir of [1, -1]) {
    seg.set(m.nodeSeg.subarray(SEG * v, SEG * v + SEG), 0);
    let inside = 0;
    let insideReversed = 0;
    for (let j = i + dir; j >= 1 && j <= last; j += dir) {
      const from = Math.min(i, j);
      const to = Math.max(i, j);
      // The arc between s[j] and its neighbour already in the segment, in route order and reversed.
      const lo = dir > 0 ? j - 1 : j;
      inside += c[s[lo]! * n1 + s[lo + 1]!]!;
      insideReversed += c[s[lo + 1]! * n1 + s[lo]!]!;
      if (dir > 0) concatInto(seg, 0, m.nodeSeg, SEG * s[j]!, seg, 0, t[s[j]! * n1 + s[j - 1]!]!);
      else concatInto(seg, 0, seg, 0, m.nodeSeg, SEG * s[j]!, t[s[j + 1]! * n1 + s[j]!]!);
      // A reversal cannot save more arc cost than the route has, and growing the reversed segment never
      // lowers its own time warp: once that warp alone costs more, no longer segment this way can pay.
      if (warpWeight * seg[TW]! - before - routeArcs - slack >= bestDelta) break;
      const a = s[from - 1]!;
      const b = s[to + 1]!;
      const head = s[to]!;
      const tail = s[from]!;
      const arcs =
        c[a * n1 + head]! +
        c[tail * n1 + b]! -
        c[a * n1 + tail]! -
        c[head * n1 + b]! +
        insideReversed -
        inside;
      // The route's time warp is at least the reversed segment's own.
      if (arcs + warpWeight * seg[TW]! - before >= bestDelta) continue;
      const warp = insertWarp(
        fwd,
        SEG * (from - 1),
        seg,
        0,
        t[a * n1 + head]!,
        bwd,
        SEG * (to + 1),
        t[tail * n1 + b]!,
      );
      const delta = arcs + warpWeight * warp - before;
      if (delta < bestDelta) {
        bestDelta = delta;
        bestFrom = from;
        bestTo = to;
      }
    }
  }
  if (bestFrom < 0) return false;
  st.save(r);
  st.set(r, [...s.slice(0, bestFrom), ...s.slice(bestFrom, bestTo + 1).reverse(), ...s.slice(bestTo + 1)]);
  return true;
}
