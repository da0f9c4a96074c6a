import { describe, expect, it } from 'vitest';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import type { RoutingSolution } from '../../src/domain/routing-solution.ts';
import { solve } from '../../src/solver/index.ts';
import { checkRoutingSolution } from '../support/check-routing-solution.ts';
import { euclidean, job, params, vehicle, vehicleType } from './fixtures.ts';

const line = (...xs: number[]): [number, number][] => [[0, 0], ...xs.map((x): [number, number] => [x, 0])];

function solved(problem: RoutingProblem, iterations = 200): RoutingSolution {
  const solution = solve(problem, params(iterations));
  expect(checkRoutingSolution(problem, solution)).toEqual([]);
  return solution;
}

const tripsOf = (s: RoutingSolution): number[][][] =>
  s.routes.map((r) => r.trips.map((t) => t.visits.map((v) => v.job)));

describe('solve on tiny hand-checkable instances', () => {
  it('visits four stops on a line in one sweep (distance 8)', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(1, 2, 3, 4)),
      jobs: [job(3), job(1), job(4), job(2)],
      vehicleTypes: [vehicleType()],
      vehicles: [vehicle(), vehicle()],
    });
    expect(s.cost).toBeCloseTo(8);
    expect(s.routes).toHaveLength(1);
  });

  it('goes round a square once (distance 4, either direction)', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean([
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ]),
      jobs: [job(2), job(1), job(3)],
      vehicleTypes: [vehicleType()],
      vehicles: [vehicle(), vehicle()],
    });
    expect(s.cost).toBeCloseTo(4);
    expect([[[1, 0, 2]], [[2, 0, 1]]]).toContainEqual(tripsOf(s)[0]);
  });

  it('splits two stops each side when capacity 2 forces two vehicles (distance 8)', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(1, 2, -1, -2)),
      jobs: [job(1), job(2), job(3), job(4)],
      vehicleTypes: [vehicleType({ capacity: [2] })],
      vehicles: [vehicle(), vehicle()],
    });
    expect(s.cost).toBeCloseTo(8);
    expect(s.routes).toHaveLength(2);
    expect(s.unassigned).toEqual([]);
  });

  it('lets a time window force the farther stop first', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(1, 2)),
      jobs: [job(1, { windows: [[100, 110]] }), job(2, { windows: [[0, 10]] })],
      vehicleTypes: [vehicleType()],
      vehicles: [vehicle()],
    });
    expect(tripsOf(s)).toEqual([[[1, 0]]]);
    expect(s.routes[0]!.trips[0]!.visits[1]!.startS).toBe(100);
  });

  it('uses the second window of a split window and leaves late instead of waiting', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(10)),
      jobs: [
        job(1, {
          windows: [
            [0, 5],
            [50, 60],
          ],
          serviceS: 5,
        }),
      ],
      vehicleTypes: [vehicleType({ costPerSecond: 1 })],
      vehicles: [vehicle()],
    });
    const trip = s.routes[0]!.trips[0]!;
    expect(trip.visits[0]!.startS).toBe(50);
    expect(trip.departureS).toBe(40);
    expect(trip.returnS).toBe(65);
    expect(s.cost).toBeCloseTo(20 + 25);
  });

  it('serves the delivery before the pickup that would overload the van', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean([
        [0, 0],
        [1, 0],
        [1, 1],
      ]),
      jobs: [job(1, { delivery: [0], pickup: [2] }), job(2, { delivery: [2], pickup: [0] })],
      vehicleTypes: [vehicleType({ capacity: [2] })],
      vehicles: [vehicle()],
    });
    expect(tripsOf(s)).toEqual([[[1, 0]]]);
  });

  it('checks every load dimension', () => {
    const s = solved({
      dimensions: 2,
      travel: euclidean(line(1, 1)),
      jobs: [job(1, { delivery: [1, 3], pickup: [0, 0] }), job(2, { delivery: [1, 3], pickup: [0, 0] })],
      vehicleTypes: [vehicleType({ capacity: [10, 4] })],
      vehicles: [vehicle(), vehicle()],
    });
    expect(s.routes).toHaveLength(2);
  });

  it('does two trips with one vehicle of capacity 2 for four jobs', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(1, 2, -1, -2)),
      jobs: [job(1), job(2), job(3), job(4)],
      vehicleTypes: [vehicleType({ capacity: [2] })],
      vehicles: [vehicle({ maxTrips: 2, reloadS: 5 })],
    });
    expect(s.routes).toHaveLength(1);
    expect(s.routes[0]!.trips).toHaveLength(2);
    expect(s.cost).toBeCloseTo(8);
    const [a, b] = s.routes[0]!.trips;
    expect(b!.departureS).toBeGreaterThanOrEqual(a!.returnS + 5);
  });

  it('splits trips when the maximum trip duration is short', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(5, -5)),
      jobs: [job(1), job(2)],
      vehicleTypes: [vehicleType({ maxTripDurationS: 12 })],
      vehicles: [vehicle({ maxTrips: 3 })],
    });
    expect(s.routes[0]!.trips).toHaveLength(2);
  });

  it('puts a cargo-bike-only job on the bike', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(1, 2)),
      jobs: [job(1), job(2, { allowedVehicleTypes: [1] })],
      vehicleTypes: [vehicleType(), vehicleType({ fixedCost: 100 })],
      vehicles: [vehicle({ type: 0 }), vehicle({ type: 1 })],
    });
    const bike = s.routes.find((r) => r.vehicle === 1);
    expect(bike?.trips.flatMap((t) => t.visits.map((v) => v.job))).toContain(1);
  });

  it('reports each kind of unservable job with its reason', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(1, 100, 2, 3, 60)),
      jobs: [
        job(1, { delivery: [10] }),
        job(2, { windows: [[0, 10]] }),
        job(3, { allowedVehicleTypes: [1] }),
        job(4),
        job(5),
      ],
      vehicleTypes: [
        vehicleType({ capacity: [5], energy: { arcKWh: (d: number) => d * 0.01, rangeKWh: 1 } }),
        vehicleType(),
      ],
      vehicles: [vehicle()],
    });
    expect(s.unassigned).toEqual([
      { job: 0, reason: 'too-big-for-every-vehicle' },
      { job: 1, reason: 'window-unreachable' },
      { job: 2, reason: 'no-vehicle-allowed' },
      { job: 4, reason: 'range-exceeded' },
    ]);
    expect(tripsOf(s)).toEqual([[[3]]]);
  });

  it('reports fleet-exhausted when no room is left', () => {
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(1, 2)),
      jobs: [job(1), job(2)],
      vehicleTypes: [vehicleType({ capacity: [1] })],
      vehicles: [vehicle()],
    });
    expect(s.unassigned).toHaveLength(1);
    expect(s.unassigned[0]!.reason).toBe('fleet-exhausted');
  });

  it('accounts payload in the energy model (heavier first arc uses more energy)', () => {
    const energy = { arcKWh: (d: number, kg: number) => d * (0.01 + 0.001 * kg), rangeKWh: 0.25 };
    const s = solved({
      dimensions: 1,
      travel: euclidean(line(5, 5)),
      jobs: [job(1, { delivery: [10] }), job(2, { delivery: [10] })],
      vehicleTypes: [vehicleType({ energy })],
      vehicles: [vehicle({ maxTrips: 2 })],
    });
    // Together: 5 m at 20 kg + 5 m empty = 0.15 + 0.05 = 0.2 kWh <= 0.25, so one trip.
    expect(s.routes[0]!.trips).toHaveLength(1);
  });
});
