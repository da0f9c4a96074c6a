import type { Rng } from '../rng.ts';
import { drawSortKey } from '../search/recreate.ts';
import type { FleetState } from './fleet-state.ts';
import { insertNode, warpWith } from './moves.ts';
import type { PenaltyWeights } from './penalty-weights.ts';

/**
 * Greedy insertion with blinks (SISR) where every position is allowed: each node goes where arc cost +
 * weights.warp x time warp added + weights.load x load excess added grows least, so a customer is always
 * placed (in the least-infeasible place when no feasible one exists) and the fleet never grows. Routes
 * are journaled with `st.save`. Each position is skipped with probability `blinkRate`.
 */
export function recreatePenalised(
  st: FleetState,
  nodes: number[],
  weights: PenaltyWeights,
  rng: Rng,
  blinkRate: number,
): void {
  sortNodes(st, nodes, rng);
  const m = st.model;
  const n1 = m.n + 1;
  for (const k of nodes) {
    let bestDelta = Infinity;
    let bestR = -1;
    let bestP = -1;
    for (let r = 0; r < st.count; r++) {
      const seq = st.seqs[r]!;
      let excessAdded = 0;
      for (let d = 0; d < m.dims; d++) {
        const cap = m.capacity[d]!;
        const before = st.loadOf(r, d);
        const after = before + m.load[k * m.dims + d]!;
        excessAdded += Math.max(0, after - cap) - Math.max(0, before - cap);
      }
      const base = weights.load * excessAdded - weights.warp * st.timeWarp(r);
      if (base >= bestDelta) continue;
      for (let p = 0; p < seq.length - 1; p++) {
        const a = seq[p]!;
        const b = seq[p + 1]!;
        const arcs = m.cost[a * n1 + k]! + m.cost[k * n1 + b]! - m.cost[a * n1 + b]!;
        if (base + arcs >= bestDelta) continue;
        if (blinkRate > 0 && rng.next() < blinkRate) continue;
        const delta = base + arcs + weights.warp * warpWith(st, r, p, k, r, p + 1);
        if (delta < bestDelta) {
          bestDelta = delta;
          bestR = r;
          bestP = p;
        }
      }
    }
    if (bestR < 0) {
      // Every position blinked: take the first one (rare; keeps every customer routed).
      bestR = 0;
      bestP = 0;
    }
    st.save(bestR);
    insertNode(st, bestR, bestP, k);
  }
}

function sortNodes(st: FleetState, nodes: number[], rng: Rng): void {
  const m = st.model;
  const key = drawSortKey(rng);
  rng.shuffle(nodes);
  if (key === 'demand') {
    const demand = (k: number): number => {
      let q = 0;
      for (let d = 0; d < m.dims; d++) q += m.load[k * m.dims + d]! / (m.capacity[d]! || 1);
      return q;
    };
    nodes.sort((a, b) => demand(b) - demand(a));
  } else if (key === 'far') nodes.sort((a, b) => m.cost[b]! - m.cost[a]!);
  else if (key === 'close') nodes.sort((a, b) => m.cost[a]! - m.cost[b]!);
}
