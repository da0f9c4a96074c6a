import type { FleetState } from './fleet-state.ts';
import { warpJoin, warpWith } from './moves.ts';
import { concatInto, insertWarp, SEG, TW } from './time-warp.ts';
import { Stamps } from '../search/operators/stamps.ts';
import { replaced } from '../search/operators/swap-star.ts';

/**
 * SWAP* under time warp (Vidal 2022's SWAP*, as PyVRP prices it with penalties): customer v of route A and
 * customer w of route B trade routes, each going to its cheapest place in the other route, which need not
 * be the place the other left. The estimate adds, on arc cost + weight x time warp: taking v out of A and
 * w out of B, and each one's best insertion into the other route, either in the other's place or at one of
 * its three cheapest positions in that route as it stands (cached per route version and weight). The best
 * estimate per route B is then priced exactly by rebuilding both routes' segments (O(|A| + |B|)), and
 * applied when the exact penalised cost (with load excess) falls.
 *
 * Partners: the routes of v's `neighbours` closest customers by time-window-aware proximity (granular.ts),
 * and as w the customers at and next to those neighbours in B (as the CVRP SWAP* of
 * search/operators/swap-star.ts takes them).
 */

const NONE = -1;

/** Per route index: the three cheapest insertion positions (after position p) and their costs per node. */
interface RouteTop {
  seq: readonly number[] | undefined;
  warp: number;
  gen: number;
  readonly stamp: Int32Array;
  readonly pos: Int32Array;
  readonly cost: Float64Array;
}

interface Cache {
  readonly routes: RouteTop[];
  /** Customers already tried as w for the current v and B. */
  readonly tried: Stamps;
  /** Routes already tried for the current v. */
  readonly seenRoutes: Stamps;
}

const caches = new WeakMap<FleetState, Cache>();

function cacheOf(st: FleetState): Cache {
  let c = caches.get(st);
  if (c === undefined) {
    c = {
      routes: [],
      tried: new Stamps(),
      seenRoutes: new Stamps(),
    };
    caches.set(st, c);
  }
  return c;
}

/** Route r's insertion table, reset when its sequence or the warp weight changed. */
function topOf(st: FleetState, c: Cache, r: number, warp: number): RouteTop {
  const n1 = st.model.n + 1;
  let t = c.routes[r];
  if (t === undefined) {
    t = {
      seq: undefined,
      warp,
      gen: 1,
      stamp: new Int32Array(n1),
      pos: new Int32Array(3 * n1),
      cost: new Float64Array(3 * n1),
    };
    c.routes[r] = t;
  }
  if (t.seq !== st.seqs[r] || t.warp !== warp) {
    t.seq = st.seqs[r];
    t.warp = warp;
    t.gen++;
  }
  return t;
}

/** Fills k's three cheapest positions in route r (arc cost + warp x time warp added), once per version. */
function cheapest(st: FleetState, t: RouteTop, r: number, k: number): void {
  if (t.stamp[k] === t.gen) return;
  t.stamp[k] = t.gen;
  const m = st.model;
  const n1 = m.n + 1;
  const c = m.cost;
  const s = st.seqs[r]!;
  const tw = st.timeWarp(r);
  const fwd = st.fwd[r]!;
  const bwd = st.bwd[r]!;
  const time = m.time;
  const node = m.nodeSeg;
  let c0 = Infinity;
  let c1 = Infinity;
  let c2 = Infinity;
  let p0 = NONE;
  let p1 = NONE;
  let p2 = NONE;
  for (let p = 0; p < s.length - 1; p++) {
    const a = s[p]!;
    const b = s[p + 1]!;
    const arcs = c[a * n1 + k]! + c[k * n1 + b]! - c[a * n1 + b]!;
    if (arcs >= c2) continue;
    const warp = insertWarp(
      fwd,
      SEG * p,
      node,
      SEG * k,
      time[a * n1 + k]!,
      bwd,
      SEG * (p + 1),
      time[k * n1 + b]!,
    );
    const cost = arcs + t.warp * (warp - tw);
    if (cost >= c2) continue;
    if (cost < c0) {
      c2 = c1;
      p2 = p1;
      c1 = c0;
      p1 = p0;
      c0 = cost;
      p0 = p;
    } else if (cost < c1) {
      c2 = c1;
      p2 = p1;
      c1 = cost;
      p1 = p;
    } else {
      c2 = cost;
      p2 = p;
    }
  }
  const o = 3 * k;
  t.pos[o] = p0;
  t.pos[o + 1] = p1;
  t.pos[o + 2] = p2;
  t.cost[o] = c0;
  t.cost[o + 1] = c1;
  t.cost[o + 2] = c2;
}

