import type { RouteState } from '../../evaluation/route-state.ts';
import { applyMove, dropEmptyTrips, improvingMove, routeChange, type Move } from './move.ts';
import type { LocalSearchOperator, MoveContext } from './operator.ts';
import { addLoads, joins, loadsFit, zeroedLoads } from './screens.ts';

/**
 * 2-opt*: exchange the ends of two vehicles' days so that job j and its neighbour k become consecutive.
 * With j at p in day A and k at q in day B:
 *   arc (j, k): A' = A[..p] + B[q..],  B' = B[..q-1] + A[p+1..]
 *   arc (k, j): B' = B[..q] + A[p..],  A' = A[..p-1] + B[q+1..]
 * Screened on the two removed and two added arcs.
 */
export const twoOptStar: LocalSearchOperator = {
  name: '2-opt*',
  evaluate(ctx: MoveContext, j: number): Move | undefined {
    const { sol, inst } = ctx;
    const a = sol.jobRoute[j]!;
    if (a < 0) return undefined;
    const ra = sol.routes[a]!;
    const p = ra.positionOf(j);
    const travel = inst.problem.travel;
    const lj = inst.jobLoc[j]!;
    const cpmA = ra.type.costPerMetre;
    const near = ctx.neighbours[j]!;
    for (let i = 0; i < near.length; i++) {
      const k = near[i]!;
      const b = sol.jobRoute[k]!;
      if (b < 0 || b === a) continue;
      const rb = sol.routes[b]!;
      const q = rb.positionOf(k);
      const lk = inst.jobLoc[k]!;
      const cpmB = rb.type.costPerMetre;
      const djk = travel.distance(lj, lk);
      const jk =
        cpmA * (djk - ra.arcDist[p]!) +
        cpmB * (travel.distance(rb.loc[q - 1]!, ra.loc[p + 1]!) - rb.arcDist[q - 1]!);
      if (jk < -ctx.epsilon && screen(ctx, ra, p, rb, q)) {
        const A = ra.nodes.slice(0, p + 1).concat(rb.nodes.slice(q));
        const B = rb.nodes.slice(0, q).concat(ra.nodes.slice(p + 1));
        const move = improvingMove(ctx, '2-opt*', [
          routeChange(sol, a, dropEmptyTrips(A)),
          routeChange(sol, b, dropEmptyTrips(B)),
        ]);
        if (move !== undefined) return move;
      }
      const kj =
        cpmB * (djk - rb.arcDist[q]!) +
        cpmA * (travel.distance(ra.loc[p - 1]!, rb.loc[q + 1]!) - ra.arcDist[p - 1]!);
      if (kj < -ctx.epsilon && screen(ctx, rb, q, ra, p)) {
        const B = rb.nodes.slice(0, q + 1).concat(ra.nodes.slice(p));
        const A = ra.nodes.slice(0, p).concat(rb.nodes.slice(q + 1));
        const move = improvingMove(ctx, '2-opt*', [
          routeChange(sol, a, dropEmptyTrips(A)),
          routeChange(sol, b, dropEmptyTrips(B)),
        ]);
        if (move !== undefined) return move;
      }
    }
    return undefined;
  },
  apply: applyMove,
};

/** Windows at both joins and total loads of both new trips, for A' = A[..p] + B[q..], B' = B[..q-1] + A[p+1..]. */
export function screen(ctx: MoveContext, ra: RouteState, p: number, rb: RouteState, q: number): boolean {
  const inst = ctx.inst;
  if (!joins(inst, ra, p, rb, q) || !joins(inst, rb, q - 1, ra, p + 1)) return false;
  const dims = inst.dims;
  const first = zeroedLoads(2 * dims);
  addLoads(inst, ra, p, 0, -1, first);
  addLoads(inst, rb, q, rb.nodes.length - 1, 1, first);
  if (!loadsFit(ra, first, dims)) return false;
  // the first trip's sums are no longer needed: the same scratch holds the second's
  const second = zeroedLoads(2 * dims);
  addLoads(inst, rb, q - 1, 0, -1, second);
  addLoads(inst, ra, p + 1, ra.nodes.length - 1, 1, second);
  return loadsFit(rb, second, dims);
}
