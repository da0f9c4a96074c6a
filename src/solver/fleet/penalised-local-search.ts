import type { Rng } from '../rng.ts';
import type { FleetState } from './fleet-state.ts';
import { applyMove, costDelta, evaluateMove, MOVE_KINDS, newOutcome, type MoveOutcome } from './moves.ts';
import { applyPairMove, evaluatePairMove, pairApplies, pairCostDelta, PAIR_KINDS } from './pair-moves.ts';
import { concatInto, insertWarp, SEG } from './time-warp.ts';
import type { PenaltyWeights } from './penalty-weights.ts';
import { reverseInRoute } from './reverse-in-route.ts';
import { swapStar } from './swap-star-tw.ts';

const outcome = newOutcome();

/** Inter-route moves between customer v (route A) and customer w (route B), each kind priced in O(1). */
interface MoveFamily {
  readonly kinds: number;
  applies(st: FleetState, v: number): boolean;
  cost(st: FleetState, kind: number, v: number, w: number): number;
  evaluate(st: FleetState, kind: number, v: number, w: number, out: MoveOutcome): void;
  apply(st: FleetState, kind: number, v: number, w: number): void;
}

const FAMILIES: readonly MoveFamily[] = [
  { kinds: MOVE_KINDS, applies: () => true, cost: costDelta, evaluate: evaluateMove, apply: applyMove },
  {
    kinds: PAIR_KINDS,
    applies: pairApplies,
    cost: pairCostDelta,
    evaluate: evaluatePairMove,
    apply: applyPairMove,
  },
];

/**
 * First-improvement local search on arc cost + weighted time warp + weighted load excess (HGS's
 * penalised education, Vidal et al. 2013), over the inter-route moves of moves.ts (relocations, exchange,
 * both 2-opt* reconnections) and pair-moves.ts (the customer and its successor relocated, in order or
 * reversed) between a customer and its `neighbours` closest customers in other routes (by time-window-aware
 * proximity, granular.ts),
 * after the intra-route moves (best relocation of the customer in its route, else the best reversal of a
 * segment starting or ending at it), and when none of those improves, SWAP* with the customers near it in
 * the routes of its neighbours (swap-star-tw.ts).
 * Customers are visited in random order; both routes of an applied move are queued again. Routes are
 * journaled with `st.save`. Stops after `maxMoves` moves; returns the number applied.
 */
export function penalisedLocalSearch(
  st: FleetState,
  nodes: readonly number[],
  weights: PenaltyWeights,
  rng: Rng,
  neighbours: number,
  maxMoves: number,
): number {
  const queued = new Uint8Array(st.model.n + 1);
  const queue = rng.shuffle(nodes.slice());
  for (const k of queue) queued[k] = 1;
  const enqueue = (r: number): void => {
    for (const k of st.seqs[r]!)
      if (k !== 0 && queued[k] === 0) {
        queued[k] = 1;
        queue.push(k);
      }
  };
  let moves = 0;
  for (let i = 0; i < queue.length && moves < maxMoves; i++) {
    const v = queue[i]!;
    queued[v] = 0;
    if (st.routeOf[v]! < 0) continue;
    if (relocateInRoute(st, v, weights.warp) || reverseInRoute(st, v, weights.warp)) {
      moves++;
      enqueue(st.routeOf[v]!);
      continue;
    }
    const changed =
      interRoute(st, v, weights, neighbours) ?? swapStar(st, v, weights.warp, weights.load, neighbours);
    if (changed === undefined) continue;
    moves++;
    for (const r of changed) enqueue(r);
  }
  return moves;
}

/**
 * The first move of FAMILIES between v and one of its `neighbours` closest customers (granular.ts) in another
 * route that lowers the penalised cost: applies it (journaling both routes) and returns the two routes.
 */
function interRoute(
  st: FleetState,
  v: number,
  weights: PenaltyWeights,
  neighbours: number,
): readonly [number, number] | undefined {
  const eps = 1e-9;
  const near = st.model.granular[v]!;
  const limit = Math.min(neighbours, near.length);
  for (let x = 0; x < limit; x++) {
    const w = near[x]!;
    const ra = st.routeOf[v]!;
    const rb = st.routeOf[w]!;
    if (rb < 0 || ra === rb) continue;
    const before =
      weights.warp * (st.timeWarp(ra) + st.timeWarp(rb)) + weights.load * (st.excess(ra) + st.excess(rb));
    for (const family of FAMILIES) {
      if (!family.applies(st, v)) continue;
      for (let kind = 0; kind < family.kinds; kind++) {
        const arcs = family.cost(st, kind, v, w);
        // Arc cost alone cannot pay for a move that also raises the penalty; skip the segment work.
        if (arcs - before >= -eps) continue;
        family.evaluate(st, kind, v, w, outcome);
        const after =
          weights.warp * (outcome.twA + outcome.twB) + weights.load * (outcome.excessA + outcome.excessB);
        if (arcs + after - before >= -eps) continue;
        st.save(ra);
        st.save(rb);
        family.apply(st, kind, v, w);
        return [ra, rb];
      }
    }
  }
  return undefined;
}

