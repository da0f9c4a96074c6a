import { describe, expect, it } from 'vitest';
import type { PlanRoute, PlanTask, PlanTaskResult } from '../../src/contracts/index.ts';
import type { CityVehicleType, Window } from '../../src/domain/city.ts';
import { ownRoundsCleanFleet, sameRoutesWith } from '../../src/planner/clean-fleet.ts';
import { load, unitCity, unitRoute } from './unit-city.ts';

const KM = 1000;
// locations: 0 carrier A's depot, 1 receiver R1, 2 receiver R2, 3 hub H
const metres: Record<string, number> = {
  '0-1': 10 * KM,
  '1-2': 4 * KM,
  '2-0': 12 * KM,
  '3-1': 2 * KM,
  '1-3': 2 * KM,
};
const travel = {
  size: 4,
  distance: (a: number, b: number): number => {
    const d = metres[`${a}-${b}`];
    if (d === undefined) throw new Error(`no arc ${a}-${b} in this test`);
    return d;
  },
  duration: (): number => 0,
};

function type(id: string, over: Partial<CityVehicleType> = {}): CityVehicleType {
  return {
    id,
    class: 'van',
    powertrain: 'diesel',
    capacity: [1000, 10, 100],
    speedKmh: 30,
    fixedCostEur: 0,
    costPerKmEur: 0,
    costPerHourEur: 0,
    energy: { emptyKWhPerKm: 0.8, fullKWhPerKm: 1, co2eKgPerKWh: 0.317 },
    ...over,
  };
}
const diesel = type('dv');
const electric = type('ev', {
  powertrain: 'electric',
  capacity: [800, 10, 100],
  maxRouteS: 3600,
  energy: { emptyKWhPerKm: 0.25, fullKWhPerKm: 0.5, co2eKgPerKWh: 0.048, batteryKWh: 40 },
});

function city(
  types: CityVehicleType[] = [diesel, electric],
  accessByType?: (readonly Window[] | undefined)[],
) {
  return unitCity({
    travel,
    vehicleTypes: types,
    cleanTypeOf: types.map((t) => (t === diesel ? types.indexOf(electric) : types.indexOf(t))),
    hubs: [
      {
        id: 'H',
        location: 3,
        openS: 0,
        closeS: 86_400,
        handlingKWhPerUnit: 0,
        fixedCostEurPerDay: 0,
        handlingCostEurPerUnit: 0,
      },
    ],
    carriers: [{ id: 'A', location: 0, baselineType: 0, trunkType: 0 }],
    receivers: [
      { id: 'R1', location: 1, windows: [], serviceS: 300, accessByType },
      { id: 'R2', location: 2, windows: [], serviceS: 300 },
    ],
  });
}

/** A's round: depot -> R1 (10 km, 400 kg on board) -> R2 (4 km, 200 kg) -> depot (12 km, empty). */
function round(over: Partial<PlanRoute> = {}): PlanRoute {
  return {
    ...unitRoute({
      vehicle: 'A/dv#1',
      vehicleType: 'dv',
      distanceKm: 26,
      durationMin: 60,
      energyKWh: 23.4,
      co2eKg: 7.418,
      loadStart: load(400, 2, 20),
      stops: [
        ['R1', ['o1'], load(200, 1, 10)],
        ['R2', ['o2'], load(0, 0, 0)],
      ],
    }),
    start: 'A',
    ...over,
  };
}

describe('the same rounds driven by the clean type', () => {
  it('keeps every stop and km, renames the vehicle, and recomputes energy from the payload on board', () => {
    const [r] = sameRoutesWith(city(), [round()], diesel, electric) ?? [];
    // 10 km at 400/800 kg (0.375 kWh/km) + 4 km at 200/800 (0.3125) + 12 km empty (0.25) = 3.75 + 1.25 + 3
    expect(r).toEqual({
      ...round(),
      id: 'A/ev#1/trip1',
      vehicle: 'A/ev#1',
      vehicleType: 'ev',
      energyKWh: 8,
      co2eKg: 0.384, // 8 kWh x 0.048
    });
  });

  it('is refused when the clean type is another speed or class', () => {
    expect(sameRoutesWith(city(), [round()], diesel, { ...electric, speedKmh: 25 })).toBeUndefined();
    expect(sameRoutesWith(city(), [round()], diesel, { ...electric, class: 'cargo-bike' })).toBeUndefined();
  });

  it('is refused when a load exceeds the clean type in any dimension, accepted at exactly its capacity', () => {
    const over = (l: ReturnType<typeof load>) =>
      sameRoutesWith(city(), [round({ loadStart: l })], diesel, electric);
    expect(over(load(801, 2, 20))).toBeUndefined();
    expect(over(load(400, 10.5, 20))).toBeUndefined();
    expect(over(load(400, 2, 101))).toBeUndefined();
    expect(over(load(800, 10, 100))).toHaveLength(1);
    // a pickup that overloads the van after a stop counts too
    const pickup = round({ stops: [{ ...round().stops[0]!, loadAfter: load(900, 1, 10) }] });
    expect(sameRoutesWith(city(), [pickup], diesel, electric)).toBeUndefined();
  });

  it('is refused beyond the clean type’s longest route or its battery, accepted at exactly either', () => {
    expect(sameRoutesWith(city(), [round({ durationMin: 61 })], diesel, electric)).toBeUndefined();
    expect(sameRoutesWith(city(), [round({ durationMin: 60 })], diesel, electric)).toHaveLength(1);
    const battery = (kWh: number) => ({ ...electric, energy: { ...electric.energy, batteryKWh: kWh } });
    expect(sameRoutesWith(city(), [round()], diesel, battery(7.99))).toBeUndefined();
    expect(sameRoutesWith(city(), [round()], diesel, battery(8))).toHaveLength(1);
  });

  it('is refused when access rules treat the two types differently at a stop, or the start is unknown', () => {
    const vansMorningOnly: readonly Window[] = [[0, 39_600]];
    expect(
      sameRoutesWith(city([diesel, electric], [undefined, vansMorningOnly]), [round()], diesel, electric),
    ).toBeUndefined();
    expect(
      sameRoutesWith(
        city([diesel, electric], [vansMorningOnly, vansMorningOnly]),
        [round()],
        diesel,
        electric,
      ),
    ).toHaveLength(1);
    expect(sameRoutesWith(city(), [round({ start: 'nowhere' })], diesel, electric)).toBeUndefined();
  });

  it('starts a round at a hub as well as at a carrier’s depot', () => {
    const fromHub = round({ start: 'H', stops: [round().stops[0]!], loadStart: load(200, 1, 10) });
    const [r] =
      sameRoutesWith(
        city(),
        [{ ...fromHub, stops: [{ ...fromHub.stops[0]!, loadAfter: load(0) }] }],
        diesel,
        electric,
      ) ?? [];
    // 2 km at 200/800 kg (0.3125 kWh/km) + 2 km back empty (0.25)
    expect(r?.energyKWh).toBe(1.125);
  });
});

