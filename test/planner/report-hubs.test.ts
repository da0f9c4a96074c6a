import { describe, expect, it } from 'vitest';
import type { PlanRoute, TrunkTrip } from '../../src/contracts/index.ts';
import type { FacilityChoice, TrunkNetwork } from '../../src/consolidation/index.ts';
import type { CityFleet, CityHub, CityOrder } from '../../src/domain/city.ts';
import { reportHubs } from '../../src/planner/report-hubs.ts';
import { unitCity, unitRoute, unitTrunkTrip } from './unit-city.ts';

// reportHubs on a hand-made two-echelon day, every figure worked out by hand below.
// Hubs: P, a platform (capacity 500 units), feeds M by road and N by barge; S is closed and idle; T is a
// hub of its own, reached by a barge leg after a road pre-haul. Orders' handling units are size[2], at least 1.

const H = 3600;
const hub = (id: string, fixed: number, perUnit: number, extra: Partial<CityHub> = {}): CityHub => ({
  id,
  location: 0,
  openS: 0,
  closeS: 24 * H,
  handlingKWhPerUnit: 0.05,
  fixedCostEurPerDay: fixed,
  handlingCostEurPerUnit: perUnit,
  ...extra,
});
const roadFeeder = { platform: 0, mode: 'road', type: 0, maxTrips: 2, reloadS: 0 } as const;
const bargeFeeder = {
  platform: 0,
  mode: 'barge',
  lengthKm: 5,
  speedKmh: 10,
  handlingS: 1800,
  capacityKg: 10_000,
  co2eGPerTonneKm: 38.6,
  kWhPerTonneKm: 0.12,
} as const;
const order = (id: string, units: number): CityOrder => ({
  id,
  carrier: 0,
  receiver: 0,
  kind: 'delivery',
  size: [10, 0, units],
});
const hubs = [
  hub('P', 100, 0.5, { capacityUnits: 500 }),
  hub('M', 20, 0.2, { feeder: roadFeeder }),
  hub('N', 10, 0.1, { feeder: bargeFeeder }),
  hub('S', 70, 1),
  hub('T', 30, 0),
];
// a1: 2 units; a2: 0 -> counts 1; b1: 1.4; a3: 1; b3: 2.3; b2: 4; c1: 5; z1: 7 (a route from no hub)
const orders = [
  order('a1', 2),
  order('a2', 0),
  order('b1', 1.4),
  order('a3', 1),
  order('b3', 2.3),
  order('b2', 4),
  order('c1', 5),
  order('z1', 7),
];
const cityWith = (fleet: CityFleet[]) => unitCity({ hubs, orders, carriers: [{ id: 'A' }] as never, fleet });
const fleetAt = (hubIndex: number, count: number) =>
  ({ hub: hubIndex, type: 0, count }) as unknown as CityFleet;

const pooled = (start: string, vehicle: string, departureH: number, orderIds: string[]): PlanRoute => ({
  ...unitRoute({
    vehicle,
    vehicleType: 'bike',
    distanceKm: 1,
    durationMin: 1,
    stops: orderIds.map((id) => [`R-${id}`, [id]] as const),
  }),
  start,
  departureSec: departureH * H,
});
const routes = [
  pooled('P', 'P/van#1', 9, ['a1']),
  pooled('M', 'M/bike#1', 10, ['a2', 'b1']),
  pooled('M', 'M/bike#1', 12, ['a3']),
  pooled('M', 'M/bike#2', 10, ['b3']),
  pooled('N', 'N/bike#1', 11, ['b2']),
  pooled('T', 'T/van#1', 8, ['c1']),
  pooled('Z', 'Z/van#1', 8, ['z1']), // a route from no hub: counted nowhere
];

