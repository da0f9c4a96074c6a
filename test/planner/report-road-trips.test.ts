import { describe, expect, it } from 'vitest';
import type { Consignment } from '../../src/consolidation/index.ts';
import type { City, CityCarrier, CityOrder } from '../../src/domain/city.ts';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import type { ScheduledTrip } from '../../src/domain/routing-solution.ts';
import { reportRoadTrips, type RoadRun, type RoadTripShape } from '../../src/planner/report-road-trips.ts';
import { lineLocations, load, unitCity, unitType, unitVisit } from './unit-city.ts';

// reportRoadTrips on a hand-made run, every figure worked out by hand below. The places lie on a line (x in km,
// distance |x1 - x2|): the base at 0 km, depot D1 at 5 km, depot D2 at 10 km. The van burns 0.2 kWh/km empty,
// 0.3 kWh/km at its 1,000 kg, linear between, at 0.1 kg CO2e/kWh.

const X_KM = [0, 5, 10];
const van = {
  ...unitType('van', { fixedCostEur: 0, costPerKmEur: 0, costPerHourEur: 0 }),
  energy: { emptyKWhPerKm: 0.2, fullKWhPerKm: 0.3, co2eKgPerKWh: 0.1, batteryKWh: 60 },
};
const order = (id: string, carrier: number): CityOrder => ({
  id,
  carrier,
  receiver: 0,
  kind: 'delivery',
  size: [0, 0, 0],
});
const city: City = unitCity({
  ...lineLocations(X_KM),
  vehicleTypes: [van],
  carriers: [{ id: 'A' } as CityCarrier, { id: 'B' } as CityCarrier],
  orders: [order('a1', 0), order('b1', 1), order('a2', 0), order('a3', 0)],
});

const consignment = (
  orders: number[],
  goods: [number, number, number],
  returns: [number, number, number],
): Consignment => ({ carrier: 0, hub: 0, orders, goods, returns, deadlineS: Infinity });
/** Jobs 0 and 2 at D1, job 1 at D2. */
const cargo = [
  consignment([0, 1], [300, 1, 10], [200, 0.5, 5]),
  consignment([2], [100, 0, 2], [0, 0, 0]),
  consignment([3], [50, 0.25, 1], [0, 0, 0]),
];
// collected: the van leaves with D1's 200 kg of returns, unloads them and loads 300 kg at D1 (300 on board),
// loads 100 kg at D2 (400), drives 10 km back; then a second trip for job 2 (50 kg), 90 s late at D1
const trips: ScheduledTrip[] = [
  {
    departureS: 8 * 3600,
    returnS: 9 * 3600 + 45 * 60,
    distance: 20_000,
    loadStart: [200, 0.5, 5],
    visits: [unitVisit(0, 8 * 3600 + 900, 300), unitVisit(1, 8 * 3600 + 2700, 400)],
  },
  {
    departureS: 10 * 3600,
    returnS: 11 * 3600,
    distance: 10_000,
    loadStart: [0, 0, 0],
    visits: [unitVisit(2, 10 * 3600 + 1200, 50)],
  },
];
const run: RoadRun = {
  problem: { vehicles: [{ type: 0 }] } as unknown as RoutingProblem,
  solution: { routes: [{ vehicle: 0, trips }], unassigned: [], cost: 0, stats: {} as never },
  cargo,
  lateS: [0, 0, 90],
  baseLocation: 0,
};
const shape = (goods: RoadTripShape['goods'], from?: string): RoadTripShape => ({
  stopOf: (c) => {
    const location = c === cargo[1] ? 2 : 1;
    return { location, id: `D${location}`, kind: 'depot' };
  },
  goods,
  vehicleId: (v, typeId) => `${typeId}-${v}`,
  names: { hubId: 'H', echelon: 1, to: 'H', ...(from !== undefined ? { from } : {}) },
  offsetS: -86_400,
  day: -1,
});