describe('the clean-fleet counterfactual of each carrier', () => {
  const task: Extract<PlanTask, { kind: 'baseline' }> = {
    kind: 'baseline',
    carrierId: 'A',
    zone: 0,
    zones: 1,
  };
  const result = (over: Partial<PlanTaskResult> = {}): PlanTaskResult => ({
    task,
    routes: [round()],
    unassigned: [],
    solveSeconds: 1,
    iterations: 10,
    timeCapped: false,
    ...over,
  });
  const rerouted = (t: Extract<PlanTask, { kind: 'baseline' }>): PlanTaskResult =>
    result({ task: t, routes: [round({ vehicleType: t.vehicleType ?? 'none', vehicle: 'A/ev#9' })] });

  it('drives the same rounds when the clean type can', () => {
    const out = ownRoundsCleanFleet(city(), [result()], rerouted);
    expect(out.carriers).toEqual([
      { carrierId: 'A', baselineVehicleType: 'dv', vehicleType: 'ev', method: 'same-routes' },
    ]);
    expect(out.results.map((r) => r.routes.map((x) => x.vehicle))).toEqual([['A/ev#1']]);
  });

  it('re-routes with the clean type when it cannot, or when the baseline left orders out', () => {
    const tooLong = ownRoundsCleanFleet(city(), [result({ routes: [round({ durationMin: 90 })] })], rerouted);
    expect(tooLong.carriers[0]?.method).toBe('rerouted');
    expect(tooLong.results.map((r) => r.task)).toEqual([{ ...task, vehicleType: 'ev' }]);
    const incomplete = result({ unassigned: [{ orderId: 'o3', reason: 'no-vehicle-allowed' }] });
    expect(ownRoundsCleanFleet(city(), [incomplete], rerouted).carriers[0]?.method).toBe('rerouted');
  });

  it('re-routes every zone of a carrier when one zone cannot be driven as it is, or left orders out', () => {
    const zone = (z: number, over: Partial<PlanTaskResult> = {}) =>
      result({ task: { ...task, zone: z, zones: 2 }, ...over });
    const oneTooLong = ownRoundsCleanFleet(
      city(),
      [zone(0), zone(1, { routes: [round({ durationMin: 90 })] })],
      rerouted,
    );
    expect(oneTooLong.carriers[0]?.method).toBe('rerouted');
    expect(oneTooLong.results.map((r) => [r.task, r.routes[0]?.vehicle])).toEqual([
      [{ ...task, zone: 0, zones: 2, vehicleType: 'ev' }, 'A/ev#9'],
      [{ ...task, zone: 1, zones: 2, vehicleType: 'ev' }, 'A/ev#9'],
    ]);
    const oneIncomplete = zone(1, { unassigned: [{ orderId: 'o3', reason: 'no-vehicle-allowed' }] });
    expect(ownRoundsCleanFleet(city(), [zone(0), oneIncomplete], rerouted).carriers[0]?.method).toBe(
      'rerouted',
    );
  });

  it('keeps the baseline as it is for a carrier already on its clean type, and ignores pooled results', () => {
    const cleanAlready = city([diesel, electric]);
    const withEv = { ...cleanAlready, carriers: [{ ...cleanAlready.carriers[0]!, baselineType: 1 }] };
    const pooled = result({ task: { kind: 'pooled', hubId: 'H', zone: 0, zones: 1 } });
    const out = ownRoundsCleanFleet(withEv, [result(), pooled], rerouted);
    expect(out.carriers[0]).toMatchObject({
      baselineVehicleType: 'ev',
      vehicleType: 'ev',
      method: 'unchanged',
    });
    expect(out.results).toEqual([result()]);
  });
});
