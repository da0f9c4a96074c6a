import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import type { RoutingSolution } from '../../src/domain/routing-solution.ts';
import { euclidean, job, vehicle, vehicleType } from '../solver/fixtures.ts';
import { checkRoutingSolution } from './check-routing-solution.ts';

const problem: RoutingProblem = {
  dimensions: 1,
  travel: euclidean([
    [0, 0],
    [3, 0],
    [3, 4],
  ]),
  jobs: [
    job(1, { delivery: [2], windows: [[0, 10]], serviceS: 1 }),
    job(2, { delivery: [0], pickup: [3], allowedVehicleTypes: [0] }),
  ],
  vehicleTypes: [vehicleType({ capacity: [3] })],
  vehicles: [vehicle({ shiftEndS: 100 })],
};

const good: RoutingSolution = {
  routes: [
    {
      vehicle: 0,
      trips: [
        {
          departureS: 0,
          returnS: 13,
          distance: 12,
          loadStart: [2],
          visits: [
            { job: 0, arrivalS: 3, startS: 3, departureS: 4, loadAfter: [0] },
            { job: 1, arrivalS: 8, startS: 8, departureS: 8, loadAfter: [3] },
          ],
        },
      ],
    },
  ],
  unassigned: [],
  cost: 12,
  stats: { iterations: 0, elapsedMs: 0, timeCapped: false },
};

describe('checkRoutingSolution', () => {
  it('accepts a hand-checked feasible solution', () => {
    expect(checkRoutingSolution(problem, good)).toEqual([]);
  });

  it('reports a window miss, a wrong distance, a missing job and a wrong cost', () => {
    const trip = good.routes[0]!.trips[0]!;
    const bad: RoutingSolution = {
      ...good,
      cost: 99,
      routes: [
        {
          vehicle: 0,
          trips: [
            {
              ...trip,
              distance: 11,
              visits: [{ job: 0, arrivalS: 3, startS: 11, departureS: 12, loadAfter: [0] }],
            },
          ],
        },
      ],
    };
    const v = checkRoutingSolution(problem, bad).join('\n');
    expect(v).toMatch(/outside every window/);
    expect(v).toMatch(/job 1: appears 0 times/);
    expect(v).toMatch(/distance 11/);
    expect(v).toMatch(/cost 99/);
    expect(v).toMatch(/return 13 != 15/);
  });

  it('reports a pickup overload and a job listed twice', () => {
    const tight = { ...problem, vehicleTypes: [vehicleType({ capacity: [2] })] };
    const twice: RoutingSolution = { ...good, unassigned: [{ job: 1, reason: 'fleet-exhausted' }] };
    const v = checkRoutingSolution(tight, twice).join('\n');
    expect(v).toMatch(/load\[0\] 3 > capacity 2/);
    expect(v).toMatch(/job 1: appears 2 times/);
  });
});
