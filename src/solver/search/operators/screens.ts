import type { RouteState } from '../../evaluation/route-state.ts';
import { driveS } from '../../model/drive.ts';
import type { Instance } from '../../model/instance.ts';

/**
 * Cheap conditions read from a route's cached state, so most candidate moves are discarded before the
 * exact re-scheduling in tryRoutes. Window screens are necessary conditions when the routes involved
 * share shift, depot and reload time (always on the benchmarks; test/solver/operator-screens.test.ts checks
 * it on random days); otherwise they are a heuristic filter that may skip a feasible move, never accept an
 * infeasible one (tryRoutes decides).
 */

/** May job j ride on route r's vehicle type? */
export function typeAllows(inst: Instance, j: number, r: RouteState): boolean {
  return inst.typeOk[j * inst.nTypes + r.vehicle.type] !== 0;
}

/** Can job j be served between positions x and x+1 of `r` (windows against `ls`, and loads)? */
export function fitsBetween(inst: Instance, r: RouteState, j: number, x: number, checkLoad = true): boolean {
  if (!windowsFit(inst, r, j, x, x + 1)) return false;
  if (!checkLoad) return true;
  const dims = inst.dims;
  for (let d = 0; d < dims; d++) {
    const cap = r.type.capacity[d] ?? 0;
    if (r.prefMax[x * dims + d]! + inst.del[j * dims + d]! > cap) return false;
    if (r.sufMax[x * dims + d]! + inst.pick[j * dims + d]! > cap) return false;
  }
  return true;
}

/**
 * Windows only: can job j be served right after position `from` of `r` and right before position `to`
 * (`to` = from + 1 to insert, from + 2 to take the place of the job at from + 1)?
 */
export function windowsFit(inst: Instance, r: RouteState, j: number, from: number, to: number): boolean {
  const profile = r.type.profile;
  const lj = inst.jobLoc[j]!;
  const leave = r.es[from]! + r.svc[from]!;
  const sj = inst.earliestStart(j, leave + driveS(inst, r.loc[from]!, lj, profile, leave));
  if (sj === Infinity) return false;
  const y = r.nodes[to]!;
  const arr = sj + inst.jobSvc[j]! + driveS(inst, lj, r.loc[to]!, profile, sj + inst.jobSvc[j]!);
  const sy = y < 0 ? Math.max(arr, r.vehicle.shiftStartS) : inst.earliestStart(y, arr);
  return sy <= r.ls[to]!;
}

/** Can the stretch of `a` ending at position x be followed by the stretch of `b` starting at y (windows)? */
export function joins(inst: Instance, a: RouteState, x: number, b: RouteState, y: number): boolean {
  const node = b.nodes[y]!;
  // A trip's end at a's depot and the next trip's start at b's merge into one stop (the same depot): b's
  // latest arrival there already counts its reload, so a's arrival is compared, not a's reload added to it.
  if (node < 0 && a.nodes[x]! < 0) return a.es[x]! <= b.ls[y]!;
  const leave = a.es[x]! + a.svc[x]!;
  const arr = leave + driveS(inst, a.loc[x]!, b.loc[y]!, a.type.profile, leave);
  const s = node < 0 ? arr : inst.earliestStart(node, arr);
  return s <= b.ls[y]!;
}

/**
 * Deliveries and pickups, per dimension, of the trip-part of `r` from position `from` to `to` (inclusive,
 * stopping at depots), added into `into`.
 */
export function addLoads(
  inst: Instance,
  r: RouteState,
  from: number,
  to: number,
  step: 1 | -1,
  into: Float64Array,
): void {
  const dims = inst.dims;
  for (let p = from; p !== to + step; p += step) {
    const j = r.nodes[p]!;
    if (j < 0) break;
    for (let d = 0; d < dims; d++) {
      into[d] = into[d]! + inst.del[j * dims + d]!;
      into[dims + d] = into[dims + d]! + inst.pick[j * dims + d]!;
    }
  }
}

let loadScratch = new Float64Array(16);

/**
 * `size` zeros for addLoads, in one scratch array kept across calls (no allocation per candidate). Valid
 * until the next call: the operators run synchronously and never re-enter, so one array per thread serves.
 */
export function zeroedLoads(size: number): Float64Array {
  if (loadScratch.length < size) loadScratch = new Float64Array(2 * size);
  loadScratch.fill(0, 0, size);
  return loadScratch;
}

/** Total deliveries and pickups of the joined trip both within the capacity of `r`'s type. */
export function loadsFit(r: RouteState, loads: Float64Array, dims: number): boolean {
  for (let d = 0; d < dims; d++) {
    const cap = r.type.capacity[d] ?? 0;
    if (loads[d]! > cap + 1e-9 || loads[dims + d]! > cap + 1e-9) return false;
  }
  return true;
}

/** Windows along the trip stretch [from, to] of `r` when it is driven in reverse, up to position to+1. */
export function reversalFits(inst: Instance, r: RouteState, from: number, to: number): boolean {
  const profile = r.type.profile;
  let t = r.es[from - 1]! + r.svc[from - 1]!;
  let at = r.loc[from - 1]!;
  for (let p = to; p >= from; p--) {
    t = inst.earliestStart(r.nodes[p]!, t + driveS(inst, at, r.loc[p]!, profile, t));
    if (t === Infinity) return false;
    t += r.svc[p]!;
    at = r.loc[p]!;
  }
  const arr = t + driveS(inst, at, r.loc[to + 1]!, profile, t);
  const y = r.nodes[to + 1]!;
  const sy = y < 0 ? Math.max(arr, r.vehicle.shiftStartS) : inst.earliestStart(y, arr);
  return sy <= r.ls[to + 1]!;
}
