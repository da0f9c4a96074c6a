import type { Solution } from '../solution.ts';
import {
  applyMove,
  dropEmptyTrips,
  improvingMove,
  routeChange,
  type Move,
  type RouteChange,
} from './move.ts';
import type { LocalSearchOperator, MoveContext } from './operator.ts';
import { fitsBetween } from './screens.ts';

/**
 * Relocate: move job j next to a neighbour k (right after k, or right before it), in k's route or its
 * own. Screened on distance: gain of taking j out against the cost of the two new arcs.
 */
export const relocate: LocalSearchOperator = {
  name: 'relocate',
  evaluate(ctx: MoveContext, j: number): Move | undefined {
    const { sol, inst } = ctx;
    const a = sol.jobRoute[j]!;
    if (a < 0) return undefined;
    const ra = sol.routes[a]!;
    const p = ra.positionOf(j);
    const travel = inst.problem.travel;
    const lj = inst.jobLoc[j]!;
    const cpmA = ra.type.costPerMetre;
    const gain =
      cpmA * (ra.arcDist[p - 1]! + ra.arcDist[p]! - travel.distance(ra.loc[p - 1]!, ra.loc[p + 1]!));
    if (gain <= ctx.epsilon) return undefined;
    const near = ctx.neighbours[j]!;
    for (let i = 0; i < near.length; i++) {
      const k = near[i]!;
      const b = sol.jobRoute[k]!;
      if (b < 0) continue;
      const rb = sol.routes[b]!;
      if (inst.typeOk[j * inst.nTypes + rb.vehicle.type] === 0) continue;
      const q = rb.positionOf(k);
      const cpm = rb.type.costPerMetre;
      const lk = inst.jobLoc[k]!;
      for (let side = 0; side < 2; side++) {
        const after = side === 0;
        // Insert between x and y, where one of them is k.
        const x = after ? q : q - 1;
        if (b === a && (x === p || x === p - 1)) continue;
        const lx = after ? lk : rb.loc[x]!;
        const ly = after ? rb.loc[x + 1]! : lk;
        const add = cpm * (travel.distance(lx, lj) + travel.distance(lj, ly) - rb.arcDist[x]!);
        if (add - gain >= -ctx.epsilon) continue;
        if (!fitsBetween(inst, rb, j, x, b !== a || !sameTrip(rb.nodes, x, p))) continue;
        const move = improvingMove(ctx, 'relocate', relocation(sol, j, a, p, b, x));
        if (move !== undefined) return move;
      }
    }
    return undefined;
  },
  apply: applyMove,
};

/** Routes after moving job j (at position p of route a) to between positions x and x+1 of route b. */
function relocation(sol: Solution, j: number, a: number, p: number, b: number, x: number): RouteChange[] {
  if (a === b) {
    const nodes = sol.routes[a]!.nodes.slice();
    nodes.splice(x + 1, 0, j);
    nodes.splice(x < p ? p + 1 : p, 1);
    return [routeChange(sol, a, dropEmptyTrips(nodes))];
  }
  const from = sol.routes[a]!.nodes.slice();
  from.splice(p, 1);
  const to = sol.routes[b]!.nodes.slice();
  to.splice(x + 1, 0, j);
  return [routeChange(sol, a, dropEmptyTrips(from)), routeChange(sol, b, to)];
}

/** Inserting between x and x+1 keeps job j (at p) in its own trip: no depot between the two places. */
function sameTrip(nodes: readonly number[], x: number, p: number): boolean {
  const lo = x < p ? x + 1 : p + 1;
  const hi = x < p ? p - 1 : x;
  for (let i = lo; i <= hi; i++) if (nodes[i]! < 0) return false;
  return true;
}
