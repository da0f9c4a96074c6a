import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import { solve } from '../../src/solver/index.ts';
import { checkRoutingSolution } from '../support/check-routing-solution.ts';
import { euclidean, job, params, vehicle, vehicleType } from './fixtures.ts';

// Four stops on a line, both sides of the depot: the optimum sends one vehicle each way (distance 8).
const problem = (capacity = 2): RoutingProblem => ({
  dimensions: 1,
  travel: euclidean([
    [0, 0],
    [1, 0],
    [2, 0],
    [-1, 0],
    [-2, 0],
  ]),
  jobs: [job(1), job(2), job(3), job(4)],
  vehicleTypes: [vehicleType({ capacity: [capacity] })],
  vehicles: [vehicle(), vehicle(), vehicle()],
});

const tripsOf = (s: ReturnType<typeof solve>) =>
  s.routes.map((r) => ({ vehicle: r.vehicle, trips: r.trips.map((t) => t.visits.map((v) => v.job)) }));

describe('solve from given routes (warm start)', () => {
  it('keeps feasible initial routes as they are when the search has no work to do', () => {
    // a poor but feasible start: each vehicle crosses the depot (cost 2+2+2+2 = 12 vs the optimum 8)
    const initial = [
      { vehicle: 2, trips: [[0, 2]] },
      { vehicle: 0, trips: [[1, 3]] },
    ];
    const s = solve(problem(), { ...params(1), initial, temperature: { start: 1e-9, end: 1e-9 } });
    expect(checkRoutingSolution(problem(), s)).toEqual([]);
    expect(s.cost).toBeLessThanOrEqual(12 + 1e-9);
    // one iteration cannot have rebuilt both routes: the vehicles given keep serving jobs
    expect(new Set(s.routes.map((r) => r.vehicle))).toContain(2);
  });

  it('improves a poor start to the optimum with a search budget', () => {
    const initial = [
      { vehicle: 0, trips: [[0, 2]] },
      { vehicle: 1, trips: [[1, 3]] },
    ];
    const s = solve(problem(), { ...params(200), initial, temperature: { start: 0.5, end: 0.01 } });
    expect(checkRoutingSolution(problem(), s)).toEqual([]);
    expect(s.cost).toBeCloseTo(8);
  });

  it('rebuilds an infeasible route and inserts the jobs no route holds', () => {
    // three jobs on a vehicle of capacity 2 cannot stand; job 3 is in no route
    const initial = [{ vehicle: 0, trips: [[0, 1, 2]] }];
    const s = solve(problem(), { ...params(1), initial });
    expect(checkRoutingSolution(problem(), s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
    expect(
      tripsOf(s)
        .flatMap((r) => r.trips.flat())
        .sort(),
    ).toEqual([0, 1, 2, 3]);
  });

  it('drops a route that puts a job on a vehicle type it may not ride, and serves the job with one it may', () => {
    // job 0 may ride only type 1 (a cargo bike, say); the warm start puts it on vehicle 0, of type 0
    const typed: RoutingProblem = {
      ...problem(),
      jobs: [job(1, { allowedVehicleTypes: [1] }), job(2), job(3), job(4)],
      vehicleTypes: [vehicleType({ capacity: [2] }), vehicleType({ capacity: [2] })],
      vehicles: [vehicle(), vehicle(), vehicle({ type: 1 })],
    };
    const initial = [{ vehicle: 0, trips: [[0, 1]] }];
    const s = solve(typed, { ...params(1), initial });
    expect(checkRoutingSolution(typed, s)).toEqual([]);
    expect(s.unassigned).toEqual([]);
    expect(tripsOf(s).find((r) => r.trips.flat().includes(0))?.vehicle).toBe(2);
  });

  it('rejects a route of an unknown vehicle and a job given twice, naming the field', () => {
    expect(() => solve(problem(), { ...params(1), initial: [{ vehicle: 7, trips: [[0]] }] })).toThrow(
      /initial\[0\]\.vehicle|vehicle 7/,
    );
    expect(() =>
      solve(problem(), {
        ...params(1),
        initial: [
          { vehicle: 0, trips: [[0]] },
          { vehicle: 1, trips: [[0, 1]] },
        ],
      }),
    ).toThrow(/job 0 is in two initial routes/);
  });

  it('gives the same solution twice from the same start and seed', () => {
    const initial = [
      {
        vehicle: 0,
        trips: [
          [0, 1],
          [2, 3],
        ],
      },
    ];
    const a = solve(problem(), { ...params(50), initial });
    const b = solve(problem(), { ...params(50), initial });
    expect(tripsOf(a)).toEqual(tripsOf(b));
  });
});
