import { describe, expect, it } from 'vitest';
import type { PlanRoute, TrunkTrip } from '../../src/contracts/index.ts';
import type { CityIntermodalLeg, CityOrder } from '../../src/domain/city.ts';
import { EmissionPlaces, hubOperations, routeTrips, trunkTrips } from '../../src/planner/emission-trips.ts';
import type { TtwShares } from '../../src/planner/ttw-shares.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';
import { lineLocations, unitCity, unitHub, unitRailFeeder, unitRoute, unitTrunkTrip } from './unit-city.ts';

// The trips and hub operations the ISO 14083 allocation reads, on a hand-made two-echelon city. Places on a line
// (x in km), by location index: 0 receiver R1 at 12, 1 platform P at 0, 2 micro-hub M at 10 (fed by P by road),
// 3 depot A at 4, 4 depot B at 6, 5 barge terminal T at 20, 6 hub Q at 30, 7 micro-hub N at 38 (fed by P by
// rail, 8 km). TTW shares from a hand stub.

const X_KM = [12, 0, 10, 4, 6, 20, 30, 38];
const bargeLeg: CityIntermodalLeg = {
  id: 'L1',
  hub: 0,
  mode: 'barge',
  terminal: 5,
  lengthKm: 15,
  speedKmh: 10,
  handlingS: 3600,
  capacityKg: 250_000,
  co2eGPerTonneKm: 40,
  kWhPerTonneKm: 0.12,
  carriers: [0],
};
const order = (id: string, carrier: number, kg: number, units: number): CityOrder => ({
  id,
  carrier,
  receiver: 0,
  kind: 'delivery',
  size: [kg, 0, units],
});
const city = unitCity({
  ...lineLocations(X_KM),
  hubs: [
    unitHub('P', 1, { handlingKWhPerUnit: 0.5 }),
    unitHub('M', 2, {
      handlingKWhPerUnit: 0.25,
      feeder: { platform: 0, mode: 'road', type: 0, maxTrips: 1, reloadS: 0 },
    }),
    unitHub('Q', 6),
    unitHub('N', 7, { feeder: unitRailFeeder }),
  ],
  carriers: [
    { id: 'A', location: 3, baselineType: 0, trunkType: 0 },
    { id: 'B', location: 4, baselineType: 0, trunkType: 0 },
  ],
  receivers: [{ id: 'R1', location: 0, windows: [[0, 86_400]], serviceS: 0 }],
  // handling units: a1 2, b1 0 -> counts 1, a2 3, q1 4, a3 1
  orders: [
    order('a1', 0, 100, 2),
    order('b1', 1, 300, 0),
    order('a2', 0, 50, 3),
    order('q1', 1, 10, 4),
    order('a3', 0, 5, 1),
  ],
  intermodalLegs: [bargeLeg],
});
const ttwOfType: Record<string, number> = { van: 0.25, truck: 0.75 };
const ttwOfLeg: Record<string, number> = { 'L1/barge': 0.8, 'P-N/rail': 0.1 };
const ttw = {
  ofType: (id: string) => ({ value: ttwOfType[id] ?? NaN, source: '' }),
  ofLeg: (id: string, mode: string) => ({ value: ttwOfLeg[`${id}/${mode}`] ?? NaN, source: '' }),
} as unknown as TtwShares;
// built before the tests, not while collecting (see beforeAllOrFail)
let places: EmissionPlaces;
beforeAllOrFail(() => {
  places = new EmissionPlaces(city, ttw);
});

const route = (start: string, vehicleType: string, co2eKg: number, orderIds: string[]): PlanRoute => ({
  ...unitRoute({
    vehicle: `${start}/${vehicleType}#1`,
    vehicleType,
    distanceKm: 1,
    durationMin: 1,
    co2eKg,
    stops: [['R1', orderIds]],
  }),
  start,
});
const consignment = (id: string, carrierId: string, massKg: number, km: number) => ({
  consignmentId: id,
  carrierId,
  massKg,
  distanceFromStartKm: km,
});

