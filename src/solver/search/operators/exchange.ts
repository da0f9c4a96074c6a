import type { TravelModel } from '../../../domain/routing-problem.ts';
import type { RouteState } from '../../evaluation/route-state.ts';
import type { Instance } from '../../model/instance.ts';
import type { Solution } from '../solution.ts';
import { applyMove, improvingMove, routeChange, type Move, type RouteChange } from './move.ts';
import type { LocalSearchOperator, MoveContext } from './operator.ts';
import { typeAllows, windowsFit } from './screens.ts';
import { Stamps } from './stamps.ts';

/**
 * Exchange (1-1 swap): job j takes the place of a job t and t takes j's, where t is a neighbour k of j or
 * the job just before or just after k (so j lands next to k). Relocate and 2-opt* cannot make this move
 * when neither route has room for one more job, which is common at a tight fleet and on the X set's
 * full vehicles (HGS's SWAP; PyVRP's Exchange11). Between two routes only. Screened on the four removed and
 * four added arcs, then on windows and on each trip's loads.
 */
/** Partners of j around its neighbour k at q: k itself, the job before it, the job after it. */
const PARTNER_OFFSETS = [0, -1, 1] as const;

export const exchange: LocalSearchOperator = {
  name: 'exchange',
  evaluate(ctx: MoveContext, j: number): Move | undefined {
    const { sol, inst } = ctx;
    const a = sol.jobRoute[j]!;
    if (a < 0) return undefined;
    const ra = sol.routes[a]!;
    const p = ra.positionOf(j);
    tried.next(inst.n);
    const near = ctx.neighbours[j]!;
    for (let i = 0; i < near.length; i++) {
      const k = near[i]!;
      const b = sol.jobRoute[k]!;
      // Between routes only: in-route swaps have no window screen (the cached times change on both
      // sides), and about 99 % of them failed the exact check on Solomon, at a full day schedule each.
      if (b < 0 || b === a) continue;
      const rb = sol.routes[b]!;
      const q = rb.positionOf(k);
      for (let o = 0; o < PARTNER_OFFSETS.length; o++) {
        const s = q + PARTNER_OFFSETS[o]!;
        const t = rb.nodes[s]!;
        if (t < 0 || t === j || !tried.mark(t)) continue;
        if (!typeAllows(inst, j, rb) || !typeAllows(inst, t, ra)) continue;
        if (screenedDelta(ctx, ra, p, rb, s) >= -ctx.epsilon) continue;
        if (!(fitsReplacing(inst, ra, t, p, j) && fitsReplacing(inst, rb, j, s, t))) continue;
        const move = improvingMove(ctx, 'exchange', swapped(sol, a, p, b, s));
        if (move !== undefined) return move;
      }
    }
    return undefined;
  },
  apply: applyMove,
};

/** Partners already tried in the current evaluate call. */
const tried = new Stamps();

/** Distance change of swapping the jobs at position p of `ra` and s of `rb`, each priced per metre of its route. */
function screenedDelta(ctx: MoveContext, ra: RouteState, p: number, rb: RouteState, s: number): number {
  const travel = ctx.inst.problem.travel;
  return replacement(travel, ra, p, rb.loc[s]!) + replacement(travel, rb, s, ra.loc[p]!);
}

/** Distance change, priced, of serving location `by` at position x of `r` instead of its job. */
function replacement(travel: TravelModel, r: RouteState, x: number, by: number): number {
  return (
    r.type.costPerMetre *
    (travel.distance(r.loc[x - 1]!, by) +
      travel.distance(by, r.loc[x + 1]!) -
      r.arcDist[x - 1]! -
      r.arcDist[x]!)
  );
}

/**
 * Can job `by` replace job `out` at position x of `r` (windows against the neighbours' cached times, and
 * the trip's loads with `out` taken away)? A necessary condition when the routes share shift and depot.
 */
export function fitsReplacing(inst: Instance, r: RouteState, by: number, x: number, out: number): boolean {
  if (!windowsFit(inst, r, by, x - 1, x + 1)) return false;
  // Every arc of the trip before x carries the change in deliveries, every arc from x on the change in
  // pickups: the new maxima are exact shifts of the cached ones.
  const dims = inst.dims;
  for (let d = 0; d < dims; d++) {
    const cap = (r.type.capacity[d] ?? 0) + 1e-9;
    if (r.prefMax[(x - 1) * dims + d]! + inst.del[by * dims + d]! - inst.del[out * dims + d]! > cap)
      return false;
    if (r.sufMax[x * dims + d]! + inst.pick[by * dims + d]! - inst.pick[out * dims + d]! > cap) return false;
  }
  return true;
}

/** Routes after swapping the job at position p of route a with the job at position s of route b (a != b). */
function swapped(sol: Solution, a: number, p: number, b: number, s: number): RouteChange[] {
  const na = sol.routes[a]!.nodes.slice();
  const nb = sol.routes[b]!.nodes.slice();
  [na[p], nb[s]] = [nb[s]!, na[p]!];
  return [routeChange(sol, a, na), routeChange(sol, b, nb)];
}
