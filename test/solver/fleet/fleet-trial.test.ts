import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../../src/domain/routing-problem.ts';
import { DEPOT } from '../../../src/solver/model/instance.ts';
import { prepareSearch } from '../../../src/solver/prepare-search.ts';
import {
  minimiseCost,
  PENALISED_FROM,
  tryOneVehicleFewer,
} from '../../../src/solver/search/cost-objective.ts';
import { runSisr } from '../../../src/solver/search/sisr.ts';
import { euclidean, job, params, randomVrptw, vehicle, vehicleType } from '../fixtures.ts';
import { expectCompleteAndChecked } from './checked-solution.ts';

/**
 * Depot at the origin; jobs 0 and 1 ten metres east (at y 0 and 1), jobs 2 and 3 ten metres west, vehicles of
 * capacity 10, no windows. `east` and `west` are the demands on each side.
 */
function twoSides(east: number, west: number): RoutingProblem {
  const points: [number, number][] = [
    [0, 0],
    [10, 0],
    [10, 1],
    [-10, 0],
    [-10, 1],
  ];
  return {
    dimensions: 1,
    travel: euclidean(points),
    jobs: [1, 2, 3, 4].map((loc) => job(loc, { delivery: [loc <= 2 ? east : west] })),
    vehicleTypes: [vehicleType({ capacity: [10] })],
    vehicles: [vehicle(), vehicle(), vehicle()],
  };
}

/** Three routes: each east job alone, the two west jobs together. */
const THREE_ROUTES = [
  [DEPOT, 0, DEPOT],
  [DEPOT, 1, DEPOT],
  [DEPOT, 2, 3, DEPOT],
];
const d = (ax: number, ay: number, bx: number, by: number): number => Math.hypot(ax - bx, ay - by);
/** Out to one job of a side, across to the other, back: one side's route with both its jobs. */
const SIDE_ROUTE = d(0, 0, 10, 0) + d(10, 0, 10, 1) + d(10, 1, 0, 0);
const THREE_ROUTES_M = 2 * d(0, 0, 10, 0) + 2 * d(0, 0, 10, 1) + SIDE_ROUTE;

function startingFrom(problem: RoutingProblem, routes: number[][], iterations = 200) {
  const { ctx } = prepareSearch(problem, params(iterations));
  ctx.sol.restore(routes, []);
  return ctx;
}

describe('the fleet trial (one vehicle fewer, kept only if cheaper)', () => {
  it('wins where the load bound fleet is shorter: both sides of 5 + 5 fit one vehicle each', () => {
    const problem = twoSides(5, 5);
    const ctx = startingFrom(problem, THREE_ROUTES);
    expect(ctx.sol.cost()).toBeCloseTo(THREE_ROUTES_M, 9);
    const trial = tryOneVehicleFewer(ctx, 1);
    expect(trial).toMatchObject({ outcome: 'won', vehicles: 3, trialVehicles: 2 });
    expect(trial.cost).toBeCloseTo(THREE_ROUTES_M, 9);
    expect(trial.trialCost).toBeCloseTo(2 * SIDE_ROUTE, 9);
    expect(ctx.sol.usedVehicles()).toBe(2);
    expect(ctx.sol.cost()).toBeCloseTo(2 * SIDE_ROUTE, 9);
    expectCompleteAndChecked(ctx, problem);
  });

  it('loses where one vehicle fewer is longer, and leaves the starting solution exactly as it was', () => {
    // East jobs of 6 cannot share a vehicle: two routes must each cross from east to west (>= 80 m).
    const problem = twoSides(6, 4);
    const ctx = startingFrom(problem, THREE_ROUTES);
    const before = ctx.sol.snapshot();
    const trial = tryOneVehicleFewer(ctx, 1);
    expect(trial.outcome).toBe('lost');
    expect(trial.trialVehicles).toBe(2);
    expect(trial.trialCost!).toBeGreaterThanOrEqual(2 * (d(0, 0, 10, 0) + 20 + d(-10, 0, 0, 0)) - 1e-9);
    expect(ctx.sol.snapshot()).toEqual(before);
    expect(ctx.sol.unassigned).toEqual([]);
    expect(ctx.sol.cost()).toBeCloseTo(THREE_ROUTES_M, 9);
  });

  it('loses, with nothing tried at a fleet, where elimination cannot remove a vehicle', () => {
    // three jobs of 6 on vehicles of 10: the load bound says 2 (18 / 10), but no two fit together
    const problem = twoSides(6, 6);
    const ctx = startingFrom({ ...problem, jobs: problem.jobs.slice(0, 3) }, [
      [DEPOT, 0, DEPOT],
      [DEPOT, 1, DEPOT],
      [DEPOT, 2, DEPOT],
    ]);
    const before = ctx.sol.snapshot();
    expect(tryOneVehicleFewer(ctx, 1)).toEqual({ outcome: 'lost', vehicles: 3, cost: ctx.sol.cost() });
    expect(ctx.sol.snapshot()).toEqual(before);
    expect(ctx.sol.unassigned).toEqual([]);
  });

  it('is not tried at the load bound, with a job left out, or with the budget spent', () => {
    const atBound = startingFrom(twoSides(5, 5), [
      [DEPOT, 0, 1, DEPOT],
      [DEPOT, 2, 3, DEPOT],
      [DEPOT, DEPOT],
    ]);
    expect(tryOneVehicleFewer(atBound, 1).outcome).toBe('not tried');

    const { ctx: partial } = prepareSearch(twoSides(5, 5), params(200));
    partial.sol.restore(
      [
        [DEPOT, 0, DEPOT],
        [DEPOT, 1, DEPOT],
        [DEPOT, 2, DEPOT],
      ],
      [3],
    );
    expect(tryOneVehicleFewer(partial, 1).outcome).toBe('not tried');

    const spent = startingFrom(twoSides(5, 5), THREE_ROUTES, 200);
    spent.budget.iteration = 200;
    expect(tryOneVehicleFewer(spent, 1)).toEqual({
      outcome: 'not tried',
      vehicles: 3,
      cost: spent.sol.cost(),
    });
    expect(spent.sol.usedVehicles()).toBe(3);
  });
});