describe('EmissionPlaces: ids to places and order facts', () => {
  it('finds hubs, depots and receivers by id; a start is a hub or else a depot', () => {
    expect(places.place('hub', 'M')).toBe(2);
    expect(places.place('carrier', 'B')).toBe(4);
    expect(places.place('receiver', 'R1')).toBe(0);
    expect(places.place('start', 'P')).toBe(1);
    expect(places.place('start', 'A')).toBe(3);
    expect(places.isHub('Q')).toBe(true);
    expect(places.isHub('A')).toBe(false);
    expect(places.leg('L1')?.lengthKm).toBe(15);
    expect(places.km(1, 0)).toBe(12);
  });

  it('refuses an id the city does not have, naming its kind', () => {
    expect(() => places.place('hub', 'A')).toThrow(/plan names unknown hub "A"/);
    expect(() => places.place('carrier', 'P')).toThrow(/plan names unknown carrier "P"/);
    expect(() => places.place('receiver', 'X')).toThrow(/plan names unknown receiver "X"/);
    expect(() => places.place('start', 'R1')).toThrow(/plan names unknown start "R1"/);
    expect(() => places.consignment('zz', 1)).toThrow(/plan names unknown order "zz"/);
  });

  it("an order's id, carrier, mass and handling units (at least 1)", () => {
    expect(places.orders.get('b1')).toEqual({ consignmentId: 'b1', carrierId: 'B', massKg: 300, units: 1 });
    expect(places.orders.get('a2')).toEqual({ consignmentId: 'a2', carrierId: 'A', massKg: 50, units: 3 });
  });
});

describe('routeTrips: last-kilometre trips from a hub or a depot', () => {
  it("each order at the distance from the route's start to its receiver; TTW by the vehicle type", () => {
    const trips = routeTrips(
      places,
      [route('M', 'van', 2, ['a1', 'b1']), route('A', 'truck', 1, ['a2'])],
      (r) => (r.start === 'A' ? 'own-round' : 'pooled-run'),
    );
    expect(trips).toEqual([
      {
        tripId: 'M/van#1/trip',
        element: 'pooled-run',
        wtwCo2eKg: 2,
        ttwCo2eKg: 2 * 0.25,
        // M at 10 km, R1 at 12
        consignments: [consignment('a1', 'A', 100, 2), consignment('b1', 'B', 300, 2)],
      },
      {
        tripId: 'A/truck#1/trip',
        element: 'own-round',
        wtwCo2eKg: 1,
        ttwCo2eKg: 1 * 0.75,
        consignments: [consignment('a2', 'A', 50, 8)], // A at 4 km
      },
    ]);
  });

  it('refuses a route from a place that is neither a hub nor a depot', () => {
    expect(() => routeTrips(places, [route('R1', 'van', 1, ['a1'])], () => 'pooled-run')).toThrow(
      /plan names unknown start "R1"/,
    );
  });
});

/** A trunk trip with one stop per `[kind, id, orderIds]`. */
function trunk(parts: {
  id: string;
  hubId: string;
  to: string;
  echelon: 1 | 2;
  from?: string;
  mode?: TrunkTrip['mode'];
  vehicleType: string;
  co2eKg: number;
  distanceKm?: number;
  stops: [TrunkTrip['stops'][number]['kind'], string, string[]][];
}): TrunkTrip {
  const t = unitTrunkTrip({
    vehicle: parts.id,
    vehicleType: parts.vehicleType,
    distanceKm: parts.distanceKm ?? 1,
    durationMin: 1,
    co2eKg: parts.co2eKg,
    stops: parts.stops.map(([, id]) => [id, 0, 0] as const),
    ...(parts.mode ? { mode: parts.mode } : {}),
  });
  return {
    ...t,
    id: parts.id,
    hubId: parts.hubId,
    to: parts.to,
    echelon: parts.echelon,
    ...(parts.from !== undefined ? { from: parts.from } : {}),
    stops: t.stops.map((s, i) => {
      const [kind, , orderIds] = parts.stops[i] as [TrunkTrip['stops'][number]['kind'], string, string[]];
      return { ...s, kind, orderIds };
    }),
  };
}

