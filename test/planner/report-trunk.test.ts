import { describe, expect, it } from 'vitest';
import type { Consignment, TrunkNetwork } from '../../src/consolidation/index.ts';
import type { CityIntermodalLeg, CityOrder } from '../../src/domain/city.ts';
import type { RoutingProblem } from '../../src/domain/routing-problem.ts';
import type { ScheduledTrip } from '../../src/domain/routing-solution.ts';
import { reportTrunk } from '../../src/planner/report-trunk.ts';
import { lineLocations, load, unitCity, unitHub, unitRailFeeder, unitType, unitVisit } from './unit-city.ts';

// reportTrunk on a hand-made trunk network, every figure worked out by hand below. Places on a line (x in km):
// hub H at 0, depot A at 4, depot B at 6, the barge terminal L1 at 20, micro-hubs M at 10 and N at 30.
// The truck burns 1 kWh/km empty, 2 kWh/km at its 1,000 kg, linear between, at 0.5 kg CO2e/kWh.

const H = 3600;
const X_KM = [0, 4, 6, 20, 10, 30];
const truck = {
  ...unitType('truck', { fixedCostEur: 0, costPerKmEur: 0, costPerHourEur: 0 }),
  energy: { emptyKWhPerKm: 1, fullKWhPerKm: 2, co2eKgPerKWh: 0.5 },
};
const bargeLeg: CityIntermodalLeg = {
  id: 'L1',
  hub: 0,
  mode: 'barge',
  terminal: 3,
  lengthKm: 15,
  speedKmh: 10,
  handlingS: H,
  capacityKg: 250_000,
  co2eGPerTonneKm: 40,
  kWhPerTonneKm: 0.12,
  carriers: [0, 1],
};
const order = (i: number, carrier: number): CityOrder => ({
  id: `o${i}`,
  carrier,
  receiver: 0,
  kind: 'delivery',
  size: [0, 0, 0],
});
const cityOf = (pooled: boolean) =>
  unitCity({
    ...lineLocations(X_KM),
    vehicleTypes: [truck],
    hubs: [
      unitHub('H', 0),
      unitHub('M', 4, { feeder: { platform: 0, mode: 'road', type: 0, maxTrips: 2, reloadS: 0 } }),
      unitHub('N', 5, { feeder: unitRailFeeder }),
    ],
    carriers: [
      { id: 'A', location: 1, baselineType: 0, trunkType: 0 },
      { id: 'B', location: 2, baselineType: 0, trunkType: 0 },
    ],
    orders: [0, 1, 0, 1, 0, 0, 1, 1, 0, 0].map((carrier, i) => order(i, carrier)),
    intermodalLegs: [bargeLeg],
    trunking: { schedule: 'night-before', pooled, handlingS: 1800 },
  });
const city = cityOf(true);

const consignment = (
  carrier: number,
  orders: number[],
  goods: [number, number, number] = [0, 0, 0],
  returns: [number, number, number] = [0, 0, 0],
): Consignment => ({ carrier, hub: 0, orders, goods, returns, deadlineS: Infinity });
const solution = (vehicle: number, trips: ScheduledTrip[]) => ({
  routes: [{ vehicle, trips }],
  unassigned: [],
  cost: 0,
  stats: {} as never,
});
const twoTrucks = { vehicles: [{ type: 0 }, { type: 0 }] } as unknown as RoutingProblem;

