import type {
  RoutingJob,
  RoutingProblem,
  RoutingVehicle,
  RoutingVehicleType,
  TravelModel,
} from '../../src/domain/routing-problem.ts';
import type { SolveParams } from '../../src/solver/api.ts';
import { Rng } from '../../src/solver/rng.ts';

/** Euclidean travel over points; duration = distance / speed (per profile). */
export function euclidean(
  points: readonly (readonly [number, number])[],
  speeds: readonly number[] = [1],
): TravelModel {
  const d = (a: number, b: number): number =>
    Math.hypot(points[a]![0] - points[b]![0], points[a]![1] - points[b]![1]);
  return { size: points.length, distance: d, duration: (a, b, profile) => d(a, b) / (speeds[profile] ?? 1) };
}

export const job = (location: number, over: Partial<RoutingJob> = {}): RoutingJob => ({
  location,
  delivery: [1],
  pickup: [0],
  serviceS: 0,
  windows: [[0, 1e6]],
  ...over,
});

export const vehicleType = (over: Partial<RoutingVehicleType> = {}): RoutingVehicleType => ({
  capacity: [100],
  fixedCost: 0,
  costPerMetre: 1,
  costPerSecond: 0,
  profile: 0,
  ...over,
});

/**
 * One vehicle's day to work out by hand: Euclidean points (1 m = 1 s), fixed cost 7, 2 per metre, capacity 2,
 * up to two trips with a 10 s reload; `over` changes the type or the vehicle.
 */
export function handDay(
  points: readonly (readonly [number, number])[],
  jobs: readonly (Partial<RoutingJob> & { readonly location: number })[],
  over: { type?: Partial<RoutingVehicleType>; vehicle?: Partial<RoutingVehicle> } = {},
): RoutingProblem {
  return {
    dimensions: 1,
    travel: euclidean(points),
    jobs: jobs.map((o) => job(o.location, o)),
    vehicleTypes: [vehicleType({ fixedCost: 7, costPerMetre: 2, capacity: [2], ...over.type })],
    vehicles: [vehicle({ maxTrips: 2, reloadS: 10, ...over.vehicle })],
  };
}

export const vehicle = (over: Partial<RoutingVehicle> = {}): RoutingVehicle => ({
  type: 0,
  depot: 0,
  shiftStartS: 0,
  shiftEndS: 1e6,
  maxTrips: 1,
  reloadS: 0,
  ...over,
});

/** Deterministic params: a frozen clock, so only the iteration budget stops the search. */
export const params = (maxIterations: number, over: Partial<SolveParams> = {}): SolveParams => ({
  seed: 1,
  clock: () => 0,
  timeLimitMs: 1e9,
  maxIterations,
  ...over,
});

/**
 * Solomon-like random VRPTW: depot in the middle of a 100 x 100 square, demands 1..30, capacity 200,
 * service 10, windows of width 30..120 around a time that a direct trip can reach.
 */
export function randomVrptw(n: number, seed: number, vehicles = 25): RoutingProblem {
  const rng = new Rng(seed);
  const points: [number, number][] = [[50, 50]];
  for (let i = 0; i < n; i++) points.push([rng.int(0, 100), rng.int(0, 100)]);
  const travel = euclidean(points);
  const horizon = 1000;
  const jobs = points.slice(1).map((_, i) => {
    const direct = travel.duration(0, i + 1, 0);
    const width = rng.int(30, 120);
    const open = rng.int(Math.ceil(direct), Math.floor(horizon - direct - 10 - width));
    return job(i + 1, { delivery: [rng.int(1, 30)], serviceS: 10, windows: [[open, open + width]] });
  });
  return {
    dimensions: 1,
    travel,
    jobs,
    vehicleTypes: [vehicleType({ capacity: [200] })],
    vehicles: Array.from({ length: vehicles }, () => vehicle({ shiftEndS: horizon })),
  };
}
