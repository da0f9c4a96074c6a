import { driveS } from '../model/drive.ts';
import { DEPOT, type Instance } from '../model/instance.ts';
import type { Rng } from '../rng.ts';
import { daySummary } from './day-schedule.ts';
import type { RouteState } from './route-state.ts';

/**
 * Cheapest insertion of one job into one vehicle's day, O(1) per position from the cached route data.
 *
 *   into trip:            ... p  [j]  p+1 ...
 *   new trip after depot: ... D  [j D'] next trip ...
 *   new trip at the end:  ... last job [D' j] D
 *
 * The delta is exact for distance and for driving/service/reload time; changes in waiting are not
 * counted (the route cost after apply is recomputed exactly).
 */
export const INTO_TRIP = 0;
export const NEW_TRIP_AFTER_DEPOT = 1;
export const NEW_TRIP_AT_END = 2;

export interface Insertion {
  route: RouteState | undefined;
  pos: number;
  kind: number;
  delta: number;
}

export const noInsertion = (): Insertion => ({ route: undefined, pos: -1, kind: INTO_TRIP, delta: Infinity });

/** Options of one scan: blink rate (skip a position with this probability) and cost of opening a vehicle. */
export interface ScanOptions {
  readonly rng: Rng | undefined;
  readonly blinkRate: number;
  /** Added to the delta when the route is empty (on top of the type's fixed cost). */
  readonly openPenalty: number;
}

/** Updates `best` if a cheaper feasible insertion of job j into `route` exists. */
export function scanRoute(
  inst: Instance,
  route: RouteState,
  j: number,
  best: Insertion,
  opt: ScanOptions,
): void {
  const typeIdx = route.vehicle.type;
  if (inst.typeOk[j * inst.nTypes + typeIdx] === 0 || route.vehicle.maxTrips < 1) return;
  const travel = inst.problem.travel;
  const timed = inst.timed;
  const type = route.type;
  const profile = type.profile;
  const cpm = type.costPerMetre;
  const cps = type.costPerSecond;
  const nodes = route.nodes;
  const L = nodes.length;
  const lj = inst.jobLoc[j]!;
  const svcJ = inst.jobSvc[j]!;
  const open = route.jobs === 0 ? type.fixedCost + opt.openPenalty : 0;
  const blink = opt.rng !== undefined && opt.blinkRate > 0;
  const capacity = type.capacity;
  const shiftStart = route.vehicle.shiftStartS;
  const { es, svc, ls, loc, arcDist, arcTime, prefMax, sufMax } = route;

  for (let p = 0; p < L - 1; p++) {
    if (blink && opt.rng!.next() < opt.blinkRate) continue;
    // Windows and loads before any distance: they need none, and they rule out most positions of a long
    // day. Exact: driving times are >= 0 and a start never comes earlier for a later arrival, so a position
    // that fails with no driving fails with any.
    const sjLow = inst.earliestStart(j, es[p]! + svc[p]!);
    if (sjLow === Infinity) continue;
    const q = nodes[p + 1]!;
    const arrQLow = sjLow + svcJ;
    const sqLow = q < 0 ? (arrQLow > shiftStart ? arrQLow : shiftStart) : inst.earliestStart(q, arrQLow);
    if (sqLow > ls[p + 1]!) continue;
    if (!loadFits(inst, j, p, prefMax, sufMax, capacity)) continue;
    const lp = loc[p]!;
    const lq = loc[p + 1]!;
    // Then cost: most of the remaining positions are pruned before the exact window check (and, when time is
    // free, before any duration lookup).
    let delta = open + cpm * (travel.distance(lp, lj) + travel.distance(lj, lq) - arcDist[p]!);
    if (delta >= best.delta && cps >= 0) continue;
    // time-dependent: each arc at its departure (j's earliest start; if it has none, t2 is the free time
    // and the position is dropped below)
    const t1 = timed ? timed.leaving(lp, lj, profile, es[p]! + svc[p]!) : travel.duration(lp, lj, profile);
    const t2 = timed
      ? timed.leaving(lj, lq, profile, inst.earliestStart(j, es[p]! + svc[p]! + t1) + svcJ)
      : travel.duration(lj, lq, profile);
    if (cps !== 0) delta += cps * (t1 + svcJ + t2 - arcTime[p]!);
    if (delta >= best.delta) continue;
    const sj = inst.earliestStart(j, es[p]! + svc[p]! + t1);
    if (sj === Infinity) continue;
    const arrQ = sj + svcJ + t2;
    const sq = q < 0 ? (arrQ > shiftStart ? arrQ : shiftStart) : inst.earliestStart(q, arrQ);
    if (sq > ls[p + 1]!) continue;
    if (confirm(inst, route, j, p, INTO_TRIP)) set(best, route, p, INTO_TRIP, delta);
  }
  if (route.jobs === 0 || route.trips >= route.vehicle.maxTrips) return;
  scanNewTrips(inst, route, j, best, opt);
}

