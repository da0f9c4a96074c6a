import type { TravelModel } from '../../../domain/routing-problem.ts';
import type { RouteState } from '../../evaluation/route-state.ts';
import type { Instance } from '../../model/instance.ts';
import type { Solution } from '../solution.ts';
import { applyMove, improvingMove, routeChange, type Move, type RouteChange } from './move.ts';
import type { LocalSearchOperator, MoveContext } from './operator.ts';
import { typeAllows } from './screens.ts';
import { Stamps } from './stamps.ts';
import { cheapestInsertions, newInsertionCache, type InsertionCache } from './swap-star-insertions.ts';

/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood"): job u of route A and job v of route B trade routes, each going to its cheapest place in
 * the other route, which need not be the place the other left. Exchange only swaps places; relocate needs
 * room for one more job, which full X routes rarely have. With each job's three cheapest insertions in a
 * route cached per route version, the best v of B for u costs O(|B|) once the caches are warm.
 *
 * Pairs: u's route with the routes of u's granular neighbours (HGS takes route pairs whose polar sectors
 * around the depot overlap; our local search works job by job around the routes an iteration touched),
 * and as v only the jobs at and next to u's neighbours in B, as exchange takes them (HGS tries every v of
 * B: on X-n1001 at 2,000 iterations that cost 2.8x the base CPU per iteration, this 1.9x). For each route B
 * the best swap by the distance estimate is confirmed by the exact evaluation, so no infeasible move is
 * ever returned. Single-trip routes only: the load screen reads one trip's totals.
 */
export const swapStar: LocalSearchOperator = {
  name: 'swap*',
  evaluate(ctx: MoveContext, u: number): Move | undefined {
    const { sol, inst } = ctx;
    const a = sol.jobRoute[u]!;
    if (a < 0) return undefined;
    const ra = sol.routes[a]!;
    if (ra.trips !== 1) return undefined;
    const travel = inst.problem.travel;
    const p = ra.positionOf(u);
    const gainU = removalGain(travel, ra, p);
    const cache = cacheOf(sol);
    seenRoutes.next(sol.routes.length);
    const near = ctx.neighbours[u]!;
    for (let i = 0; i < near.length; i++) {
      const b = sol.jobRoute[near[i]!]!;
      if (b < 0 || b === a || !seenRoutes.mark(b)) continue;
      const rb = sol.routes[b]!;
      if (rb.trips !== 1 || !typeAllows(inst, u, rb)) continue;
      // v: the jobs at and next to u's neighbours in B (all of them are in near[i..])
      let bestDelta = -ctx.epsilon;
      let bestS = -1;
      let bestUAt = -1;
      let bestVAt = -1;
      const last = rb.nodes.length - 2;
      triedJobs.next(inst.n);
      for (let m = i; m < near.length; m++) {
        const k = near[m]!;
        if (sol.jobRoute[k] !== b) continue;
        const q = rb.positionOf(k);
        for (let s = Math.max(1, q - 1); s <= Math.min(last, q + 1); s++) {
          const v = rb.nodes[s]!;
          if (v < 0 || !triedJobs.mark(v)) continue;
          const delta = swapDelta(ctx, cache, u, ra, p, gainU, rb, s, bestDelta);
          if (delta < bestDelta) {
            bestDelta = delta;
            bestS = s;
            bestUAt = uAt;
            bestVAt = vAt;
          }
        }
      }
      if (bestS < 0) continue;
      const move = improvingMove(ctx, 'swap*', swapped(sol, a, p, bestVAt, b, bestS, bestUAt));
      if (move !== undefined) return move;
    }
    return undefined;
  },
  apply: applyMove,
};

/** Where u and v go in the swap last priced by swapDelta: after this position of the other route, -1 = in the other's place. */
let uAt = -1;
let vAt = -1;

/**
 * Priced distance change of swapping u (at p of A, saving `gainU`) with the job at s of B, each going to
 * its cheapest place in the other route (left in uAt and vAt), or +Infinity when loads or types forbid it
 * or when it cannot beat `bound`.
 */