const seg = new Float64Array(2 * SEG);

/**
 * Best move of customer v to another position of its own route on arc cost + weight x time warp (the
 * load does not change): the segment of the customers it jumps over is grown one node at a time, so all
 * positions cost O(route length) at most. Applies it when it lowers the penalised cost; returns whether it did.
 */
export function relocateInRoute(st: FleetState, v: number, warpWeight: number): boolean {
  const m = st.model;
  const n1 = m.n + 1;
  const c = m.cost;
  const t = m.time;
  const r = st.routeOf[v]!;
  const s = st.seqs[r]!;
  const i = st.posOf[v]!;
  const prev = s[i - 1]!;
  const next = s[i + 1]!;
  const fwd = st.fwd[r]!;
  const bwd = st.bwd[r]!;
  const before = warpWeight * st.timeWarp(r);
  const out = c[prev * n1 + v]! + c[v * n1 + next]! - c[prev * n1 + next]!;
  const eps = 1e-9;
  let bestDelta = -eps;
  let bestJ = -1;
  // Forward: prefix(i - 1) + s[i+1..j] + v + suffix(j + 1), middle s[i+1..grown] in seg[0..SEG). The middle
  // is grown only when a position passes the arc-cost screen (most do not), in the same order of operations.
  seg.set(m.nodeSeg.subarray(SEG * next, SEG * next + SEG), 0);
  let grown = i + 1;
  for (let j = i + 1; j < s.length - 1; j++) {
    const a = s[j]!;
    const b = s[j + 1]!;
    const arcs = c[a * n1 + v]! + c[v * n1 + b]! - c[a * n1 + b]! - out;
    if (arcs - before >= bestDelta) continue;
    for (; grown < j; grown++)
      concatInto(seg, 0, seg, 0, m.nodeSeg, SEG * s[grown + 1]!, t[s[grown]! * n1 + s[grown + 1]!]!);
    concatInto(seg, SEG, fwd, SEG * (i - 1), seg, 0, t[prev * n1 + next]!);
    const warp = insertWarp(seg, SEG, m.nodeSeg, SEG * v, t[a * n1 + v]!, bwd, SEG * (j + 1), t[v * n1 + b]!);
    const delta = arcs + warpWeight * warp - before;
    if (delta < bestDelta) {
      bestDelta = delta;
      bestJ = j;
    }
  }
  // Backward: prefix(j) + v + s[j+1..i-1] + suffix(i + 1), middle s[from..i-1] grown at its front, lazily too.
  seg.set(m.nodeSeg.subarray(SEG * prev, SEG * prev + SEG), 0);
  let from = i - 1;
  for (let j = i - 2; j >= 0; j--) {
    const a = s[j]!;
    const b = s[j + 1]!;
    const arcs = c[a * n1 + v]! + c[v * n1 + b]! - c[a * n1 + b]! - out;
    if (arcs - before >= bestDelta) continue;
    for (; from > j + 1; from--)
      concatInto(seg, 0, m.nodeSeg, SEG * s[from - 1]!, seg, 0, t[s[from - 1]! * n1 + s[from]!]!);
    concatInto(seg, SEG, fwd, SEG * j, m.nodeSeg, SEG * v, t[a * n1 + v]!);
    const warp = insertWarp(seg, SEG, seg, 0, t[v * n1 + b]!, bwd, SEG * (i + 1), t[prev * n1 + next]!);
    const delta = arcs + warpWeight * warp - before;
    if (delta < bestDelta) {
      bestDelta = delta;
      bestJ = j;
    }
  }
  if (bestJ < 0) return false;
  st.save(r);
  const rest = [...s.slice(0, i), ...s.slice(i + 1)];
  // Positions after i moved one place left in `rest`.
  const at = bestJ > i ? bestJ : bestJ + 1;
  st.set(r, [...rest.slice(0, at), v, ...rest.slice(at)]);
  return true;
}