// the road trunk to H: truck index 1 leaves H at 20:00 with A's 100 kg of returns, drops them at A and loads
// A's 200 kg (200 on board), loads B's 300 kg (500), and is back at H at 22:00 after 4 + 2 + 6 = 12 km
const toHub = [consignment(0, [0], [200, 1, 2], [100, 0, 1]), consignment(1, [1], [300, 0, 3])];
const toHubTrip: ScheduledTrip = {
  departureS: 20 * H,
  returnS: 22 * H,
  distance: 12_000,
  loadStart: [100, 0, 1],
  visits: [unitVisit(0, 20 * H + 900, 200), unitVisit(1, 21 * H, 500)],
};
const roadRun = (consignments: Consignment[], base: { hub: number; location: number; leg?: number }) => ({
  base,
  consignments,
  problem: twoTrucks,
  solution: solution(1, [{ ...toHubTrip, visits: toHubTrip.visits.slice(0, consignments.length) }]),
  lateS: [0, 0],
});
// the barge: 2 sailings, leaves the terminal at 05:00 (loaded from 04:00), at H 08:30
const sailing = {
  leg: 0,
  consignments: [consignment(0, [2]), consignment(1, [3]), consignment(0, [4])],
  trips: 2,
  departureS: 5 * H,
  arrivalS: 8.5 * H,
  goods: [2000, 5, 40] as const,
  returns: [500, 1, 4] as const,
};
// the road feeder H -> M: leaves 08:00 with M's 150 kg (A 100, B 50), unloads both at M and takes A's 40 kg
// of returns back: 10 km out, 10 km back
const feederLoads = [consignment(0, [5], [100, 0, 1], [40, 0, 0]), consignment(1, [6], [50, 0, 1])];
const roadFeeder = {
  kind: 'road',
  hub: 1,
  platform: 0,
  loads: feederLoads,
  problem: twoTrucks,
  solution: solution(0, [
    {
      departureS: 8 * H,
      returnS: 9 * H,
      distance: 20_000,
      loadStart: [150, 0, 2],
      visits: [unitVisit(0, 8 * H + 1200, 90), unitVisit(1, 8 * H + 1800, 40)],
    },
  ]),
  lateS: [0, 0],
};
// the rail feeder H -> N: 3 trains, loaded from 08:30, leaves 09:00, at N 10:00
const railDay = {
  kind: 'sailing',
  hub: 2,
  platform: 0,
  loads: [consignment(1, [7]), consignment(0, [8, 9])],
  trips: 3,
  departureS: 9 * H,
  arrivalS: 10 * H,
  handlingS: 1800,
  goods: [4000, 10, 80],
  returns: [1000, 2, 8],
  lateS: 0,
};
const networkOf = (parts: Partial<TrunkNetwork>): TrunkNetwork =>
  ({ runs: [], intermodal: [], feeders: [], dayBefore: true, ...parts }) as unknown as TrunkNetwork;

describe('reportTrunk: first-echelon road trips', () => {
  const run = roadRun(toHub, { hub: 0, location: 0 });

  it('names a shared trunk vehicle after its hub and type, 1-based; depots as its stops', () => {
    const [trip] = reportTrunk(city, networkOf({ runs: [run] }));
    expect(trip).toMatchObject({
      id: 'trunk/H/truck#2/trip1',
      vehicle: 'trunk/H/truck#2',
      vehicleType: 'truck',
      hubId: 'H',
      echelon: 1,
      to: 'H',
      mode: 'road',
      carrierIds: ['A', 'B'],
    });
    expect(trip?.stops.map((s) => [s.id, s.kind, s.location, s.orderIds])).toEqual([
      ['A', 'depot', [3.1, 50], ['o0']],
      ['B', 'depot', [3.2, 50], ['o1']],
    ]);
  });

  it('collects: a depot loads its goods and unloads its returns; energy arc by arc at the payload on board', () => {
    const [trip] = reportTrunk(city, networkOf({ runs: [run] }));
    expect(trip?.stops[0]).toMatchObject({ loaded: load(200, 1, 2), unloaded: load(100, 0, 1) });
    // 4 km at 100 kg (1.1 kWh/km) + 2 km at 200 kg (1.2) + 6 km at 500 kg (1.5) = 4.4 + 2.4 + 9
    expect(trip?.energyKWh).toBeCloseTo(15.8, 9);
    expect(trip?.co2eKg).toBeCloseTo(15.8 * 0.5, 9);
    // A's 200 kg ride 8 km to H, its 100 kg of returns rode 4 km; B's 300 kg ride 6 km
    expect(trip?.tonneKm).toBeCloseTo(0.2 * 8 + 0.1 * 4 + 0.3 * 6, 9);
  });

  it('night-before: the day before, times 24 h earlier; same-day: day 0, times as solved', () => {
    const [before] = reportTrunk(city, networkOf({ runs: [run] }));
    expect(before).toMatchObject({ day: -1, departure: '20:00', departureSec: 20 * H - 24 * H });
    expect(before?.stops[1]?.arrivalSec).toBe(21 * H - 24 * H);
    const [sameDay] = reportTrunk(city, networkOf({ runs: [run], dayBefore: false }));
    expect(sameDay).toMatchObject({ day: 0, departureSec: 20 * H, arrivalSec: 22 * H });
  });

  it("unpooled: each carrier's problem names its vehicles after the carrier", () => {
    const alone = roadRun([toHub[1] as Consignment], { hub: 0, location: 0 });
    const [trip] = reportTrunk(cityOf(false), networkOf({ runs: [alone] }));
    expect(trip?.vehicle).toBe('trunk/H/B/truck#2');
    expect(trip?.carrierIds).toEqual(['B']);
  });

  it("a pre-haul to a barge terminal is named after the leg, and belongs to the leg's hub", () => {
    const preHaul = roadRun(toHub, { hub: 0, location: 3, leg: 0 });
    const [trip] = reportTrunk(city, networkOf({ runs: [preHaul] }));
    expect(trip).toMatchObject({ vehicle: 'trunk/L1/truck#2', hubId: 'H', to: 'L1', echelon: 1 });
    // from the terminal at 20 km: 16 km to A at 100 kg, 2 km to B at 200, 14 km back at 500
    expect(trip?.energyKWh).toBeCloseTo(16 * 1.1 + 2 * 1.2 + 14 * 1.5, 9);
  });

  it('refuses a consignment of a carrier the city does not have', () => {
    const stranger = roadRun([consignment(7, [0], [1, 0, 0])], { hub: 0, location: 0 });
    expect(() => reportTrunk(city, networkOf({ runs: [stranger] }))).toThrow(
      /trunk consignment of carrier 7/,
    );
  });
});

