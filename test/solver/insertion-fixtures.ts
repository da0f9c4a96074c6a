import type { RoutingProblem, TravelModel } from '../../src/domain/routing-problem.ts';
import { scheduleDay } from '../../src/solver/evaluation/day-schedule.ts';
import {
  type Insertion,
  INTO_TRIP,
  insertedNodes,
  NEW_TRIP_AFTER_DEPOT,
  NEW_TRIP_AT_END,
  noInsertion,
  scanRoute,
  type ScanOptions,
} from '../../src/solver/evaluation/insertion.ts';
import { RouteState } from '../../src/solver/evaluation/route-state.ts';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';

/** A random two-dimensional problem with pickups, multi-trip and (optionally) tight, split windows. */
export function randomProblem(seed: number, tight: boolean, costPerSecond: number): RoutingProblem {
  const rng = new Rng(seed);
  const points: [number, number][] = [[0, 0]];
  for (let i = 0; i < 25; i++) points.push([rng.int(-50, 50), rng.int(-50, 50)]);
  const jobs = points.slice(1).map((_, i) => {
    const open = rng.int(0, 300);
    const windows: [number, number][] = tight
      ? [
          [open, open + 40],
          [open + 120, open + 200],
        ]
      : [[0, 1e6]];
    return job(i + 1, {
      delivery: [rng.int(0, 4), rng.int(0, 2)],
      pickup: [rng.int(0, 3), rng.int(0, 2)],
      serviceS: 5,
      windows,
    });
  });
  return {
    dimensions: 2,
    travel: euclidean(points),
    jobs,
    vehicleTypes: [vehicleType({ capacity: [12, 6], costPerSecond })],
    vehicles: [vehicle({ maxTrips: 3, reloadS: 15, shiftEndS: tight ? 700 : 1e6 })],
  };
}

/**
 * Cheapest feasible insertion by brute force: full recomputation of every candidate sequence, each shown to
 * `seen` (if given) with the full schedule's verdict.
 */
export function bruteForce(
  problem: RoutingProblem,
  route: RouteState,
  j: number,
  seen?: (nodes: readonly number[], feasible: boolean) => void,
): number {
  const inst = route.inst;
  let best = Infinity;
  const L = route.nodes.length;
  const kinds: [number, number][] = [];
  for (let p = 0; p < L - 1; p++) kinds.push([p, INTO_TRIP]);
  if (route.jobs > 0 && route.trips < route.vehicle.maxTrips) {
    for (let p = 0; p < L - 1; p++) if (route.nodes[p]! < 0) kinds.push([p, NEW_TRIP_AFTER_DEPOT]);
    kinds.push([L - 2, NEW_TRIP_AT_END]);
  }
  const allowed = problem.jobs[j]!.allowedVehicleTypes;
  if (allowed !== undefined && !allowed.includes(route.vehicle.type)) return Infinity;
  for (const [p, kind] of kinds) {
    const nodes = insertedNodes(route, j, p, kind);
    const plan = scheduleDay(inst, route.v, nodes);
    seen?.(nodes, plan.feasible);
    if (plan.feasible) best = Math.min(best, plan.cost);
  }
  return best;
}

/** Vehicle 0's day of `problem` set to `nodes` (DEPOT = -1), caches computed; `positions` as a solution shares it. */
export function routeWith(
  problem: RoutingProblem,
  nodes: readonly number[],
  positions?: Int32Array,
): RouteState {
  const route = new RouteState(buildInstance(problem), 0, positions);
  route.nodes = nodes.slice();
  route.recompute();
  return route;
}

/** The scan's cheapest insertion of job j into `route` (no blinking, no opening penalty unless `opt` says). */
export function scanOne(route: RouteState, j: number, opt: Partial<ScanOptions> = {}): Insertion {
  const best = noInsertion();
  scanRoute(route.inst, route, j, best, { rng: undefined, blinkRate: 0, openPenalty: 0, ...opt });
  return best;
}

/** Travel from hand-written matrices (`time` defaults to `dist`): arcs that need not be Euclidean. */
export function matrixTravel(dist: readonly (readonly number[])[], time = dist): TravelModel {
  return { size: dist.length, distance: (a, b) => dist[a]![b]!, duration: (a, b) => time[a]![b]! };
}

/**
 * The hand-worked days' map (1 m = 1 s in handDay): depot 0 at (0,0), 1 at (6,8), 2 at (6,0), 3 at (0,-5).
 * Depot to 1: 10 m, to 2: 6 m, to 3: 5 m; 1 to 2: 8 m.
 */
export const HAND_POINTS = [
  [0, 0],
  [6, 8],
  [6, 0],
  [0, -5],
] as const;
