import type { RouteState } from '../../evaluation/route-state.ts';
import { driveS } from '../../model/drive.ts';
import type { Instance } from '../../model/instance.ts';
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

/**
 * Relocate a pair (Or-opt of two): job j and the job u right after it in its trip move together next to
 * a neighbour k of j, so that j and k become consecutive: right after k as (j, u), or right before k as
 * (u, j). In k's route or in their own. Moving two stops at once is what single relocations cannot do
 * when each half-move alone breaks a window or costs more (HGS's moves 2 and 3). Screened on distance,
 * then on windows and loads against the cached times (a necessary condition between routes, a filter
 * within one), confirmed by the exact day schedule.
 */
export const relocatePair: LocalSearchOperator = {
  name: 'relocate pair',
  evaluate(ctx: MoveContext, j: number): Move | undefined {
    const { sol, inst } = ctx;
    const a = sol.jobRoute[j]!;
    if (a < 0) return undefined;
    const ra = sol.routes[a]!;
    const p = ra.positionOf(j);
    const u = ra.nodes[p + 1]!;
    if (u < 0) return undefined;
    const travel = inst.problem.travel;
    const gain =
      ra.type.costPerMetre *
      (ra.arcDist[p - 1]! +
        ra.arcDist[p]! +
        ra.arcDist[p + 1]! -
        travel.distance(ra.loc[p - 1]!, ra.loc[p + 2]!));
    if (gain <= ctx.epsilon) return undefined;
    for (const k of ctx.neighbours[j]!) {
      const b = sol.jobRoute[k]!;
      if (b < 0 || k === u) continue;
      const rb = sol.routes[b]!;
      const ty = rb.vehicle.type;
      if (inst.typeOk[j * inst.nTypes + ty] === 0 || inst.typeOk[u * inst.nTypes + ty] === 0) continue;
      const q = rb.positionOf(k);
      for (const after of [true, false]) {
        // Insert between x and x+1, where one of them is k.
        const x = after ? q : q - 1;
        if (b === a && x >= p - 1 && x <= p + 1) continue;
        const first = after ? j : u;
        const second = after ? u : j;
        const lf = inst.jobLoc[first]!;
        const ls = inst.jobLoc[second]!;
        const add =
          rb.type.costPerMetre *
          (travel.distance(rb.loc[x]!, lf) +
            travel.distance(lf, ls) +
            travel.distance(ls, rb.loc[x + 1]!) -
            rb.arcDist[x]!);
        if (add - gain >= -ctx.epsilon) continue;
        if (!pairFits(inst, rb, first, second, x, b !== a)) continue;
        const move = improvingMove(ctx, 'relocate pair', pairMoved(sol, a, p, b, x, first, second));
        if (move !== undefined) return move;
      }
    }
    return undefined;
  },
  apply: applyMove,
};

/**
 * Can `first` then `second` be served between positions x and x+1 of `r`: windows against the cached
 * earliest and latest times, and (between routes) the trip's load maxima with both jobs aboard?
 */
export function pairFits(
  inst: Instance,
  r: RouteState,
  first: number,
  second: number,
  x: number,
  checkLoad: boolean,
): boolean {
  const profile = r.type.profile;
  let t = r.es[x]! + r.svc[x]!;
  let at = r.loc[x]!;
  for (const j of [first, second]) {
    const lj = inst.jobLoc[j]!;
    t = inst.earliestStart(j, t + driveS(inst, at, lj, profile, t));
    if (t === Infinity) return false;
    t += inst.jobSvc[j]!;
    at = lj;
  }
  const arr = t + driveS(inst, at, r.loc[x + 1]!, profile, t);
  const y = r.nodes[x + 1]!;
  const sy = y < 0 ? Math.max(arr, r.vehicle.shiftStartS) : inst.earliestStart(y, arr);
  if (sy > r.ls[x + 1]!) return false;
  if (!checkLoad) return true;
  const dims = inst.dims;
  for (let d = 0; d < dims; d++) {
    const cap = (r.type.capacity[d] ?? 0) + 1e-9;
    if (r.prefMax[x * dims + d]! + inst.del[first * dims + d]! + inst.del[second * dims + d]! > cap)
      return false;
    if (r.sufMax[x * dims + d]! + inst.pick[first * dims + d]! + inst.pick[second * dims + d]! > cap)
      return false;
  }
  return true;
}

/**
 * Routes after taking the pair at positions p, p+1 of route a and inserting `first`, `second` between
 * positions x and x+1 of route b (positions of the routes before the move). Within one route, x = p would
 * insert between the pair's own two jobs and build a day with one of them twice and the other missing
 * (the exact check does not verify which jobs a day holds): evaluate never asks for it.
 */
export function pairMoved(
  sol: Solution,
  a: number,
  p: number,
  b: number,
  x: number,
  first: number,
  second: number,
): RouteChange[] {
  if (a === b) {
    if (x === p) throw new Error(`relocate pair: position ${x} is inside the pair at ${p}`);
    const nodes = sol.routes[a]!.nodes.slice();
    nodes.splice(x + 1, 0, first, second);
    nodes.splice(x < p ? p + 2 : p, 2);
    return [routeChange(sol, a, dropEmptyTrips(nodes))];
  }
  const from = sol.routes[a]!.nodes.slice();
  from.splice(p, 2);
  const to = sol.routes[b]!.nodes.slice();
  to.splice(x + 1, 0, first, second);
  return [routeChange(sol, a, dropEmptyTrips(from)), routeChange(sol, b, to)];
}