/** Where `insertion` puts the customer: after this position of the route as it stands, NONE = in the other's place. */
let placeAt = NONE;

/**
 * Estimated cost of inserting k into route r without its customer at position x: in x's place (exact), or
 * the cheapest cached position not next to x (at most two of the three are). The exact price in x's place
 * needs two segment concatenations; it is skipped where its arc cost alone already reaches `budget` (what
 * the caller can still afford) or exceeds the cached position: where travel times obey the triangle
 * inequality an insertion never lowers a route's time warp, so the answer then differs only where the caller
 * rejects it either way. A user's matrix that breaks the inequality only makes this estimate looser: a swap
 * is still applied on its exact price.
 */
function insertion(
  st: FleetState,
  t: RouteTop,
  r: number,
  k: number,
  x: number,
  warp: number,
  budget: number,
): number {
  const m = st.model;
  const n1 = m.n + 1;
  const c = m.cost;
  const s = st.seqs[r]!;
  const prev = s[x - 1]!;
  const next = s[x + 1]!;
  cheapest(st, t, r, k);
  let cached = Infinity;
  let cachedAt = NONE;
  for (let o = 3 * k; o < 3 * k + 3; o++) {
    const at = t.pos[o]!;
    if (at === NONE) break;
    if (at === x - 1 || at === x) continue;
    cached = t.cost[o]!;
    cachedAt = at;
    break;
  }
  const arcs = c[prev * n1 + k]! + c[k * n1 + next]! - c[prev * n1 + next]!;
  const slack = BUDGET_SLACK * (1 + Math.abs(budget) + Math.abs(arcs));
  if (arcs - cached > slack || arcs - budget > slack) {
    placeAt = cachedAt;
    return cached;
  }
  const here = arcs + warp * (warpWith(st, r, x - 1, k, r, x + 1) - warpJoin(st, r, x - 1, r, x + 1));
  if (cached < here) {
    placeAt = cachedAt;
    return cached;
  }
  placeAt = NONE;
  return here;
}

/** Rounding room when an arc cost is compared with what the caller can afford (never cuts a kept swap). */
const BUDGET_SLACK = 1e-9;

const seg = new Float64Array(SEG);

/** Arc cost + warp x time warp + load weight x excess of a route given as node ids, from scratch. */
export function penalisedRouteCost(
  st: FleetState,
  seq: readonly number[],
  warp: number,
  load: number,
): number {
  const m = st.model;
  const n1 = m.n + 1;
  const dims = m.dims;
  seg.set(m.nodeSeg.subarray(SEG * seq[0]!, SEG * seq[0]! + SEG), 0);
  let arcs = 0;
  for (let p = 1; p < seq.length; p++) {
    const a = seq[p - 1]!;
    const b = seq[p]!;
    arcs += m.cost[a * n1 + b]!;
    concatInto(seg, 0, seg, 0, m.nodeSeg, SEG * b, m.time[a * n1 + b]!);
  }
  let excess = 0;
  for (let d = 0; d < dims; d++) {
    let total = 0;
    for (const k of seq) total += m.load[k * dims + d]!;
    if (total > m.capacity[d]!) excess += total - m.capacity[d]!;
  }
  return arcs + warp * seg[TW]! + load * excess;
}