/** A trunk trip with one stop listing `orderIds`, its stop leaving at `stopLeavesH`, arriving at `arrivesH`. */
function trip(parts: {
  hubId: string;
  to: string;
  echelon: 1 | 2;
  mode?: TrunkTrip['mode'];
  arrivesH: number;
  stopLeavesH: number;
  orderIds: string[];
}): TrunkTrip {
  const t = unitTrunkTrip({
    vehicle: `trunk/${parts.to}`,
    distanceKm: 1,
    durationMin: 1,
    stops: [['X', 0, 0]],
    ...(parts.mode ? { mode: parts.mode } : {}),
  });
  return {
    ...t,
    hubId: parts.hubId,
    to: parts.to,
    echelon: parts.echelon,
    arrivalSec: parts.arrivesH * H,
    stops: t.stops.map((s) => ({ ...s, departureSec: parts.stopLeavesH * H, orderIds: parts.orderIds })),
  };
}
const trunk: TrunkTrip[] = [
  // the first echelon, the night before, to the platform: every order of P, M and N arrives at 22:00 (-2 h)
  trip({
    hubId: 'P',
    to: 'P',
    echelon: 1,
    arrivesH: -2,
    stopLeavesH: -5,
    orderIds: ['a1', 'a2', 'b1', 'a3', 'b2'],
  }),
  // T by barge: arrives 07:00
  trip({ hubId: 'T', to: 'T', echelon: 1, mode: 'barge', arrivesH: 7, stopLeavesH: 4, orderIds: ['c1'] }),
  // the road pre-haul to the barge's terminal: not an arrival at T (listed after the barge on purpose)
  trip({ hubId: 'T', to: 'L1', echelon: 1, arrivesH: 3, stopLeavesH: 2, orderIds: ['c1'] }),
  // the road feeder to M: unloads there at 08:30, back at the platform at 09:00
  trip({ hubId: 'M', to: 'M', echelon: 2, arrivesH: 9, stopLeavesH: 8.5, orderIds: ['a2', 'b1', 'a3'] }),
  // the barge feeder to N: leaves the platform at 08:00, unloaded at N at 09:30
  trip({ hubId: 'N', to: 'N', echelon: 2, mode: 'barge', arrivesH: 9.5, stopLeavesH: 8, orderIds: ['b2'] }),
];

const solved = (vehicles: number[]) => ({ routes: vehicles.map((vehicle) => ({ vehicle, trips: [] })) });
const network = {
  runs: [
    { base: { hub: 0, location: 0 }, solution: solved([0, 2, 2]) }, // 2 vehicles (index 2 twice)
    { base: { hub: 4, location: 0, leg: 0 }, solution: solved([0]) }, // a pre-haul: based at a terminal
    { base: { hub: 4, location: 0 }, solution: solved([1]) },
  ],
  intermodal: [],
  feeders: [
    { kind: 'road', platform: 0, hub: 1, solution: solved([0, 1, 4]) }, // 3 feeder vehicles at P
    { kind: 'sailing', platform: 0, hub: 2 }, // a barge: no road vehicle
  ],
  dayBefore: true,
} as unknown as TrunkNetwork;
const facilities = {
  open: [false, true, true, false], // T's entry missing: not opened by the model
  hubReasons: ['opens: 12 receivers', 'fed by P', 'micro-hub by water'], // S and T: none given
} as unknown as FacilityChoice;

const report = (fleet: CityFleet[] = []) => reportHubs(cityWith(fleet), routes, trunk, network, facilities);
const row = (id: string, fleet: CityFleet[] = []) => report(fleet).find((r) => r.id === id);