describe('reportTrunk: barge and rail sailings of the first echelon', () => {
  const sailed = () => reportTrunk(city, networkOf({ intermodal: [sailing] as never }))[0];

  it("one trip per leg's day, named after the leg, to the leg's hub", () => {
    const trip = sailed();
    expect(trip).toMatchObject({
      id: 'barge/L1/trip1',
      vehicle: 'barge/L1',
      vehicleType: 'L1',
      mode: 'barge',
      trip: 1,
      hubId: 'H',
      to: 'H',
      echelon: 1,
      day: -1,
      carrierIds: ['A', 'B'],
    });
    expect(trip?.stops).toEqual([
      {
        id: 'L1',
        kind: 'terminal',
        location: [3.3, 50],
        // loading starts an hour (the leg's handling) before the departure
        arrival: '04:00',
        departure: '05:00',
        arrivalSec: 4 * H - 24 * H,
        departureSec: 5 * H - 24 * H,
        loaded: load(2000, 5, 40),
        unloaded: load(500, 1, 4),
        orderIds: ['o2', 'o3', 'o4'],
      },
    ]);
  });

  it("times, distance per sailing, and activity: (2,000 + 500) kg x 15 km = 37.5 t-km at the leg's rates", () => {
    const trip = sailed();
    expect(trip).toMatchObject({
      departure: '05:00',
      arrival: '08:30',
      departureSec: 5 * H - 24 * H,
      arrivalSec: 8.5 * H - 24 * H,
      distanceKm: 15 * 2,
      durationMin: 210,
      load: load(2000, 5, 40),
      returns: load(500, 1, 4),
    });
    expect(trip?.tonneKm).toBeCloseTo(37.5, 9);
    expect(trip?.energyKWh).toBeCloseTo(37.5 * 0.12, 9);
    expect(trip?.co2eKg).toBeCloseTo((37.5 * 40) / 1000, 9);
    const [sameDay] = reportTrunk(city, networkOf({ intermodal: [sailing] as never, dayBefore: false }));
    expect(sameDay).toMatchObject({ day: 0, departureSec: 5 * H, arrivalSec: 8.5 * H });
    expect(sameDay?.stops[0]).toMatchObject({ arrivalSec: 4 * H, departureSec: 5 * H });
  });

  it('refuses a leg, or a leg hub, the city does not have', () => {
    expect(() => reportTrunk(city, networkOf({ intermodal: [{ ...sailing, leg: 4 }] as never }))).toThrow(
      /intermodal leg index 4: not in the city/,
    );
    const noHub = { ...city, intermodalLegs: [{ ...bargeLeg, hub: 9 }] };
    expect(() => reportTrunk(noHub, networkOf({ intermodal: [sailing] as never }))).toThrow(
      /intermodal leg index 0: not in the city/,
    );
  });
});