describe('objective cost with the fleet trial', () => {
  it('where windows bind: SISR to 80 %, then the penalised search, never above SISR nor with more vehicles', () => {
    let improved = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const problem = randomVrptw(40, seed);
      const where = `seed ${seed}`;
      const a = prepareSearch(problem, params(400, { seed })).ctx;
      expect(a.windowsBind, where).toBe(true);
      expect(minimiseCost(a), where).toBeUndefined();
      expect(a.budget.iteration, where).toBe(400);
      // the same seed's SISR up to the hand-over: the state the penalised search started from
      const b = prepareSearch(problem, params(400, { seed })).ctx;
      runSisr(b, 0, PENALISED_FROM);
      expect(b.budget.iteration, where).toBe(400 * PENALISED_FROM);
      expect(a.sol.cost(), where).toBeLessThanOrEqual(b.sol.cost() + 1e-9);
      expect(a.sol.usedVehicles(), where).toBeLessThanOrEqual(b.sol.usedVehicles());
      if (a.sol.cost() < b.sol.cost() - 1e-9) improved++;
      expectCompleteAndChecked(a, problem);
    }
    // the penalised search must do something on these days, or this branch is dead code
    expect(improved).toBeGreaterThan(0);
  });

  it('leaves problems outside the elimination model (vehicles making two trips) to SISR alone', () => {
    const base = randomVrptw(40, 5, 20);
    const problem: RoutingProblem = {
      ...base,
      jobs: base.jobs.map((j) => ({ ...j, windows: [[0, 1000]] })),
      vehicleTypes: [vehicleType({ capacity: [90] })],
      vehicles: base.vehicles.map((v) => ({ ...v, maxTrips: 2, reloadS: 10 })),
    };
    const a = prepareSearch(problem, params(300, { seed: 3 })).ctx;
    expect(a.windowsBind).toBe(false);
    expect(minimiseCost(a)).toBeUndefined();
    const b = prepareSearch(problem, params(300, { seed: 3 })).ctx;
    runSisr(b, 0);
    expect(a.sol.snapshot()).toEqual(b.sol.snapshot());
  });

  it('on capacity-only days: uses the whole budget, never ends above the trial start, passes the checker', () => {
    const outcomes = new Set<string>();
    // whole-day windows; at capacity 50 one vehicle fewer is longer (lost), at 90 it can be shorter (won)
    for (const capacity of [50, 90])
      for (let seed = 1; seed <= 4; seed++) {
        const base = randomVrptw(40, seed, 20);
        const problem: RoutingProblem = {
          ...base,
          jobs: base.jobs.map((j) => ({ ...j, windows: [[0, 1000]] })),
          vehicleTypes: [vehicleType({ capacity: [capacity] })],
        };
        const { ctx } = prepareSearch(problem, params(300, { seed }));
        expect(ctx.windowsBind).toBe(false);
        const trial = minimiseCost(ctx)!;
        const where = `capacity ${capacity}, seed ${seed}`;
        outcomes.add(trial.outcome);
        expect(ctx.budget.iteration, where).toBe(300);
        expect(ctx.sol.cost(), where).toBeLessThanOrEqual(trial.cost + 1e-9);
        if (trial.outcome === 'won')
          expect(ctx.sol.usedVehicles(), where).toBeLessThanOrEqual(trial.trialVehicles!);
        if (trial.outcome === 'lost') expect(trial.trialCost!, where).toBeGreaterThanOrEqual(trial.cost);
        if (trial.outcome === 'not tried') {
          // SISR at the bound by 30 % of the budget never stops: the same search to the bit as SISR alone
          const alone = prepareSearch(problem, params(300, { seed })).ctx;
          runSisr(alone, 0);
          expect(ctx.sol.snapshot(), where).toEqual(alone.sol.snapshot());
        }
        expectCompleteAndChecked(ctx, problem);
      }
    // the cases above must exercise both sides of the decision
    expect([...outcomes].sort()).toEqual(['lost', 'not tried', 'won']);
  });
});
