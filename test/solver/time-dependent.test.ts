import { describe, expect, it } from 'vitest';
import type { DaySpeedFactors, RoutingProblem } from '../../src/domain/routing-problem.ts';
import { daySpeedFactors, timeDependentTravel } from '../../src/geo/index.ts';
import { solve } from '../../src/solver/index.ts';
import { applyInsertion, noInsertion, scanRoute } from '../../src/solver/evaluation/insertion.ts';
import { RouteState } from '../../src/solver/evaluation/route-state.ts';
import { buildInstance } from '../../src/solver/model/instance.ts';
import { checkRoutingSolution } from '../support/check-routing-solution.ts';
import { dayOracle } from './day-oracle.ts';
import { params, randomVrptw } from './fixtures.ts';
import { bruteForce, randomProblem } from './insertion-fixtures.ts';

// The solver's schedules with time-dependent driving times, checked against forward simulations that
// integrate the speed factors on their own (test/support/timed-drive.ts, test/solver/day-oracle.ts).

/** Two profiles on the benchmark's 0-1,000 s horizon: "rush" periods at 0.4-0.6, a fast one at 1.5. */
const SLOW: DaySpeedFactors = daySpeedFactors([
  { startS: 150, endS: 350, factor: 0.5 },
  { startS: 400, endS: 520, factor: 1.5 },
  { startS: 650, endS: 800, factor: 0.6 },
]);
const CENTRE: DaySpeedFactors = daySpeedFactors([
  { startS: 100, endS: 300, factor: 0.4 },
  { startS: 600, endS: 900, factor: 0.45 },
]);

/** The problem with arcs timed by the hour: arcs between two "central" points (index divisible by 3) slower. */
function timed(problem: RoutingProblem): RoutingProblem {
  return {
    ...problem,
    travel: timeDependentTravel(problem.travel, (a, b) => (a % 3 === 0 && b % 3 === 0 ? CENTRE : SLOW)),
  };
}

const tripsOf = (nodes: readonly number[]): number[][] => {
  const trips: number[][] = [];
  for (const x of nodes) {
    if (x < 0) trips.push([]);
    else trips[trips.length - 1]!.push(x);
  }
  return trips.filter((t) => t.length > 0);
};

describe('insertion with time-dependent travel', () => {
  it('finds exactly the feasible positions a full re-scheduling finds, and the oracle agrees', () => {
    let inserted = 0;
    let refused = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const problem = timed(randomProblem(seed, true, 0));
      const inst = buildInstance(problem);
      expect(inst.timed).toBeDefined();
      const route = new RouteState(inst, 0);
      for (let j = 0; j < inst.n; j++) {
        // every position re-scheduled from scratch; the independent oracle agrees with each verdict
        const expected = bruteForce(problem, route, j, (nodes, feasible) =>
          expect(feasible, `seed ${seed} job ${j}: ${nodes.join(' ')}`).toBe(
            dayOracle(problem, 0, tripsOf(nodes)).violations.length === 0,
          ),
        );
        const best = noInsertion();
        scanRoute(inst, route, j, best, { rng: undefined, blinkRate: 0, openPenalty: 0 });
        if (expected === Infinity) {
          expect(best.route).toBeUndefined();
          refused++;
          continue;
        }
        expect(best.route, `seed ${seed} job ${j}`).toBeDefined();
        applyInsertion(best, j);
        inserted++;
        expect(route.feasible).toBe(true);
        // distance costs only: the O(1) delta is exact, so the scan's choice is the cheapest
        expect(route.cost).toBeCloseTo(expected, 6);
        const verdict = dayOracle(problem, 0, tripsOf(route.nodes));
        expect(verdict.violations).toEqual([]);
        expect(verdict.cost).toBeCloseTo(route.cost, 6);
      }
    }
    expect(inserted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});

describe('solve with time-dependent travel', () => {
  const problem = timed(randomVrptw(80, 7));

  it('returns schedules that follow the speed factors to the second (independent checker)', () => {
    const s = solve(problem, params(300));
    expect(checkRoutingSolution(problem, s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
  });

  it('stays exact with duration costs, several trips and a trip duration limit', () => {
    const base = timed(randomVrptw(60, 11, 8));
    const priced: RoutingProblem = {
      ...base,
      vehicleTypes: [
        {
          ...base.vehicleTypes[0]!,
          capacity: [120],
          costPerSecond: 0.3,
          fixedCost: 40,
          maxTripDurationS: 500,
        },
      ],
      vehicles: base.vehicles.map((v) => ({ ...v, maxTrips: 3, reloadS: 17.3, shiftEndS: 1400 })),
    };
    const s = solve(priced, params(200));
    expect(checkRoutingSolution(priced, s)).toEqual([]);
    expect(s.routes.some((r) => r.trips.length > 1)).toBe(true);
    for (const r of s.routes) {
      const verdict = dayOracle(
        priced,
        r.vehicle,
        r.trips.map((t) => t.visits.map((v) => v.job)),
      );
      expect(verdict.violations).toEqual([]);
    }
  });

  it('is deterministic for a seed and an iteration budget, and uses no more vehicles under "vehicles"', () => {
    const a = solve(problem, params(150, { seed: 3 }));
    const b = solve(problem, params(150, { seed: 3 }));
    expect(b.routes).toEqual(a.routes);
    const byVehicles = solve(problem, params(300, { objective: 'vehicles' }));
    expect(checkRoutingSolution(problem, byVehicles)).toEqual([]);
  });

  it('the checker flags a schedule timed without the factors (planted fault)', () => {
    const statics = randomVrptw(80, 7);
    const s = solve(statics, params(100));
    expect(checkRoutingSolution(statics, s)).toEqual([]);
    const faults = checkRoutingSolution(problem, s);
    expect(faults.some((f) => /arrival .* != /.test(f))).toBe(true);
  });
});
