import type { Rng } from '../rng.ts';
import type { StringRuinParams } from '../search/ruin-strings.ts';
import type { FleetState } from './fleet-state.ts';

/**
 * SISR's adjacent string removal (Christiaens and Vanden Berghe 2020, section 5) on the fleet state: from a
 * random seed customer, walk its nearest customers; in each route met for the first time, remove a string
 * of consecutive customers containing that customer, or (half the time) a split string that keeps a middle
 * part. Routes stay in place (possibly empty), every change is journaled with `st.save`. Returns the
 * removed nodes.
 */
export function ruinFleetStrings(st: FleetState, rng: Rng, params: StringRuinParams): number[] {
  const m = st.model;
  let customers = 0;
  let routes = 0;
  for (let r = 0; r < st.count; r++) {
    const s = st.size(r);
    customers += s;
    if (s > 0) routes++;
  }
  if (customers === 0) return [];
  const lsMax = Math.min(params.maxString, customers / routes);
  const ksMax = (4 * params.avgRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rng.next() * ksMax) + 1;
  let seed = rng.int(1, m.n);
  for (let tries = 0; st.routeOf[seed]! < 0 && tries < 4 * m.n; tries++) seed = rng.int(1, m.n);
  if (st.routeOf[seed]! < 0) return [];

  const removed: number[] = [];
  const ruinedRoutes = new Set<number>();
  const walk = [seed, ...m.near[seed]!];
  for (const c of walk) {
    if (ruinedRoutes.size >= ks) break;
    const r = st.routeOf[c]!;
    if (r < 0 || ruinedRoutes.has(r)) continue;
    ruinedRoutes.add(r);
    const seq = st.seqs[r]!;
    const len = seq.length - 2;
    const l = rng.int(1, Math.min(len, Math.max(1, Math.floor(lsMax))));
    const p = st.posOf[c]!;
    let from: number;
    let to: number;
    let keepFrom = 0;
    let keepTo = 0;
    if (l < len && rng.next() < 0.5) {
      let kept = 1;
      while (kept < len - l && rng.next() > params.splitBeta) kept++;
      from = windowStart(len, p, l + kept, rng);
      to = from + l + kept;
      keepFrom = from + rng.int(0, l);
      keepTo = keepFrom + kept;
    } else {
      from = windowStart(len, p, l, rng);
      to = from + l;
    }
    const next: number[] = [];
    for (let x = 0; x < seq.length; x++) {
      if (x < from || x >= to || (x >= keepFrom && x < keepTo)) next.push(seq[x]!);
      else removed.push(seq[x]!);
    }
    st.save(r);
    st.set(r, next);
  }
  return removed;
}

/** First position (1-based, customers at 1..len) of a window of `size` customers containing position p. */
function windowStart(len: number, p: number, size: number, rng: Rng): number {
  const lo = Math.max(1, p - size + 1);
  const hi = Math.min(p, len - size + 1);
  return rng.int(lo, hi);
}