describe('reportHubs: each hub of a two-echelon day', () => {
  it('one row per hub, in the city order', () => {
    expect(report().map((r) => r.id)).toEqual(['P', 'M', 'N', 'S', 'T']);
  });

  it('handling units: own pooled orders, and at a platform those of every micro-hub it feeds', () => {
    // M: a2 1 + b1 1.4 + a3 1 + b3 2.3 = 5.7; N: b2 4; P: a1 2 + fed 5.7 + 4 = 11.7; T: c1 5; S: none
    expect(report().map((r) => [r.id, r.units])).toEqual([
      ['P', 11.7],
      ['M', 5.7],
      ['N', 4],
      ['S', 0],
      ['T', 5],
    ]);
  });

  it('open: the facility choice, or a platform that handles fed units; the cost of the day when open', () => {
    expect(report().map((r) => [r.id, r.open])).toEqual([
      ['P', true], // not chosen, but it handles M's and N's units
      ['M', true],
      ['N', true],
      ['S', false],
      ['T', false], // no entry: closed (its routes are the facility model's business)
    ]);
    // fixed cost + units x handling EUR per unit: P 100 + 11.7 x 0.5; M 20 + 5.7 x 0.2; N 10 + 4 x 0.1
    expect(report().map((r) => r.costEur)).toEqual([105.85, 21.14, 10.4, 0, 0]);
    expect(report().map((r) => r.fixedCostEurPerDay)).toEqual([100, 20, 10, 70, 30]);
  });

  it('capacity only where the hub has one', () => {
    expect(row('P')?.capacityUnits).toBe(500);
    expect(row('M') && 'capacityUnits' in row('M')!).toBe(false);
  });

  it('pooled vehicles: distinct vehicles of the routes from the hub, whatever their trips', () => {
    expect(report().map((r) => r.vehicles)).toEqual([1, 2, 1, 0, 1]);
  });

  it('trunk vehicles: first-echelon vehicles based at the hub (not at a terminal) and its road feeders', () => {
    // P: run of 2 distinct vehicles + 3 road feeder vehicles (the barge feeder has none); T: 1 (the pre-haul's
    // vehicle is based at the terminal)
    expect(report().map((r) => r.trunkVehicles)).toEqual([5, 0, 0, 0, 1]);
  });

  it("reason: the facility model's words; a platform names the hubs it feeds and their units", () => {
    const rows = report();
    // P feeds M and N, 5.7 + 4 = 9.7 units, rounded to 10; P has no pooled fleet of its own
    expect(rows.map((r) => r.reason)).toEqual([
      'platform: feeds M, N (10 units)',
      'fed by P',
      'micro-hub by water',
      '',
      '',
    ]);
  });

  it("a platform with a pooled fleet of its own adds the facility model's reason for it", () => {
    expect(row('P', [fleetAt(0, 2)])?.reason).toBe(
      'platform: feeds M, N (10 units); its own pooled fleet: opens: 12 receivers',
    );
    // a fleet entry of 0 vehicles, or another hub's fleet, is no fleet of its own
    expect(row('P', [fleetAt(0, 0), fleetAt(1, 3)])?.reason).toBe('platform: feeds M, N (10 units)');
  });

  it("dwell: from the goods' arrival at the hub that pools them to the pooled trip's departure", () => {
    const dwell = report().map((r) => [r.id, r.dwellHoursMean, r.dwellHoursMax]);
    expect(dwell).toEqual([
      ['P', 11, 11], // a1 arrived at 22:00 the day before, leaves at 09:00
      // at a micro-hub fed by road, goods arrive when the feeder's stop there ends (08:30), not when the feeder
      // is back (09:00): a2 and b1 1.5 h (10:00), a3 3.5 h (12:00); b3 came by no trunk trip: no dwell
      ['M', 2.17, 3.5], // (1.5 + 1.5 + 3.5) / 3 = 2.1666…
      ['N', 1.5, 1.5], // by barge: at its arrival 09:30, leaves 11:00
      ['S', undefined, undefined],
      ['T', 1, 1], // the barge's 07:00, not the pre-haul's 03:00
    ]);
    expect('dwellHoursMean' in (row('S') as object)).toBe(false);
  });
});

describe('reportHubs: trunk vehicles of unpooled trunking', () => {
  it("counts each carrier's own trunk vehicles: one problem per carrier, vehicle indices restart at 0", () => {
    // trunking.pooled false: carriers A and B each run their own problem to hub T (index 4), each with its
    // vehicle 0 (reportTrunk names them trunk/T/A/…#1 and trunk/T/B/…#1), and A a second vehicle 1: 3 vehicles
    const unpooled = {
      ...network,
      runs: [
        { base: { hub: 4, location: 0 }, solution: solved([0, 1]) },
        { base: { hub: 4, location: 0 }, solution: solved([0]) },
      ],
      feeders: [],
    } as unknown as TrunkNetwork;
    const rows = reportHubs(cityWith([]), routes, trunk, unpooled, facilities);
    expect(rows.map((r) => r.trunkVehicles)).toEqual([0, 0, 0, 0, 3]);
  });
});
