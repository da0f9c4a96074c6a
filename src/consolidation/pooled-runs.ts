import type { City, SizeVector } from '../domain/city.ts';
import type { RoutingVehicle } from '../domain/routing-problem.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import { mixedFleetAccess } from './access.ts';
import { bundleOrders } from './bundle.ts';
import { buildBundleProblem, type BundleProblem } from './bundle-problem.ts';
import { solveInContext, type SolveBudget, type SolveContext, type WarmStart } from './solve-context.ts';
import type { Bundle } from './bundle.ts';
import { maxOf } from '../domain/arrays.ts';

/** One hub's pooled fleet serving the bundles of the receivers assigned to it, in multi-trip runs. */
export interface PooledRuns {
  readonly hub: number;
  readonly routing: BundleProblem;
  readonly solution: RoutingSolution;
}

/** Vehicles of a hub's fleet, each working inside both its shift and the hub's opening hours. */
export function hubVehicles(city: City, hub: number): RoutingVehicle[] {
  const h = city.hubs[hub];
  if (!h) return [];
  return city.fleet
    .filter((f) => f.hub === hub)
    .flatMap((f) =>
      Array.from({ length: f.count }, () => ({
        type: f.type,
        depot: h.location,
        shiftStartS: Math.max(f.shiftStartS, h.openS),
        shiftEndS: Math.min(f.shiftEndS, h.closeS),
        maxTrips: f.maxTrips,
        reloadS: f.reloadS,
      })),
    );
}

/**
 * Bundles every order of the hub's receivers (all carriers together) and routes them with the given vehicles of
 * the hub's fleet; `warm`, given the bundles, may supply routes to start from (pricing a coalition of carriers).
 */
export function planPooledRuns(
  city: City,
  hub: number,
  orderIndices: readonly number[],
  vehicles: readonly RoutingVehicle[],
  budget: SolveBudget,
  ctx: SolveContext,
  warm?: (bundles: readonly Bundle[]) => WarmStart,
): PooledRuns {
  const types = [...new Set(vehicles.map((v) => v.type))];
  const bundles = bundleOrders(city, orderIndices, largestCapacity(city, types));
  const routing = buildBundleProblem(city, bundles, vehicles, (b) => mixedFleetAccess(city, b, types));
  const solution = solveInContext(routing.problem, budget, ctx, warm?.(bundles));
  return { hub, routing, solution };
}

/** Per dimension, the largest capacity among the types: a bundle larger than that fits no vehicle. */
function largestCapacity(city: City, types: readonly number[]): SizeVector {
  const caps = types.map((t) => city.vehicleTypes[t]?.capacity ?? ([0, 0, 0] as const));
  const max = (d: 0 | 1 | 2): number => Math.max(0, maxOf(caps.map((c) => c[d])));
  return [max(0), max(1), max(2)];
}