/** Load excess of route r with customer out replaced by customer by. */
function excessSwapped(st: FleetState, r: number, out: number, by: number): number {
  const m = st.model;
  let x = 0;
  for (let d = 0; d < m.dims; d++) {
    const l = st.loadOf(r, d) - m.load[out * m.dims + d]! + m.load[by * m.dims + d]!;
    if (l > m.capacity[d]!) x += l - m.capacity[d]!;
  }
  return x;
}

/**
 * Tries SWAP* of customer v with the customers near it in other routes; applies the first exactly
 * improving swap (journaling both routes with st.save) and returns the routes changed, or undefined.
 */
export function swapStar(
  st: FleetState,
  v: number,
  warp: number,
  load: number,
  neighbours: number,
): readonly [number, number] | undefined {
  const m = st.model;
  const n1 = m.n + 1;
  const c = m.cost;
  const ra = st.routeOf[v]!;
  if (ra < 0) return undefined;
  const cache = cacheOf(st);
  const seen = cache.seenRoutes;
  seen.next(st.count);
  const a = st.seqs[ra]!;
  const i = st.posOf[v]!;
  const twA = st.timeWarp(ra);
  const exA = st.excess(ra);
  const removeV =
    c[a[i - 1]! * n1 + a[i + 1]!]! -
    c[a[i - 1]! * n1 + v]! -
    c[v * n1 + a[i + 1]!]! +
    warp * (warpJoin(st, ra, i - 1, ra, i + 1) - twA);
  const topA = topOf(st, cache, ra, warp);
  const near = m.granular[v]!;
  const limit = Math.min(neighbours, near.length);
  const eps = 1e-9;
  for (let x = 0; x < limit; x++) {
    const rb = st.routeOf[near[x]!]!;
    if (rb < 0 || rb === ra || !seen.mark(rb)) continue;
    const b = st.seqs[rb]!;
    const twB = st.timeWarp(rb);
    const exB = st.excess(rb);
    const topB = topOf(st, cache, rb, warp);
    cache.tried.next(n1);
    let best = -eps;
    let bestW = NONE;
    let bestVAt = NONE;
    let bestWAt = NONE;
    for (let y = x; y < limit; y++) {
      const k = near[y]!;
      if (st.routeOf[k] !== rb) continue;
      const q = st.posOf[k]!;
      for (let j = Math.max(1, q - 1); j <= Math.min(b.length - 2, q + 1); j++) {
        const w = b[j]!;
        if (!cache.tried.mark(w)) continue;
        let delta =
          load * (excessSwapped(st, ra, v, w) - exA + excessSwapped(st, rb, w, v) - exB) +
          removeV +
          c[b[j - 1]! * n1 + b[j + 1]!]! -
          c[b[j - 1]! * n1 + w]! -
          c[w * n1 + b[j + 1]!]! +
          warp * (warpJoin(st, rb, j - 1, rb, j + 1) - twB);
        // Insertions add no arc cost under the triangle inequality and no time warp.
        if (delta >= best) continue;
        delta += insertion(st, topB, rb, v, j, warp, best - delta);
        const vAt = placeAt;
        if (delta >= best) continue;
        delta += insertion(st, topA, ra, w, i, warp, best - delta);
        if (delta < best) {
          best = delta;
          bestW = w;
          bestVAt = vAt;
          bestWAt = placeAt;
        }
      }
    }
    if (bestW === NONE) continue;
    const na = replaced(a, i, bestW, bestWAt);
    const nb = replaced(b, st.posOf[bestW]!, v, bestVAt);
    const before = penalisedRouteCost(st, a, warp, load) + penalisedRouteCost(st, b, warp, load);
    const after = penalisedRouteCost(st, na, warp, load) + penalisedRouteCost(st, nb, warp, load);
    if (after - before >= -eps) continue;
    st.save(ra);
    st.save(rb);
    st.set(ra, na);
    st.set(rb, nb);
    return [ra, rb];
  }
  return undefined;
}
