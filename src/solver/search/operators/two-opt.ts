import { DEPOT } from '../../model/instance.ts';
import { applyMove, improvingMove, routeChange, type Move } from './move.ts';
import type { LocalSearchOperator, MoveContext } from './operator.ts';
import { reversalFits } from './screens.ts';

/**
 * 2-opt inside one trip: reverse the stretch between job j and its neighbour k so they become
 * consecutive. With j at p before k at q: reverse (p, q], giving arcs (j, k) and (p+1, q+1); with k
 * before j: reverse [q, p), giving (q-1, p-1) and (k, j). Screened on symmetric arc distances.
 */
export const twoOpt: LocalSearchOperator = {
  name: '2-opt',
  evaluate(ctx: MoveContext, j: number): Move | undefined {
    const { sol, inst } = ctx;
    const a = sol.jobRoute[j]!;
    if (a < 0) return undefined;
    const r = sol.routes[a]!;
    const p = r.positionOf(j);
    const travel = inst.problem.travel;
    const cpm = r.type.costPerMetre;
    const { nodes, loc, arcDist } = r;
    const near = ctx.neighbours[j]!;
    for (let i = 0; i < near.length; i++) {
      const k = near[i]!;
      if (sol.jobRoute[k]! !== a) continue;
      const q = r.positionOf(k);
      const lo = Math.min(p, q);
      const hi = Math.max(p, q);
      if (hi - lo < 2 || !sameTrip(nodes, lo, hi)) continue;
      // Reverse positions [from, to]: arcs (from-1, from) and (to, to+1) become (from-1, to), (from, to+1).
      const from = p < q ? p + 1 : q;
      const to = p < q ? q : p - 1;
      const screened =
        cpm *
        (travel.distance(loc[from - 1]!, loc[to]!) +
          travel.distance(loc[from]!, loc[to + 1]!) -
          arcDist[from - 1]! -
          arcDist[to]!);
      if (screened >= -ctx.epsilon || !reversalFits(inst, r, from, to)) continue;
      const next = nodes.slice(0, from).concat(nodes.slice(from, to + 1).reverse(), nodes.slice(to + 1));
      const move = improvingMove(ctx, '2-opt', [routeChange(sol, a, next)]);
      if (move !== undefined) return move;
    }
    return undefined;
  },
  apply: applyMove,
};

function sameTrip(nodes: readonly number[], lo: number, hi: number): boolean {
  for (let x = lo + 1; x < hi; x++) if (nodes[x]! === DEPOT) return false;
  return true;
}
