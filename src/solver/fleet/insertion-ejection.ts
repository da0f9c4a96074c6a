import type { Rng } from '../rng.ts';
import { WARP_EPS, type FleetState } from './fleet-state.ts';
import { warpWith } from './moves.ts';
import { concatInto, joinWarp, SEG, TW } from './time-warp.ts';

/**
 * Work cap on the enumeration per call (search-tree nodes; about a millisecond per 10^5): where no set of
 * kMax customers frees a route, the lexicographic search would otherwise list millions of sets.
 */
export const MAX_VISITS = 200_000;

/**
 * Insertion positions searched per call: those where k alone adds the least penalty (capacity excess +
 * alpha x time warp), ties in random order. Positions with a large violation need long ejection sets that
 * rarely beat the short ones found elsewhere, and long routes (R2, RC2: 50 customers) have hundreds.
 */
export const MAX_POSITIONS = 24;

/** The chosen insertion of node k and the customers it ejects. */
export interface InsertionEjection {
  readonly route: number;
  /** Position in the route after which k goes. */
  readonly after: number;
  readonly ejected: readonly number[];
}

/**
 * Best insertion-ejection (Nagata and Bräysy 2009, section 3.3): over every route and position, insert
 * node k and eject at most `kMax` other customers of that route so it becomes feasible, minimising the
 * sum of the ejected customers' failure counters `p` (P_sum). Ejection sets are enumerated in
 * lexicographic order of positions: a prefix of kept nodes that already has time warp cannot be repaired
 * by ejecting later nodes, and P_sum bounds prune the rest. Undefined when no such combination exists.
 */
export function bestInsertionEjection(
  st: FleetState,
  k: number,
  p: Int32Array,
  kMax: number,
  alpha: number,
  rng: Rng,
  maxVisits = MAX_VISITS,
  maxPositions = MAX_POSITIONS,
): InsertionEjection | undefined {
  const m = st.model;
  const dims = m.dims;
  const n1 = m.n + 1;
  let bestSum = Infinity;
  let best: InsertionEjection | undefined;
  const stack = new Float64Array(SEG * (kMax + 2));
  const work = new Float64Array(SEG * (kMax + 1));
  const chosen: number[] = [];
  const over = new Float64Array(dims);
  let seq: number[] = [];
  let bwd: Float64Array = new Float64Array(0);
  let kAt = -1;
  let route = -1;

  /** stack[depth] = segment of the kept nodes before position idx, `last` the last kept node. */
  const search = (depth: number, idx: number, last: number, sum: number): void => {
    visits++;
    let fits = true;
    for (let d = 0; d < dims; d++) if (over[d]! > 1e-12) fits = false;
    if (fits) {
      if (joinWarp(stack, SEG * depth, bwd, SEG * idx, m.time[last * n1 + seq[idx]!]!) <= WARP_EPS) {
        // Ejecting more only raises P_sum.
        if (sum < bestSum) {
          bestSum = sum;
          best = { route, after: kAt - 1, ejected: chosen.slice() };
        }
        return;
      }
    }
    if (depth === limit || visits > maxVisits) return;
    const wo = SEG * depth;
    // element copies, not set(subarray): a view is an allocation, and this runs for every node searched
    for (let x = 0; x < SEG; x++) work[wo + x] = stack[wo + x]!;
    let lastKept = last;
    for (let e = idx; e < seq.length - 1; e++) {
      const node = seq[e]!;
      if (node !== k && sum + p[node]! < bestSum) {
        for (let x = 0; x < SEG; x++) stack[wo + SEG + x] = work[wo + x]!;
        for (let d = 0; d < dims; d++) over[d] = over[d]! - m.load[node * dims + d]!;
        chosen.push(node);
        search(depth + 1, e + 1, lastKept, sum + p[node]!);
        chosen.pop();
        for (let d = 0; d < dims; d++) over[d] = over[d]! + m.load[node * dims + d]!;
      }
      concatInto(work, wo, work, wo, m.nodeSeg, SEG * node, m.time[lastKept * n1 + node]!);
      lastKept = node;
      if (work[wo + TW]! > WARP_EPS) break;
    }
  };

  let limit = 0;
  let visits = 0;
  // Each position's route with k and its suffix segments, built once for every depth below.
  const candidates = rankedPositions(st, k, alpha, rng)
    .slice(0, maxPositions)
    .map((c) => {
      const base = st.seqs[c.route]!;
      const withK = [...base.slice(0, c.after + 1), k, ...base.slice(c.after + 1)];
      return { route: c.route, kAt: c.after + 1, seq: withK, bwd: suffixes(st, c.route, withK, c.after + 1) };
    });
  // Iterative deepening: the cheap shallow ejections found first bound P_sum for the deep searches, which
  // would otherwise enumerate up to C(route length, kMax) sets where nothing fits.
  for (limit = 1; limit <= kMax && visits <= maxVisits; limit++) {
    for (const c of candidates) {
      ({ route, kAt, seq, bwd } = c);
      for (let d = 0; d < dims; d++) over[d] = st.loadOf(route, d) + m.load[k * dims + d]! - m.capacity[d]!;
      stack.set(st.fwd[route]!.subarray(0, SEG), 0);
      search(0, 1, 0, 0);
    }
    // p >= 1, so sets of more than bestSum - 1 customers cannot improve.
    if (bestSum <= limit + 1) break;
  }
  return best;
}

/** Every (route, position) for k, by the penalty of inserting k there alone, ties in random order. */
function rankedPositions(
  st: FleetState,
  k: number,
  alpha: number,
  rng: Rng,
): { route: number; after: number; f: number }[] {
  const m = st.model;
  const out: { route: number; after: number; f: number }[] = [];
  for (let r = 0; r < st.count; r++) {
    const len = st.seqs[r]!.length;
    if (len <= 2) continue;
    let excess = 0;
    for (let d = 0; d < m.dims; d++) {
      const over = st.loadOf(r, d) + m.load[k * m.dims + d]! - m.capacity[d]!;
      if (over > 0) excess += over;
    }
    for (let after = 0; after < len - 1; after++)
      out.push({ route: r, after, f: excess + alpha * warpWith(st, r, after, k, r, after + 1) });
  }
  rng.shuffle(out);
  return out.sort((a, b) => a.f - b.f);
}

/** Suffix segments of `seq` (the route with k at kAt): beyond k they are the route's own, shifted by one. */
function suffixes(st: FleetState, r: number, seq: readonly number[], kAt: number): Float64Array {
  const m = st.model;
  const n1 = m.n + 1;
  const out = new Float64Array(SEG * seq.length);
  out.set(st.bwd[r]!.subarray(SEG * kAt, SEG * (seq.length - 1)), SEG * (kAt + 1));
  for (let q = kAt; q >= 0; q--)
    concatInto(
      out,
      SEG * q,
      m.nodeSeg,
      SEG * seq[q]!,
      out,
      SEG * (q + 1),
      m.time[seq[q]! * n1 + seq[q + 1]!]!,
    );
  return out;
}

/** Applies an insertion-ejection: k goes in, the ejected customers come out (the caller pools them). */
export function applyInsertionEjection(st: FleetState, k: number, ie: InsertionEjection): void {
  const base = st.seqs[ie.route]!;
  const out = new Set(ie.ejected);
  const seq = [...base.slice(0, ie.after + 1), k, ...base.slice(ie.after + 1)].filter((x) => !out.has(x));
  st.set(ie.route, seq);
}
