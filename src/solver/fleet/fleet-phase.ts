import { scheduleDay } from '../evaluation/day-schedule.ts';
import { DEPOT } from '../model/instance.ts';
import type { SearchContext } from '../search/search-context.ts';
import { buildFleetModel, unsupportedReason, type FleetLoads, type FleetModel } from './fleet-model.ts';
import { FleetState } from './fleet-state.ts';
import { eliminateRoutes } from './route-elimination.ts';

/**
 * Fleet minimisation by route elimination (see route-elimination.ts) on the current complete solution,
 * until the budget share `untilFraction` is used or the fleet reaches the load lower bound (or `floor`, when
 * higher); each ejection-pool step counts as one search iteration. Leaves the smallest complete fleet found in
 * `ctx.sol`. Returns false, changing nothing, when the instance is outside the method's model (mixed
 * fleets, several windows or trips, range limits: see unsupportedReason) or a job is unassigned.
 */
export function minimiseFleetByElimination(ctx: SearchContext, untilFraction: number, floor = 1): boolean {
  const { inst, sol, budget, rng } = ctx;
  if (!eliminationApplies(ctx)) return false;
  const model = buildFleetModel(inst, ctx.neighbours);
  const { st, vehicles } = fleetStateOf(ctx, model);
  eliminateRoutes(st, {
    rng,
    lowerBound: Math.max(floor, loadLowerBound(model)),
    stop: () => {
      const p = budget.progress(sol.cost());
      return budget.done(p) || p.fraction >= untilFraction;
    },
    onStep: () => budget.iteration++,
    onRemoved: () => ctx.params.onProgress?.(budget.progress(sol.cost())),
  });
  writeBack(ctx, st, vehicles);
  return true;
}

/** The instance fits route elimination's model and every job is placed. */
export function eliminationApplies(ctx: SearchContext): boolean {
  return ctx.sol.unassigned.length === 0 && unsupportedReason(ctx.inst) === undefined;
}

/** Fewest routes the loads allow: max over dimensions of ceil(total load / capacity), at least 1. */
export function loadLowerBound(model: FleetLoads): number {
  let bound = 1;
  for (let d = 0; d < model.dims; d++) {
    let total = 0;
    for (let k = 1; k <= model.n; k++) total += model.load[k * model.dims + d]!;
    const cap = model.capacity[d]!;
    if (cap > 0) bound = Math.max(bound, Math.ceil(total / cap - 1e-9));
  }
  return bound;
}

/** The solution's used routes as a fleet state, and the vehicle each route came from. */
export function fleetStateOf(ctx: SearchContext, model: FleetModel): { st: FleetState; vehicles: number[] } {
  const vehicles: number[] = [];
  const seqs: number[][] = [];
  for (const r of ctx.sol.routes) {
    if (r.jobs === 0) continue;
    vehicles.push(r.v);
    seqs.push([0, ...r.jobList().map((j) => j + 1), 0]);
  }
  return { st: new FleetState(model, seqs), vehicles };
}

/**
 * Puts the routes on the vehicles they came from (all interchangeable) after checking each with the
 * solver's full day schedule; keeps the solution unchanged if any fails (a modelling mismatch, never
 * expected).
 */
export function writeBack(ctx: SearchContext, st: FleetState, vehicles: readonly number[]): void {
  const { inst, sol } = ctx;
  st.dropEmpty();
  const snap = sol.snapshot();
  for (const v of vehicles) snap[v] = [DEPOT, DEPOT];
  st.seqs.forEach((seq, r) => {
    snap[vehicles[r]!] = [DEPOT, ...seq.slice(1, -1).map((k) => k - 1), DEPOT];
  });
  for (const v of vehicles) if (!scheduleDay(inst, v, snap[v]!).feasible) return;
  sol.restore(snap, []);
}
