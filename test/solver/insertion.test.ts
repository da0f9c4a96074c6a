import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { scheduleDay } from '../../src/solver/evaluation/day-schedule.ts';
import {
  applyInsertion,
  INTO_TRIP,
  insertedNodes,
  NEW_TRIP_AFTER_DEPOT,
  NEW_TRIP_AT_END,
  noInsertion,
  scanRoute,
} from '../../src/solver/evaluation/insertion.ts';
import { RouteState } from '../../src/solver/evaluation/route-state.ts';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { Rng } from '../../src/solver/rng.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';

/** A random two-dimensional problem with pickups, multi-trip and (optionally) tight, split windows. */
function randomProblem(seed: number, tight: boolean, costPerSecond: number): RoutingProblem {
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

/** Cheapest feasible insertion by brute force: full recomputation of every candidate sequence. */
function bruteForce(problem: RoutingProblem, route: RouteState, j: number): number {
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
    const plan = scheduleDay(inst, route.v, insertedNodes(route, j, p, kind));
    if (plan.feasible) best = Math.min(best, plan.cost);
  }
  return best;
}

describe('insertion evaluator', () => {
  for (const [tight, cps] of [
    [true, 0],
    [false, 0.5],
  ] as const) {
    it(`finds the brute-force cheapest insertion and its delta is the real cost change (tight=${tight}, cps=${cps})`, () => {
      for (let seed = 1; seed <= 4; seed++) {
        const problem = randomProblem(seed, tight, cps);
        const inst = buildInstance(problem);
        const route = new RouteState(inst, 0);
        let inserted = 0;
        for (let j = 0; j < inst.n; j++) {
          const expected = bruteForce(problem, route, j);
          const best = noInsertion();
          scanRoute(inst, route, j, best, { rng: undefined, blinkRate: 0, openPenalty: 0 });
          if (expected === Infinity) {
            expect(best.route).toBeUndefined();
            continue;
          }
          expect(best.route).toBeDefined();
          const before = route.cost;
          applyInsertion(best, j);
          inserted++;
          expect(route.feasible).toBe(true);
          expect(route.cost).toBeCloseTo(expected, 6);
          expect(route.cost - before).toBeCloseTo(best.delta, 6);
        }
        expect(inserted).toBeGreaterThan(3);
      }
    });
  }

  it('keeps caches consistent after removals', () => {
    const problem = randomProblem(9, false, 0);
    const inst = buildInstance(problem);
    const route = new RouteState(inst, 0);
    for (let j = 0; j < 10; j++) {
      const best = noInsertion();
      scanRoute(inst, route, j, best, { rng: undefined, blinkRate: 0, openPenalty: 0 });
      if (best.route) applyInsertion(best, j);
    }
    const jobs = route.jobList();
    route.removeJob(jobs[0]!);
    route.removeJob(jobs[jobs.length - 1]!);
    route.recompute();
    const fresh = new RouteState(inst, 0);
    fresh.nodes = route.nodes.slice();
    fresh.recompute();
    expect(Array.from(route.ls)).toEqual(Array.from(fresh.ls));
    expect(Array.from(route.prefMax)).toEqual(Array.from(fresh.prefMax));
    expect(route.nodes.filter((x, i) => x < 0 && route.nodes[i + 1] === x)).toEqual([]);
  });
});