function swapDelta(
  ctx: MoveContext,
  cache: InsertionCache,
  u: number,
  ra: RouteState,
  p: number,
  gainU: number,
  rb: RouteState,
  s: number,
  bound: number,
): number {
  const inst = ctx.inst;
  const v = rb.nodes[s]!;
  if (!typeAllows(inst, v, ra) || !loadsAllow(inst, ra, u, v) || !loadsAllow(inst, rb, v, u)) return Infinity;
  const gainV = removalGain(inst.problem.travel, rb, s);
  const insU = cheapestWithout(inst, cache, u, rb, s);
  const atB = placeAt;
  // With the triangle inequality inserting v into A costs at least 0: skip v before scanning A for it.
  if (insU - gainU - gainV >= bound) return Infinity;
  const insV = cheapestWithout(inst, cache, v, ra, p);
  uAt = atB;
  vAt = placeAt;
  return insU + insV - gainU - gainV;
}

/** Where cheapestWithout puts the job: after this position, -1 = in the place of the job it takes out. */
let placeAt = -1;

/**
 * Priced cost of inserting job j into `r` without its job at position x: in x's place, or the cheapest
 * cached place not next to x (at most two of the three are, so the third is the best elsewhere).
 */
function cheapestWithout(inst: Instance, cache: InsertionCache, j: number, r: RouteState, x: number): number {
  const travel = inst.problem.travel;
  const cpm = r.type.costPerMetre;
  const lj = inst.jobLoc[j]!;
  const prev = r.loc[x - 1]!;
  const next = r.loc[x + 1]!;
  let best = cpm * (travel.distance(prev, lj) + travel.distance(lj, next) - travel.distance(prev, next));
  placeAt = -1;
  const e = cheapestInsertions(inst, cache, j, r);
  for (let k = 3 * j; k < 3 * j + 3; k++) {
    const at = e.pos[k]!;
    if (at < 0) break;
    if (at === x - 1 || at === x) continue;
    if (cpm * e.cost[k]! < best) {
      best = cpm * e.cost[k]!;
      placeAt = at;
    }
    break;
  }
  return best;
}

/** Priced distance saved by taking the job at position x out of `r`. */
function removalGain(travel: TravelModel, r: RouteState, x: number): number {
  return (
    r.type.costPerMetre * (r.arcDist[x - 1]! + r.arcDist[x]! - travel.distance(r.loc[x - 1]!, r.loc[x + 1]!))
  );
}

/**
 * Do the single trip's total deliveries and total pickups stay within capacity with `out` replaced by
 * `by`? Necessary (the load leaving the depot and the load coming back), not sufficient with both.
 */
function loadsAllow(inst: Instance, r: RouteState, out: number, by: number): boolean {
  const dims = inst.dims;
  const last = (r.nodes.length - 2) * dims;
  for (let d = 0; d < dims; d++) {
    const cap = (r.type.capacity[d] ?? 0) + 1e-9;
    if (r.loadOut[d]! + inst.del[by * dims + d]! - inst.del[out * dims + d]! > cap) return false;
    if (r.loadOut[last + d]! + inst.pick[by * dims + d]! - inst.pick[out * dims + d]! > cap) return false;
  }
  return true;
}

/**
 * `nodes` with the node at p taken out and `by` put after position x (in p's place when x = -1); the fleet
 * search's SWAP* under time warp rebuilds its routes with it too.
 */
export function replaced(nodes: readonly number[], p: number, by: number, x: number): number[] {
  const out = nodes.slice();
  if (x < 0) {
    out[p] = by;
    return out;
  }
  out.splice(x + 1, 0, by);
  out.splice(x < p ? p + 1 : p, 1);
  return out;
}

function swapped(
  sol: Solution,
  a: number,
  p: number,
  atA: number,
  b: number,
  s: number,
  atB: number,
): RouteChange[] {
  const na = sol.routes[a]!.nodes;
  const nb = sol.routes[b]!.nodes;
  return [
    routeChange(sol, a, replaced(na, p, nb[s]!, atA)),
    routeChange(sol, b, replaced(nb, s, na[p]!, atB)),
  ];
}

/** Routes already tried for u, and jobs of B already priced as v, in the current evaluate call. */
const seenRoutes = new Stamps();
const triedJobs = new Stamps();

/** One insertion cache per solution: its entries are keyed by route version, which only that solution's routes bump. */
const caches = new WeakMap<Solution, InsertionCache>();

function cacheOf(sol: Solution): InsertionCache {
  let c = caches.get(sol);
  if (c === undefined) {
    c = newInsertionCache(sol.routes.length, sol.jobRoute.length);
    caches.set(sol, c);
  }
  return c;
}