describe('reportTrunk: the second echelon, platform to micro-hub, always on the day', () => {
  const network = networkOf({
    runs: [roadRun(toHub, { hub: 0, location: 0 })],
    intermodal: [sailing] as never,
    feeders: [roadFeeder, railDay] as never,
  });
  const trips = () => reportTrunk(city, network);

  it('lists road trunk trips, then sailings, then feeders', () => {
    expect(trips().map((t) => t.id)).toEqual([
      'trunk/H/truck#2/trip1',
      'barge/L1/trip1',
      'feeder/H-M/truck#1/trip1',
      'rail/H-N/trip1',
    ]);
  });

  it("a road feeder delivers: the micro-hub's stop unloads its goods and loads its returns", () => {
    const feeder = trips()[2];
    expect(feeder).toMatchObject({
      vehicle: 'feeder/H-M/truck#1',
      hubId: 'M',
      from: 'H',
      to: 'M',
      echelon: 2,
      day: 0, // night-before trunking: the feeder still runs on the plan's day
      departureSec: 8 * H,
      arrivalSec: 9 * H,
      carrierIds: ['A', 'B'],
    });
    expect(feeder?.stops.map((s) => [s.id, s.kind, s.location, s.orderIds, s.arrivalSec])).toEqual([
      ['M', 'hub', [3.4, 50], ['o5'], 8 * H + 1200],
      ['M', 'hub', [3.4, 50], ['o6'], 8 * H + 1800],
    ]);
    expect(feeder?.stops[0]).toMatchObject({ loaded: load(40), unloaded: load(100, 0, 1) });
    // 10 km out at 150 kg (1.15 kWh/km), 10 km back at 40 kg (1.04)
    expect(feeder?.energyKWh).toBeCloseTo(11.5 + 10.4, 9);
    // the goods (100 + 50 kg) rode 10 km out, A's 40 kg of returns ride 10 km back
    expect(feeder?.tonneKm).toBeCloseTo(0.15 * 10 + 0.04 * 10, 9);
  });

  it("a rail feeder: one trip for the day, (4,000 + 1,000) kg x 8 km = 40 t-km at the feeder's rates", () => {
    expect(trips()[3]).toEqual({
      id: 'rail/H-N/trip1',
      hubId: 'N',
      echelon: 2,
      from: 'H',
      mode: 'rail',
      vehicleType: 'H-N',
      vehicle: 'rail/H-N',
      trip: 1,
      day: 0,
      to: 'N',
      carrierIds: ['B', 'A'],
      stops: [
        {
          id: 'H',
          kind: 'terminal',
          location: [3, 50],
          arrival: '08:30', // loading: the feeder's 30 min of handling before 09:00
          departure: '09:00',
          arrivalSec: 8.5 * H,
          departureSec: 9 * H,
          loaded: load(4000, 10, 80),
          unloaded: load(1000, 2, 8),
          orderIds: ['o7', 'o8', 'o9'],
        },
      ],
      departure: '09:00',
      arrival: '10:00',
      departureSec: 9 * H,
      arrivalSec: 10 * H,
      distanceKm: 8 * 3,
      durationMin: 60,
      energyKWh: 40 * 0.04,
      co2eKg: (40 * 12) / 1000,
      load: load(4000, 10, 80),
      returns: load(1000, 2, 8),
      tonneKm: 40,
    });
  });

  it('refuses a feeder whose micro-hub or platform the city does not have', () => {
    const lost = networkOf({ feeders: [{ ...railDay, hub: 9 }] as never });
    expect(() => reportTrunk(city, lost)).toThrow(/feeder of hub index 9: not in the city/);
    const noPlatform = networkOf({ feeders: [{ ...roadFeeder, platform: 9 }] as never });
    expect(() => reportTrunk(city, noPlatform)).toThrow(/feeder of hub index 1: not in the city/);
  });
});