describe('trunkTrips: road trips by the distance from their base, sailings by their length', () => {
  // a road trunk to P collecting at depots A and B (a test helper, not the code under test)
  const roadToP = trunk({
    id: 'road',
    hubId: 'P',
    to: 'P',
    echelon: 1,
    vehicleType: 'truck',
    co2eKg: 4,
    stops: [
      ['depot', 'A', ['a1']],
      ['depot', 'B', ['b1']],
    ],
  });

  it('a road trunk to the hub: each order at the distance from the hub to its depot', () => {
    const [t] = trunkTrips(places, [roadToP]);
    expect(t).toEqual({
      tripId: 'road',
      element: 'trunk-road',
      wtwCo2eKg: 4,
      ttwCo2eKg: 4 * 0.75,
      consignments: [consignment('a1', 'A', 100, 4), consignment('b1', 'B', 300, 6)],
    });
  });

  it("a road pre-haul to a barge leg: from the leg's terminal", () => {
    const [t] = trunkTrips(places, [{ ...roadToP, to: 'L1' }]);
    // T at 20 km: A 16 km away, B 14 km
    expect(t?.consignments.map((c) => c.distanceFromStartKm)).toEqual([16, 14]);
  });

  it('a road feeder: from its platform to the micro-hub it feeds', () => {
    const [t] = trunkTrips(places, [
      trunk({
        id: 'feeder',
        hubId: 'M',
        to: 'M',
        from: 'P',
        echelon: 2,
        vehicleType: 'van',
        co2eKg: 2,
        stops: [['hub', 'M', ['a1', 'b1']]],
      }),
    ]);
    expect(t).toEqual({
      tripId: 'feeder',
      element: 'trunk-road',
      wtwCo2eKg: 2,
      ttwCo2eKg: 2 * 0.25,
      consignments: [consignment('a1', 'A', 100, 10), consignment('b1', 'B', 300, 10)], // P at 0, M at 10
    });
  });

  it('a road trunk to its hub is not a pre-haul, even when a leg has the id of that hub', () => {
    const legP = new EmissionPlaces({ ...city, intermodalLegs: [{ ...bargeLeg, id: 'P' }] }, ttw);
    const [t] = trunkTrips(legP, [roadToP]);
    expect(t?.consignments.map((c) => c.distanceFromStartKm)).toEqual([4, 6]); // from P at 0, not the terminal at 20
  });

  it("a barge leg: every order at the leg's length, TTW by the leg", () => {
    const [t] = trunkTrips(places, [
      trunk({
        id: 'barge',
        hubId: 'P',
        to: 'P',
        echelon: 1,
        mode: 'barge',
        vehicleType: 'L1',
        co2eKg: 3,
        stops: [['terminal', 'L1', ['a1', 'a2']]],
      }),
    ]);
    expect(t).toEqual({
      tripId: 'barge',
      element: 'trunk-barge',
      wtwCo2eKg: 3,
      ttwCo2eKg: 3 * 0.8,
      consignments: [consignment('a1', 'A', 100, 15), consignment('a2', 'A', 50, 15)],
    });
  });

  it("a feeder's sailing: no city leg; every order at the feeder's own 8 km, however many trains ran", () => {
    // report-feeder.ts prints the day's distance: the feeder's length x its sailings (1 and 3 here)
    const sailing = (trains: number) =>
      trunk({
        id: `rail${trains}`,
        hubId: 'N',
        to: 'N',
        from: 'P',
        echelon: 2,
        mode: 'rail',
        vehicleType: 'P-N',
        co2eKg: 1,
        distanceKm: trains * 8,
        stops: [['terminal', 'P', ['b1']]],
      });
    expect(trunkTrips(places, [sailing(1), sailing(3)])).toEqual(
      [1, 3].map((trains) => ({
        tripId: `rail${trains}`,
        element: 'trunk-rail',
        wtwCo2eKg: 1,
        ttwCo2eKg: 1 * 0.1,
        consignments: [consignment('b1', 'B', 300, 8)],
      })),
    );
  });

  it('refuses a sailing on a leg the city does not have, or to a hub without a barge or rail feeder', () => {
    const lost = trunk({
      id: 'lost',
      hubId: 'P',
      to: 'P',
      echelon: 1,
      mode: 'barge',
      vehicleType: 'L9',
      co2eKg: 1,
      stops: [['terminal', 'L9', ['a1']]],
    });
    expect(() => trunkTrips(places, [lost])).toThrow(/trunk trip lost: unknown leg L9/);
    // a second-echelon sailing to M, which is fed by road: no feeder length to take
    const toM = {
      ...lost,
      id: 'toM',
      hubId: 'M',
      to: 'M',
      from: 'P',
      echelon: 2 as const,
      vehicleType: 'P-M',
    };
    expect(() => trunkTrips(places, [toM])).toThrow(/trunk trip toM: unknown leg P-M/);
    // to Q, a hub without a feeder, and to X, no hub at all
    for (const hubId of ['Q', 'X'])
      expect(() => trunkTrips(places, [{ ...toM, hubId }])).toThrow(/trunk trip toM: unknown leg P-M/);
  });

  it('refuses a road trip whose hub, platform, depot or micro-hub the city does not have', () => {
    const road = (parts: {
      hubId?: string;
      from?: string;
      echelon?: 1 | 2;
      stop: ['depot' | 'hub', string];
    }) =>
      trunk({
        id: 'road',
        hubId: parts.hubId ?? 'P',
        to: parts.hubId ?? 'P',
        echelon: parts.echelon ?? 1,
        ...(parts.from !== undefined ? { from: parts.from } : {}),
        vehicleType: 'truck',
        co2eKg: 1,
        stops: [[...parts.stop, ['a1']]],
      });
    const refused = (t: TrunkTrip) => () => trunkTrips(places, [t]);
    expect(refused(road({ hubId: 'X', stop: ['depot', 'A'] }))).toThrow(/plan names unknown hub "X"/);
    expect(refused(road({ stop: ['depot', 'Z'] }))).toThrow(/plan names unknown carrier "Z"/);
    expect(refused(road({ hubId: 'M', from: 'Y', echelon: 2, stop: ['hub', 'M'] }))).toThrow(
      /plan names unknown hub "Y"/,
    );
    expect(refused(road({ hubId: 'M', from: 'P', echelon: 2, stop: ['hub', 'Y'] }))).toThrow(
      /plan names unknown hub "Y"/,
    );
  });
});