describe('reportRoadTrips: road trips as the plan prints them', () => {
  it('numbers the trips of a vehicle and names where they belong', () => {
    const [first, second] = reportRoadTrips(city, run, shape('collected'));
    expect(first).toMatchObject({
      id: 'van-0/trip1',
      trip: 1,
      vehicle: 'van-0',
      vehicleType: 'van',
      mode: 'road',
    });
    expect(second).toMatchObject({ id: 'van-0/trip2', trip: 2, day: -1, hubId: 'H', echelon: 1, to: 'H' });
    expect(first && 'from' in first).toBe(false);
    expect(reportRoadTrips(city, run, shape('collected', 'P'))[0]?.from).toBe('P');
  });

  it('times: clocks of the day, seconds shifted by the offset, duration in minutes', () => {
    const [first] = reportRoadTrips(city, run, shape('collected'));
    expect(first).toMatchObject({
      departure: '08:00',
      arrival: '09:45',
      departureSec: 8 * 3600 - 86_400,
      arrivalSec: 9 * 3600 + 45 * 60 - 86_400,
      distanceKm: 20,
      durationMin: 105,
    });
    expect(first?.stops[1]).toMatchObject({
      arrival: '08:45',
      departure: '08:55',
      arrivalSec: 8 * 3600 + 2700 - 86_400,
      departureSec: 8 * 3600 + 3300 - 86_400,
    });
  });

  it('energy arc by arc at the payload on board, return leg included; CO2e from it', () => {
    // 5 km at 200 kg (0.22 kWh/km) + 5 km at 300 kg (0.23) + 10 km back at 400 kg (0.24) = 1.1 + 1.15 + 2.4
    const [first, second] = reportRoadTrips(city, run, shape('collected'));
    expect(first?.energyKWh).toBeCloseTo(4.65, 9);
    expect(first?.co2eKg).toBeCloseTo(0.465, 9);
    // 5 km empty (0.2) + 5 km back at 50 kg (0.205)
    expect(second?.energyKWh).toBeCloseTo(2.025, 9);
  });

  it('stops: where, what each loads and unloads by the direction of the goods, which orders, lateness', () => {
    const [first, second] = reportRoadTrips(city, run, shape('collected'));
    expect(first?.stops.map((s) => [s.id, s.kind, s.location, s.orderIds])).toEqual([
      ['D1', 'depot', [3.1, 50.0], ['a1', 'b1']],
      ['D2', 'depot', [3.2, 50.0], ['a2']],
    ]);
    expect(first?.stops[0]).toMatchObject({ loaded: load(300, 1, 10), unloaded: load(200, 0.5, 5) });
    expect(first?.stops.some((s) => 'lateMin' in s)).toBe(false);
    expect(second?.stops[0]?.lateMin).toBe(1.5);
    const [delivered] = reportRoadTrips(city, run, shape('delivered'));
    expect(delivered?.stops[0]).toMatchObject({ loaded: load(200, 0.5, 5), unloaded: load(300, 1, 10) });
  });

  it("loads, returns, the carriers on board and tonne-km from each consignment's stop to the base", () => {
    const [first] = reportRoadTrips(city, run, shape('collected'));
    expect(first).toMatchObject({
      load: load(400, 1, 12),
      returns: load(200, 0.5, 5),
      carrierIds: ['A', 'B'],
    });
    // collected: D1's 300 kg ride 15 km to the base, its 200 kg of returns rode 5 km; D2's 100 kg ride 10 km
    expect(first?.tonneKm).toBeCloseTo(0.3 * 15 + 0.2 * 5 + 0.1 * 10, 9);
    // delivered: the 300 kg rode 5 km, the 200 kg of returns ride 15 km back; D2's 100 kg rode 10 km
    const [delivered] = reportRoadTrips(city, run, shape('delivered'));
    expect(delivered?.tonneKm).toBeCloseTo(0.3 * 5 + 0.2 * 15 + 0.1 * 10, 9);
  });

  it('refuses a route whose vehicle or job is not in its problem', () => {
    const noVehicle = { ...run, solution: { ...run.solution, routes: [{ vehicle: 3, trips }] } };
    expect(() => reportRoadTrips(city, noVehicle, shape('collected'))).toThrow(/vehicle index 3/);
    const noType = { ...run, problem: { vehicles: [{ type: 4 }] } as unknown as RoutingProblem };
    expect(() => reportRoadTrips(city, noType, shape('collected'))).toThrow(/vehicle index 0/);
    const noCargo = { ...run, cargo: cargo.slice(0, 1) };
    expect(() => reportRoadTrips(city, noCargo, shape('collected'))).toThrow(/job 1: no consignment/);
  });
});
