import { pushAll } from '../../domain/arrays.ts';
import { InputError } from '../../domain/errors.ts';
import { DEPOT } from '../model/instance.ts';
import { recreate, type RecreateContext } from '../search/recreate.ts';
import type { Solution } from '../search/solution.ts';

/** A vehicle's day given as trips of job indices, in visiting order (a warm start's route). */
export interface InitialRoute {
  readonly vehicle: number;
  readonly trips: readonly (readonly number[])[];
}

/**
 * Initial solution from given routes (e.g. the grand coalition's routes with other carriers' stops removed):
 * each route is set as it is when it is feasible for its vehicle; a route that is not (a load, time or type
 * its vehicle cannot take, or a vehicle given twice) is dropped whole and its jobs, with every servable job no route holds, are inserted greedily as in
 * constructInitial. Jobs that are not servable are ignored. Unknown vehicles and jobs, and a job given twice,
 * are input errors: the caller's mapping is broken.
 */
export function constructFromRoutes(
  sol: Solution,
  servable: readonly number[],
  routes: readonly InitialRoute[],
  ctx: RecreateContext,
  openPenalty: number,
): void {
  const inst = sol.inst;
  const isServable = new Uint8Array(inst.n);
  for (const j of servable) isServable[j] = 1;
  const seen = new Uint8Array(inst.n);
  const vehicleSeen = new Uint8Array(inst.vehicles.length);
  sol.begin();
  routes.forEach((route, r) => {
    if (!Number.isInteger(route.vehicle) || route.vehicle < 0 || route.vehicle >= inst.vehicles.length)
      throw new InputError('UNKNOWN_REFERENCE', `initial route ${r} names vehicle ${route.vehicle}`, {
        field: `initial[${r}].vehicle`,
      });
    const nodes: number[] = [DEPOT];
    for (const trip of route.trips) {
      const jobs = trip.filter((j) => {
        if (!Number.isInteger(j) || j < 0 || j >= inst.n)
          throw new InputError('UNKNOWN_REFERENCE', `initial route ${r} names job ${j}`, {
            field: `initial[${r}].trips`,
          });
        if (seen[j])
          throw new InputError('INVALID_VALUE', `job ${j} is in two initial routes`, {
            field: `initial[${r}].trips`,
          });
        seen[j] = 1;
        return isServable[j] === 1;
      });
      if (jobs.length > 0) {
        pushAll(nodes, jobs);
        nodes.push(DEPOT);
      }
    }
    if (nodes.length === 1 || vehicleSeen[route.vehicle]) return;
    // a job its vehicle's type may not carry (access rules, size) drops the route: route feasibility
    // checks loads and times, not types, which the insertion and every move check before they place a job
    const type = (inst.vehicles[route.vehicle] as { type: number }).type;
    if (nodes.some((j) => j !== DEPOT && inst.typeOk[j * inst.nTypes + type] === 0)) return;
    vehicleSeen[route.vehicle] = 1;
    sol.touch(route.vehicle);
    sol.setNodes(route.vehicle, nodes);
    if (!sol.routes[route.vehicle]!.feasible) sol.setNodes(route.vehicle, [DEPOT, DEPOT]);
  });
  for (const j of servable) sol.jobRoute[j] = -1;
  sol.routes.forEach((r, v) => {
    for (const j of r.nodes) if (j !== DEPOT) sol.jobRoute[j] = v;
  });
  const left = servable.filter((j) => sol.jobRoute[j] === -1);
  recreate(sol, left, ctx, { blinkRate: 0, allowOpen: true, openPenalty });
  sol.commit();
}