describe('hubOperations: handling CO2e per hub, its orders as throughput', () => {
  const row = (id: string, carrierId: string, massKg: number, units: number) => ({
    consignmentId: id,
    carrierId,
    massKg,
    units,
  });

  it('a micro-hub and the platform that feeds it both handle its orders; grams split by kWh', () => {
    const hubs = hubOperations(
      city,
      places,
      [
        route('M', 'van', 0, ['a1', 'b1']),
        route('P', 'van', 0, ['a2', 'zz']), // zz: no such order, not counted
        route('Q', 'van', 0, ['q1']),
        route('A', 'truck', 0, ['a3']), // from a depot: no hub handles it
      ],
      0.1,
    );
    // P: a1 2 + b1 1 + a2 3 = 6 units x 0.5 kWh = 3 kWh; M: 3 units x 0.25 = 0.75 kWh; Q: 4 units x 0 kWh.
    // 3.75 kWh x 0.1 kg/kWh = 375 g, split 3 : 0.75 : 0 = 300 g, 75 g, 0 g
    expect(hubs).toEqual([
      {
        hubId: 'P',
        element: 'hub',
        wtwCo2eKg: 0.3,
        ttwCo2eKg: 0,
        basis: 'units',
        throughput: [row('a1', 'A', 100, 2), row('b1', 'B', 300, 1), row('a2', 'A', 50, 3)],
      },
      {
        hubId: 'M',
        element: 'hub',
        wtwCo2eKg: 0.075,
        ttwCo2eKg: 0,
        basis: 'units',
        throughput: [row('a1', 'A', 100, 2), row('b1', 'B', 300, 1)],
      },
      {
        hubId: 'Q',
        element: 'hub',
        wtwCo2eKg: 0,
        ttwCo2eKg: 0,
        basis: 'units',
        throughput: [row('q1', 'B', 10, 4)],
      },
    ]);
  });

  it('the grams of all hubs are the rounded total, split by largest remainder', () => {
    // P: a2 3 units x 0.5 = 1.5 kWh, and a3 fed to M 1 x 0.5 = 0.5; M: a3 1 x 0.25 = 0.25. Total 2.25 kWh x
    // 0.003 kg/kWh = 6.75 g -> 7 g, split 2 : 0.25 = 6.22 and 0.78 g -> floors 6 and 0, the 7th gram to M
    const hubs = hubOperations(
      city,
      places,
      [route('P', 'van', 0, ['a2']), route('M', 'van', 0, ['a3'])],
      0.003,
    );
    expect(hubs.map((h) => [h.hubId, h.wtwCo2eKg])).toEqual([
      ['P', 0.006],
      ['M', 0.001],
    ]);
  });

  it('no handling energy at all: no hub operation to report', () => {
    expect(hubOperations(city, places, [route('Q', 'van', 0, ['q1'])], 0.1)).toEqual([]);
    expect(hubOperations(city, places, [], 0.1)).toEqual([]);
  });
});
