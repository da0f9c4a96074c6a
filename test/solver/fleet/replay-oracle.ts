import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';
import { buildFleetModel } from '../../../src/solver/fleet/fleet-model.ts';
import { FleetState } from '../../../src/solver/fleet/fleet-state.ts';
import { buildInstance } from '../../../src/solver/model/instance.ts';
import { buildNeighbours } from '../../../src/solver/model/neighbours.ts';
import { Rng } from '../../../src/solver/rng.ts';
import { euclidean, job, vehicle, vehicleType } from '../fixtures.ts';

/** Random VRPTW with narrow windows and a small capacity, so moves often create time warp and excess. */
export function problem(seed: number): RoutingProblem {
  const rng = new Rng(seed);
  const points: [number, number][] = [[50, 50]];
  for (let i = 0; i < 30; i++) points.push([rng.int(0, 100), rng.int(0, 100)]);
  const jobs = points.slice(1).map((_, i) => {
    const open = rng.int(0, 300);
    return job(i + 1, {
      delivery: [rng.int(1, 20)],
      serviceS: rng.int(0, 10),
      windows: [[open, open + rng.int(10, 80)]],
    });
  });
  return {
    dimensions: 1,
    travel: euclidean(points, [1.3]),
    jobs,
    vehicleTypes: [vehicleType({ capacity: [60], costPerSecond: 0.5 })],
    vehicles: Array.from({ length: 6 }, () => vehicle({ shiftStartS: 0, shiftEndS: 500 })),
  };
}

/**
 * Oracle: replay a route of job indices from the depot at shift start, travelling back in time to the
 * window close whenever service would start late (time warp), and sum loads and arc costs.
 */
export function replay(
  p: RoutingProblem,
  jobs: readonly number[],
): { warp: number; excess: number; cost: number } {
  const veh = p.vehicles[0]!;
  const type = p.vehicleTypes[0]!;
  let t = veh.shiftStartS;
  let warp = 0;
  let cost = 0;
  let load = 0;
  let at = veh.depot;
  let service = 0;
  const arc = (a: number, b: number): number =>
    type.costPerMetre * p.travel.distance(a, b) + type.costPerSecond * p.travel.duration(a, b, 0);
  for (const j of jobs) {
    const jb = p.jobs[j]!;
    const [open, close] = jb.windows[0]!;
    let start = Math.max(t + service + p.travel.duration(at, jb.location, 0), open);
    if (start > close) {
      warp += start - close;
      start = close;
    }
    cost += arc(at, jb.location);
    load += jb.delivery[0]!;
    t = start;
    service = jb.serviceS;
    at = jb.location;
  }
  const back = t + service + p.travel.duration(at, veh.depot, 0);
  if (back > veh.shiftEndS) warp += back - veh.shiftEndS;
  cost += arc(at, veh.depot);
  return { warp, excess: Math.max(0, load - type.capacity[0]!), cost };
}

/** The same problem with travel 1.5 x longer (and slower) from a higher location index to a lower one. */
export function asymmetric(p: RoutingProblem): RoutingProblem {
  const base = p.travel;
  const skew = (a: number, b: number): number => (a > b ? 1.5 : 1);
  return {
    ...p,
    travel: {
      size: base.size,
      distance: (a, b) => base.distance(a, b) * skew(a, b),
      duration: (a, b, profile) => base.duration(a, b, profile) * skew(a, b),
    },
  };
}

/**
 * problem(seed)'s customers (asymmetric travel if asked) dealt at random over 5 routes (mostly infeasible
 * ones), and the rng after it.
 */
export function randomState(seed: number, skewed = false): { p: RoutingProblem; st: FleetState; rng: Rng } {
  const p = skewed ? asymmetric(problem(seed)) : problem(seed);
  const inst = buildInstance(p);
  const rng = new Rng(seed + 1000);
  const model = buildFleetModel(inst, buildNeighbours(inst, rng));
  const order = rng.shuffle(Array.from({ length: inst.n }, (_, j) => j));
  const routes: number[][] = [[], [], [], [], []];
  order.forEach((j, k) => routes[k % 5]!.push(j + 1));
  return {
    p,
    st: new FleetState(
      model,
      routes.map((r) => [0, ...r, 0]),
    ),
    rng,
  };
}

/**
 * `trials` random customers on each of randomState(1 .. seeds) (asymmetric travel on even seeds), the state
 * shared across the trials of a seed so moves applied on one are seen by the next.
 */
export function* randomCustomers(
  seeds: number,
  trials: number,
): Generator<{ p: RoutingProblem; st: FleetState; v: number }> {
  for (let seed = 1; seed <= seeds; seed++) {
    const { p, st, rng } = randomState(seed, seed % 2 === 0);
    for (let trial = 0; trial < trials; trial++) yield { p, st, v: rng.int(1, st.model.n) };
  }
}
