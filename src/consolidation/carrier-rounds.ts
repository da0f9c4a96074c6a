import type { City, SizeVector } from '../domain/city.ts';
import type { RoutingVehicle } from '../domain/routing-problem.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import { serviceStarts, singleTypeAccess } from './access.ts';
import { bundleOrders } from './bundle.ts';
import { buildBundleProblem, type BundleProblem } from './bundle-problem.ts';
import { solveInContext, type SolveBudget, type SolveContext } from './solve-context.ts';
import { InternalError } from '../domain/errors.ts';

/**
 * Assumptions for a carrier's own rounds (the status quo), no source found: vans work 05:00–20:00,
 * may come back to the depot once to reload (two trips), and reload in 30 minutes.
 */
export const CARRIER_SHIFT_S = { start: 5 * 3600, end: 20 * 3600 } as const;
export const CARRIER_MAX_TRIPS = 2;
export const CARRIER_RELOAD_S = 30 * 60;

/** A carrier serving some of its orders from its own depot with its own vehicles, optimised on their own. */
export interface CarrierRounds {
  readonly carrier: number;
  readonly routing: BundleProblem;
  readonly solution: RoutingSolution;
}

/**
 * Routes one carrier's orders from its depot with its baseline vehicle type. Orders to the same receiver
 * go in one stop (a carrier does not visit a shop twice for two parcels). Access rules bind the carrier's
 * vehicles as they bind the pooled fleet: a stop its type may not serve in the receiver's windows moves to
 * the hours it may (orders narrowed before bundling), or the order is reported as `no-vehicle-allowed`.
 */
export function planCarrierRounds(
  city: City,
  carrier: number,
  orderIndices: readonly number[],
  budget: SolveBudget,
  ctx: SolveContext,
  vehicleCount?: number,
  typeIndex?: number,
): CarrierRounds {
  const c = city.carriers[carrier];
  if (!c) throw new InternalError('BROKEN_INVARIANT', `carrier index ${carrier} is not in the city`);
  const typeOf = typeIndex ?? c.baselineType;
  const type = city.vehicleTypes[typeOf];
  if (!type) throw new InternalError('BROKEN_INVARIANT', `vehicle type index ${typeOf} is not in the city`);
  const starts = (receiver: number) =>
    serviceStarts(city, receiver, typeOf, city.receivers[receiver]?.serviceS ?? 0);
  const bundles = bundleOrders(city, orderIndices, type.capacity, starts);
  const given = vehicleCount ?? c.baselineVehicles;
  const routingWith = (count: number) =>
    buildBundleProblem(
      city,
      bundles,
      Array.from({ length: count }, (): RoutingVehicle => ({
        type: typeOf,
        depot: c.location,
        shiftStartS: CARRIER_SHIFT_S.start,
        shiftEndS: CARRIER_SHIFT_S.end,
        maxTrips: CARRIER_MAX_TRIPS,
        reloadS: CARRIER_RELOAD_S,
      })),
      (b) => singleTypeAccess(city, b, typeOf),
    );
  let count =
    given ??
    enoughVehicles(
      bundles.map((b) => b.delivery),
      type.capacity,
    );
  let routing = routingWith(count);
  if (count === 0) {
    // no vehicle left for these orders (a carrier's vehicles split between zones): not a type question
    const unassigned = bundles.map((_, job) => ({ job, reason: 'fleet-exhausted' as const }));
    const stats = { iterations: 0, elapsedMs: 0, timeCapped: false };
    return { carrier, routing, solution: { routes: [], unassigned, cost: 0, stats } };
  }
  let solution = solveInContext(routing.problem, budget, ctx);
  // a fleet the scenario does not give must never bind, but receiving windows can need more vehicles than the
  // volume's estimate: solved again with twice as many, up to one a stop (the 10,000-receiver day's pharmacy
  // wholesaler left 12 orders undelivered at effort draft)
  while (given === undefined && count < bundles.length && solution.unassigned.some(fleetExhausted)) {
    count = Math.min(bundles.length, 2 * count);
    routing = routingWith(count);
    const before = solution.stats;
    // its progress is not reported: the task's share of the bar is full already, and must not move back
    const again = solveInContext(routing.problem, budget, { ...ctx, onProgress: undefined });
    // the work of every solve counts (meta.iterations, and whether the wall clock cut one short)
    const stats = {
      iterations: before.iterations + again.stats.iterations,
      elapsedMs: before.elapsedMs + again.stats.elapsedMs,
      timeCapped: before.timeCapped || again.stats.timeCapped,
    };
    solution = { ...again, stats };
  }
  return { carrier, routing, solution };
}

const fleetExhausted = (u: { readonly reason: string }): boolean => u.reason === 'fleet-exhausted';

/**
 * A fleet large enough never to be the binding constraint when the carrier's fleet is not given:
 * three times the vehicles its volume needs, plus two (receiving windows, not volume, often bind), at most one per stop.
 */
function enoughVehicles(loads: readonly SizeVector[], capacity: SizeVector): number {
  let need = 0;
  for (let d = 0; d < 3; d++) {
    const total = loads.reduce((sum, l) => sum + (l[d] as number), 0);
    need = Math.max(need, total / (capacity[d] as number));
  }
  return Math.max(1, Math.min(loads.length, Math.ceil(need * 3) + 2));
}
