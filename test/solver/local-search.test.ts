import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { dayCost } from '../../src/solver/evaluation/day-cost.ts';
import { scheduleDay } from '../../src/solver/evaluation/day-schedule.ts';
import { classifyJobs, vehicleClasses } from '../../src/solver/model/classify.ts';
import { buildInstance, DEPOT, type Instance } from '../../src/solver/model/instance.ts';
import { buildNeighbours } from '../../src/solver/model/neighbours.ts';
import { toRoutingSolution } from '../../src/solver/output/to-solution.ts';
import { Rng } from '../../src/solver/rng.ts';
import { localSearch, OPERATORS } from '../../src/solver/search/local-search.ts';
import type { MoveContext } from '../../src/solver/search/operators/operator.ts';
import { recreate } from '../../src/solver/search/recreate.ts';
import { Solution } from '../../src/solver/search/solution.ts';
import { checkRoutingSolution } from '../support/check-routing-solution.ts';
import { euclidean, job, vehicle, vehicleType } from './fixtures.ts';

/**
 * Random problem exercising every constraint the operators must respect: two dimensions with pickups,
 * multi-trip with reloads, split windows (optional), two vehicle types with a type restriction, and
 * time priced or not.
 */
function randomProblem(seed: number, tight: boolean, costPerSecond: number): RoutingProblem {
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
  return {
    dimensions: 2,
    travel: euclidean(points),
    jobs,
    vehicleTypes: [
      vehicleType({ capacity: [12, 6], costPerSecond }),
      vehicleType({ capacity: [9, 9], costPerSecond, costPerMetre: 1.3 }),
    ],
    vehicles: [
      vehicle({ maxTrips: 3, reloadS: 15, shiftEndS: tight ? 900 : 1e6 }),
      vehicle({ maxTrips: 2, reloadS: 10, shiftEndS: tight ? 900 : 1e6 }),
      vehicle({ type: 1, maxTrips: 3, reloadS: 15, shiftEndS: tight ? 900 : 1e6 }),
      vehicle({ type: 1, maxTrips: 1, shiftEndS: tight ? 900 : 1e6 }),
    ],
  };
}

/** A random (blinking, no local search) greedy solution of the problem. */
function initial(inst: Instance, seed: number): { sol: Solution; ctx: MoveContext } {
  const rng = new Rng(seed);
  const neighbours = buildNeighbours(inst, rng);
  const sol = new Solution(inst);
  const servable = classifyJobs(inst).flatMap((r, j) => (r === undefined ? [j] : []));
  const recreateCtx = {
    inst,
    neighbours,
    classes: vehicleClasses(inst),
    depotDist: new Float64Array(inst.n),
    demand: new Float64Array(inst.n),
    rng,
    fullScanLimit: 40,
  };
  sol.begin();
  recreate(sol, servable, recreateCtx, { blinkRate: 0.3, allowOpen: true, openPenalty: 0 });
  sol.commit();
  return { sol, ctx: { inst, sol, neighbours, epsilon: 1e-9 } };
}

/** Every route is feasible when fully re-scheduled, its cached cost is the real one, jobs are placed once. */
function expectConsistent(inst: Instance, sol: Solution): void {
  const seen = new Int32Array(inst.n);
  for (const r of sol.routes) {
    const plan = scheduleDay(inst, r.v, r.nodes);
    expect(plan.feasible).toBe(true);
    expect(r.cost).toBeCloseTo(plan.cost, 6);
    expect(r.nodes.filter((x, i) => x === DEPOT && r.nodes[i + 1] === DEPOT && r.nodes.length > 2)).toEqual(
      [],
    );
    expect(r.trips).toBeLessThanOrEqual(r.vehicle.maxTrips);
    for (const x of r.nodes) {
      if (x === DEPOT) continue;
      seen[x]!++;
      expect(sol.jobRoute[x]).toBe(r.v);
      expect(inst.typeOk[x * inst.nTypes + r.vehicle.type]).toBe(1);
    }
  }
  for (const j of sol.unassigned) seen[j]!++;
  expect(Array.from(seen).every((c) => c === 1)).toBe(true);
}

const cases = [
  [true, 0],
  [true, 0.4],
  [false, 0],
] as const;

describe('local search operators', () => {
  for (const op of OPERATORS) {
    it(`${op.name}: each applied move lowers the cost by exactly the routes' real change, stays feasible`, () => {
      let applied = 0;
      for (const [tight, cps] of cases) {
        for (let seed = 1; seed <= 4; seed++) {
          const problem = randomProblem(seed, tight, cps);
          const inst = buildInstance(problem);
          const { sol, ctx } = initial(inst, seed);
          for (let j = 0; j < inst.n; j++) {
            const before = sol.cost();
            const costs = sol.routes.map((r) => r.cost);
            sol.begin();
            if (!op.improve(ctx, j)) continue;
            applied++;
            const touched = sol.touchedRoutes();
            const real = touched.reduce(
              (s, v) => s + scheduleDay(inst, v, sol.routes[v]!.nodes).cost - costs[v]!,
              0,
            );
            expect(sol.cost() - before).toBeCloseTo(real, 6);
            expect(real).toBeLessThan(0);
            expectConsistent(inst, sol);
            sol.commit();
          }
          const out = toRoutingSolution(inst, sol, [], { iterations: 0, elapsedMs: 0, timeCapped: false });
          expect(checkRoutingSolution(problem, out)).toEqual([]);
        }
      }
      expect(applied).toBeGreaterThan(3);
    });
  }

  it('rollback undoes a local search completely', () => {
    const inst = buildInstance(randomProblem(5, true, 0));
    const { sol, ctx } = initial(inst, 5);
    const nodes = sol.snapshot();
    const cost = sol.cost();
    sol.begin();
    const moves = localSearch(
      ctx,
      Array.from({ length: inst.n }, (_, j) => j),
      new Rng(3),
      Infinity,
    );
    expect(moves).toBeGreaterThan(0);
    expect(sol.cost()).toBeLessThan(cost);
    expectConsistent(inst, sol);
    sol.rollback();
    expect(sol.snapshot()).toEqual(nodes);
    expect(sol.cost()).toBeCloseTo(cost, 9);
    expectConsistent(inst, sol);
  });

  it('dayCost agrees with scheduleDay on feasibility and cost', () => {
    let feasible = 0;
    for (const [tight, cps] of cases) {
      const inst = buildInstance(randomProblem(11, tight, cps));
      const rng = new Rng(4);
      for (let t = 0; t < 200; t++) {
        const v = rng.int(0, 3);
        const jobs = rng.shuffle(Array.from({ length: inst.n }, (_, j) => j)).slice(0, rng.int(1, 12));
        const nodes = [DEPOT];
        for (const j of jobs) {
          nodes.push(j);
          if (rng.next() < 0.2) nodes.push(DEPOT);
        }
        if (nodes.at(-1) !== DEPOT) nodes.push(DEPOT);
        const plan = scheduleDay(inst, v, nodes);
        const c = dayCost(inst, v, nodes);
        if (plan.feasible) feasible++;
        if (plan.feasible) expect(c).toBeCloseTo(plan.cost, 6);
        else expect(c).toBe(Infinity);
      }
    }
    expect(feasible).toBeGreaterThan(50);
  });
});
