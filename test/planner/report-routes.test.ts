import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/consolidation/index.ts';
import type { City, CityOrder, CityReceiver } from '../../src/domain/city.ts';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import type { RoutingSolution, ScheduledTrip } from '../../src/domain/routing-solution.ts';
import { reportRoutes } from '../../src/planner/report-routes.ts';
import { lineLocations, load, unitCity, unitType } from './unit-city.ts';

// reportRoutes on a hand-made solution, every figure worked out by hand below. The places lie on a line (x in
// km, distance |x1 - x2|): the hub at 0 km, receiver R1 at 4 km, R2 at 6 km. The e-van burns 0.2 kWh/km empty,
// 0.3 kWh/km at its 1,000 kg, linear between, at 0.1 kg CO2e/kWh.

const X_KM = [0, 4, 6];
const eVan = {
  ...unitType('e-van', { fixedCostEur: 0, costPerKmEur: 0, costPerHourEur: 0 }),
  energy: { emptyKWhPerKm: 0.2, fullKWhPerKm: 0.3, co2eKgPerKWh: 0.1, batteryKWh: 60 },
};
const order = (id: string): CityOrder => ({ id, carrier: 0, receiver: 0, kind: 'delivery', size: [0, 0, 0] });
const receiver = (id: string, location: number): CityReceiver => ({ id, location, windows: [], serviceS: 0 });
const city: City = unitCity({
  ...lineLocations(X_KM),
  vehicleTypes: [unitType('bike', { fixedCostEur: 0, costPerKmEur: 0, costPerHourEur: 0 }), eVan],
  receivers: [receiver('R1', 1), receiver('R2', 2)],
  orders: [order('o1'), order('o2'), order('o3')],
});
const bundle = (receiverIndex: number, orders: number[]): Bundle => ({
  receiver: receiverIndex,
  orders,
  delivery: [0, 0, 0],
  pickup: [0, 0, 0],
  windows: [],
  serviceS: 0,
});
const bundles = [bundle(0, [0, 2]), bundle(1, [1])];
/** Job j is at location j + 1; vehicle 1 (an e-van, type 1) starts at the hub, location 0. */
const problem = {
  jobs: [{ location: 1 }, { location: 2 }],
  vehicles: [
    { type: 0, depot: 0 },
    { type: 1, depot: 0 },
  ],
} as unknown as RoutingProblem;
// 500 kg leave the hub; 300 kg stay at R1 (arrived 08:10, served from 08:13: 3 min wait), 200 kg at R2
const trips: ScheduledTrip[] = [
  {
    departureS: 8 * 3600,
    returnS: 8 * 3600 + 2730,
    distance: 12_000,
    loadStart: [500, 2.5, 20],
    visits: [
      {
        job: 0,
        arrivalS: 8 * 3600 + 600,
        startS: 8 * 3600 + 780,
        departureS: 8 * 3600 + 1080,
        loadAfter: [200, 1, 8],
      },
      {
        job: 1,
        arrivalS: 8 * 3600 + 1500,
        startS: 8 * 3600 + 1500,
        departureS: 8 * 3600 + 1800,
        loadAfter: [0, 0, 0],
      },
    ],
  },
  { departureS: 9 * 3600, returnS: 9 * 3600 + 900, distance: 8000, loadStart: [100, 0, 1], visits: [] },
];
const solution = { routes: [{ vehicle: 1, trips }], unassigned: [], cost: 0 } as unknown as RoutingSolution;

describe('reportRoutes: pooled or own-round trips as the plan prints them', () => {
  it('names each vehicle by its label, type and 1-based index, and numbers its trips', () => {
    const [first, second] = reportRoutes(city, problem, bundles, solution, 'H', 'pool');
    expect(first).toMatchObject({ id: 'pool/e-van#2/trip1', vehicle: 'pool/e-van#2', trip: 1, start: 'H' });
    expect(second).toMatchObject({ id: 'pool/e-van#2/trip2', trip: 2, vehicleType: 'e-van' });
    expect(reportRoutes(city, problem, bundles, solution, 'H')[0]?.vehicle).toBe('H/e-van#2');
  });

  it('times, distance and duration of a trip', () => {
    const [first] = reportRoutes(city, problem, bundles, solution, 'H');
    expect(first).toMatchObject({
      departure: '08:00',
      returnAt: '08:45',
      departureSec: 8 * 3600,
      returnSec: 8 * 3600 + 2730,
      distanceKm: 12,
      durationMin: 45.5,
      loadStart: load(500, 2.5, 20),
    });
  });

  it('energy arc by arc at the payload on board, the return leg included; CO2e from it', () => {
    // 4 km at 500 kg (0.25 kWh/km) + 2 km at 200 kg (0.22) + 6 km back empty (0.2) = 1 + 0.44 + 1.2
    const [first, second] = reportRoutes(city, problem, bundles, solution, 'H');
    expect(first?.energyKWh).toBeCloseTo(2.64, 9);
    expect(first?.co2eKg).toBeCloseTo(0.264, 9);
    // a trip without visits: 0 km out and back, whatever it carries
    expect(second?.energyKWh).toBe(0);
  });

  it('stops: the receiver, its orders and place, service times, waiting and the load after', () => {
    const [first] = reportRoutes(city, problem, bundles, solution, 'H');
    expect(first?.stops).toEqual([
      {
        receiverId: 'R1',
        orderIds: ['o1', 'o3'],
        location: [3.1, 50.0],
        arrival: '08:13',
        departure: '08:18',
        arrivalSec: 8 * 3600 + 780,
        departureSec: 8 * 3600 + 1080,
        waitMin: 3,
        loadAfter: load(200, 1, 8),
      },
      {
        receiverId: 'R2',
        orderIds: ['o2'],
        location: [3.2, 50.0],
        arrival: '08:25',
        departure: '08:30',
        arrivalSec: 8 * 3600 + 1500,
        departureSec: 8 * 3600 + 1800,
        loadAfter: load(0),
      },
    ]);
  });

  it('refuses a route whose vehicle or vehicle type is not in its problem', () => {
    const other = { ...solution, routes: [{ vehicle: 5, trips }] } as RoutingSolution;
    expect(() => reportRoutes(city, problem, bundles, other, 'H')).toThrow(/vehicle index 5/);
    const noType = { ...problem, vehicles: [{ type: 7, depot: 0 }] } as unknown as RoutingProblem;
    const first = { ...solution, routes: [{ vehicle: 0, trips }] } as RoutingSolution;
    expect(() => reportRoutes(city, noType, bundles, first, 'H')).toThrow(/vehicle index 0/);
  });
});
