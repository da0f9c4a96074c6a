import type { RoutingProblem, VehicleEnergyModel } from '../../src/domain/routing-problem.ts';
import { classifyJobs, vehicleClasses } from '../../src/solver/model/classify.ts';
import { DEPOT, type Instance } from '../../src/solver/model/instance.ts';
import { buildNeighbours } from '../../src/solver/model/neighbours.ts';
import { Rng } from '../../src/solver/rng.ts';
import type { MoveContext } from '../../src/solver/search/operators/operator.ts';
import { recreate } from '../../src/solver/search/recreate.ts';
import { Solution } from '../../src/solver/search/solution.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';

export interface RandomProblemOptions {
  /** Split windows and a 900 s shift, instead of none. */
  readonly tight: boolean;
  readonly costPerSecond: number;
  /** Trip duration limit on type 0 and a payload-dependent energy range on both types. */
  readonly limits?: boolean;
  /** Eight one-trip vehicles (half of each type) instead of four multi-trip ones (SWAP* needs one trip). */
  readonly singleTrip?: boolean;
}

/** kWh per metre rising with the mass on board (dimension 0), so range depends on payload. */
const payloadEnergy = (rangeKWh: number): VehicleEnergyModel => ({
  arcKWh: (distance, kg) => distance * (0.01 + 0.004 * kg),
  rangeKWh,
});

/**
 * Random problem exercising every constraint the operators must respect: two dimensions with pickups,
 * multi-trip with reloads, split windows (optional), two vehicle types with fixed costs and a type
 * restriction, time priced or not, and optionally trip duration and payload-dependent range limits.
 */
export function randomProblem(seed: number, opt: RandomProblemOptions): RoutingProblem {
  const { tight, costPerSecond, limits = false, singleTrip = false } = opt;
  const rng = new Rng(seed);
  const points: [number, number][] = [[0, 0]];
  for (let i = 0; i < 40; i++) points.push([rng.int(-50, 50), rng.int(-50, 50)]);
  const jobs = points.slice(1).map((_, i) => {
    const open = rng.int(0, 400);
    return job(i + 1, {
      delivery: [rng.int(0, 4), rng.int(0, 2)],
      pickup: [rng.int(0, 3), rng.int(0, 2)],
      serviceS: 5,
      windows: tight
        ? [
            [open, open + 60],
            [open + 150, open + 260],
          ]
        : [[0, 1e6]],
      allowedVehicleTypes: i % 7 === 0 ? [1] : undefined,
    });
  });
  const shiftEndS = tight ? 900 : 1e6;
  return {
    dimensions: 2,
    travel: euclidean(points),
    jobs,
    vehicleTypes: [
      vehicleType({
        capacity: [12, 6],
        fixedCost: 40,
        costPerSecond,
        ...(limits ? { maxTripDurationS: 330, energy: payloadEnergy(5) } : {}),
      }),
      vehicleType({
        capacity: [9, 9],
        fixedCost: 25,
        costPerSecond,
        costPerMetre: 1.3,
        ...(limits ? { energy: payloadEnergy(4) } : {}),
      }),
    ],
    vehicles: singleTrip
      ? Array.from({ length: 8 }, (_, v) => vehicle({ type: v % 2, shiftEndS }))
      : [
          vehicle({ maxTrips: 3, reloadS: 15, shiftEndS }),
          vehicle({ maxTrips: 2, reloadS: 10, shiftEndS }),
          vehicle({ type: 1, maxTrips: 3, reloadS: 15, shiftEndS }),
          vehicle({ type: 1, maxTrips: 1, shiftEndS }),
        ],
  };
}

/** The random problems the operator tests run on: every combination that changes the evaluation path. */
export const PROBLEM_CASES: readonly RandomProblemOptions[] = [
  { tight: true, costPerSecond: 0 },
  { tight: true, costPerSecond: 0.4 },
  { tight: false, costPerSecond: 0 },
  { tight: true, costPerSecond: 0.4, limits: true },
  { tight: false, costPerSecond: 0, limits: true },
  { tight: false, costPerSecond: 0, singleTrip: true },
  { tight: true, costPerSecond: 0.4, singleTrip: true },
];

/** A random (blinking, no local search) greedy solution of the problem, and a move context on it. */
export function initialSolution(
  inst: Instance,
  seed: number,
  epsilon = 1e-9,
): { sol: Solution; ctx: MoveContext } {
  const rng = new Rng(seed);
  const neighbours = buildNeighbours(inst, rng);
  const sol = new Solution(inst);
  const servable = classifyJobs(inst).flatMap((r, j) => (r === undefined ? [j] : []));
  const recreateCtx = {
    inst,
    neighboursOf: (job: number) => neighbours[job]!,
    classes: vehicleClasses(inst),
    depotDist: new Float64Array(inst.n),
    demand: new Float64Array(inst.n),
    rng,
    fullScanLimit: 40,
  };
  sol.begin();
  recreate(sol, servable, recreateCtx, { blinkRate: 0.3, allowOpen: true, openPenalty: 0 });
  sol.commit();
  return { sol, ctx: { inst, sol, neighbours, epsilon } };
}

/**
 * A route's node sequence `[DEPOT, j.., DEPOT, ..]` as trips of jobs (the oracle's input). An empty
 * trip left between two depots is kept, so the oracle reports it; the idle day `[DEPOT, DEPOT]` has none.
 */
export function tripsOf(nodes: readonly number[]): number[][] {
  if (nodes.length <= 2) return [];
  const trips: number[][] = [];
  let current: number[] = [];
  for (const x of nodes.slice(1)) {
    if (x !== DEPOT) current.push(x);
    else {
      trips.push(current);
      current = [];
    }
  }
  return trips;
}