/** Does job j fit the loads of the trip arcs around position p (prefix and suffix maxima per dimension)? */
function loadFits(
  inst: Instance,
  j: number,
  p: number,
  prefMax: Float64Array,
  sufMax: Float64Array,
  capacity: readonly number[],
): boolean {
  const dims = inst.dims;
  for (let d = 0; d < dims; d++) {
    const cap = capacity[d] ?? 0;
    if (
      prefMax[p * dims + d]! + inst.del[j * dims + d]! > cap ||
      sufMax[p * dims + d]! + inst.pick[j * dims + d]! > cap
    )
      return false;
  }
  return true;
}

function scanNewTrips(inst: Instance, route: RouteState, j: number, best: Insertion, opt: ScanOptions): void {
  const travel = inst.problem.travel;
  const { type, vehicle, nodes, es, svc, ls, loc, arcTime } = route;
  const L = nodes.length;
  const lj = inst.jobLoc[j]!;
  const dl = vehicle.depot;
  const profile = type.profile;
  // with time-dependent travel, each driving time at its departure (the hour decides)
  const timed = inst.timed !== undefined;
  let toJ = travel.duration(dl, lj, profile);
  let fromJ = travel.duration(lj, dl, profile);
  const out = travel.distance(dl, lj) + travel.distance(lj, dl);
  const reload = vehicle.reloadS;
  for (let p = 0; p < L - 1; p++) {
    if (nodes[p]! >= 0) continue;
    if (opt.rng !== undefined && opt.blinkRate > 0 && opt.rng.next() < opt.blinkRate) continue;
    // D -> j -> D' (reload) -> next trip's first job
    if (timed) toJ = driveS(inst, dl, lj, profile, es[p]! + svc[p]!);
    const sj = inst.earliestStart(j, es[p]! + svc[p]! + toJ);
    if (sj === Infinity) continue;
    if (timed) fromJ = driveS(inst, lj, dl, profile, sj + inst.jobSvc[j]!);
    const back = sj + inst.jobSvc[j]! + fromJ;
    if (back > vehicle.shiftEndS) continue;
    const q = nodes[p + 1]!;
    const ready = Math.max(back, vehicle.shiftStartS) + reload;
    const sq = inst.earliestStart(
      q,
      ready + (timed ? driveS(inst, dl, loc[p + 1]!, profile, ready) : arcTime[p]!),
    );
    if (sq > ls[p + 1]!) continue;
    const delta = type.costPerMetre * out + type.costPerSecond * (toJ + inst.jobSvc[j]! + fromJ + reload);
    if (delta < best.delta && confirm(inst, route, j, p, NEW_TRIP_AFTER_DEPOT))
      set(best, route, p, NEW_TRIP_AFTER_DEPOT, delta);
  }
  // last job -> D' (reload) -> j -> D
  const p = L - 2;
  const back = es[p]! + svc[p]! + arcTime[p]!;
  if (back > vehicle.shiftEndS) return;
  const ready = Math.max(back, vehicle.shiftStartS) + reload;
  if (timed) toJ = driveS(inst, dl, lj, profile, ready);
  const sj = inst.earliestStart(j, ready + toJ);
  if (sj === Infinity) return;
  if (timed) fromJ = driveS(inst, lj, dl, profile, sj + inst.jobSvc[j]!);
  if (sj + inst.jobSvc[j]! + fromJ > ls[L - 1]!) return;
  const delta = type.costPerMetre * out + type.costPerSecond * (toJ + inst.jobSvc[j]! + fromJ + reload);
  if (delta < best.delta && confirm(inst, route, j, p, NEW_TRIP_AT_END))
    set(best, route, p, NEW_TRIP_AT_END, delta);
}

function set(best: Insertion, route: RouteState, pos: number, kind: number, delta: number): void {
  best.route = route;
  best.pos = pos;
  best.kind = kind;
  best.delta = delta;
}

/** Node sequence after the insertion (does not mutate the route). */
export function insertedNodes(route: RouteState, j: number, pos: number, kind: number): number[] {
  const nodes = route.nodes.slice();
  if (kind === INTO_TRIP) nodes.splice(pos + 1, 0, j);
  else if (kind === NEW_TRIP_AFTER_DEPOT) nodes.splice(pos + 1, 0, j, DEPOT);
  else nodes.splice(pos + 1, 0, DEPOT, j);
  return nodes;
}

/** Full day check, only for types with trip-duration or energy limits (after the O(1) checks passed). */
function confirm(inst: Instance, route: RouteState, j: number, pos: number, kind: number): boolean {
  if (!route.constrained) return true;
  return daySummary(inst, route.v, insertedNodes(route, j, pos, kind)).feasible;
}

/** Applies an insertion found by scanRoute and refreshes the route caches. */
export function applyInsertion(ins: Insertion, j: number): void {
  const route = ins.route!;
  route.nodes = insertedNodes(route, j, ins.pos, ins.kind);
  route.recompute();
}
