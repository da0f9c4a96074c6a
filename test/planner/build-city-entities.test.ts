import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/contracts/index.ts';
import { buildCity, mergeWindows } from '../../src/planner/build-city.ts';
import { meridianDay } from './meridian-day.ts';

const HOUR = 3600;
// Built-in type indices (docs/model/energy.md §3, in its order): cargo-bike 0, e-van 1, diesel-van 2,
// rigid-truck 3, hydrogen-van 4, biocng-truck 5; a scenario's own new types follow.
const [BIKE, E_VAN, DIESEL_VAN, TRUCK] = [0, 1, 2, 3];

describe('the run settings of a City', () => {
  it('defaults to seed 1, normal effort, a 120 s cap and 1,000 stops per zone', () => {
    const city = buildCity(meridianDay());
    expect([city.seed, city.effort, city.timeLimitS, city.maxStopsPerZone]).toEqual([1, 'normal', 120, 1000]);
    expect([city.name, city.date]).toEqual(['meridian', '2026-11-24']);
  });

  it("takes the scenario's options, and the caller's overrides before them", () => {
    const s: Scenario = {
      ...meridianDay(),
      options: { seed: 7, effort: 'thorough', timeLimitSeconds: 30, maxStopsPerZone: 50 },
    };
    const city = buildCity(s);
    expect([city.seed, city.effort, city.timeLimitS, city.maxStopsPerZone]).toEqual([7, 'thorough', 30, 50]);
    const over = buildCity(s, { seed: 9, effort: 'quick', timeLimitSeconds: 5 });
    expect([over.seed, over.effort, over.timeLimitS]).toEqual([9, 'quick', 5]);
  });

  it('trunks the night before, pooled, with 30 min handling by default (consolidation.md), else as the options say', () => {
    expect(buildCity(meridianDay()).trunking).toEqual({
      schedule: 'night-before',
      pooled: true,
      handlingS: 30 * 60,
    });
    const sameDay = buildCity({
      ...meridianDay(),
      options: { trunking: { schedule: 'same-day', pooled: false, handlingMinutes: 45 } },
    });
    expect(sameDay.trunking).toEqual({ schedule: 'same-day', pooled: false, handlingS: 45 * 60 });
  });
});

describe('the vehicle types of a City', () => {
  const trike: NonNullable<Scenario['vehicleTypes']>[number] = {
    id: 'trike',
    class: 'trike',
    capacity: { kg: 120 },
    speedKmh: 12,
    maxRouteMinutes: 90,
  };

  it('copies the built-in figures of energy.md §3, capacities as [kg, m3, units]', () => {
    const city = buildCity(meridianDay());
    expect(city.vehicleTypes.map((t) => t.id).join(' ')).toBe(
      'cargo-bike e-van diesel-van rigid-truck hydrogen-van biocng-truck',
    );
    const eVan = city.vehicleTypes[E_VAN];
    expect(eVan).toMatchObject({ id: 'e-van', class: 'van', powertrain: 'electric', speedKmh: 18 });
    expect(eVan?.capacity).toEqual([1200, 10.5, 210]);
    // 0.219 kWh/km ÷ 0.70 empty, ÷ 0.60 full; 0.048 kg CO2e/kWh; 40 kWh battery
    expect(eVan?.energy.emptyKWhPerKm).toBeCloseTo(0.219 / 0.7, 12);
    expect(eVan?.energy.fullKWhPerKm).toBeCloseTo(0.219 / 0.6, 12);
    expect(eVan?.energy.co2eKgPerKWh).toBe(0.048);
    expect(eVan?.energy.batteryKWh).toBe(40);
    // a diesel van has no battery; no built-in limits its route time (the shift does)
    expect(city.vehicleTypes[DIESEL_VAN]?.energy.batteryKWh).toBeUndefined();
    expect(city.vehicleTypes[DIESEL_VAN]?.maxRouteS).toBeUndefined();
  });

  it('copies each type’s rates (energy.md §7: the e-van 55 EUR a day, 0.10 EUR/km, 30 EUR/h)', () => {
    const eVan = buildCity(meridianDay()).vehicleTypes[E_VAN];
    expect([eVan?.fixedCostEur, eVan?.costPerKmEur, eVan?.costPerHourEur]).toEqual([55, 0.1, 30]);
  });

  it('gives a dimension the type does not limit an infinite capacity, and the route limit in seconds', () => {
    const city = buildCity({ ...meridianDay(), vehicleTypes: [trike] });
    const t = city.vehicleTypes[6];
    expect(t?.id).toBe('trike');
    expect(t?.capacity).toEqual([120, Infinity, Infinity]);
    expect(t?.speedKmh).toBe(12);
    expect(t?.maxRouteS).toBe(90 * 60);
  });

  it("replaces the electricity factor of the built-in electric profiles by the scenario's grid factor", () => {
    const city = buildCity({ ...meridianDay(), options: { electricityCo2eKgPerKWh: 0.3 } });
    expect(city.vehicleTypes[E_VAN]?.energy.co2eKgPerKWh).toBe(0.3);
    expect(city.vehicleTypes[BIKE]?.energy.co2eKgPerKWh).toBe(0.3);
    expect(city.vehicleTypes[DIESEL_VAN]?.energy.co2eKgPerKWh).toBe(0.317);
  });

  it('maps the fuel vans to the e-van in the clean-fleet counterfactual only when the day has pooled vehicles', () => {
    expect(buildCity(meridianDay()).cleanTypeOf).toEqual([0, 1, E_VAN, 3, 4, 5]);
    const idle = meridianDay();
    idle.fleet = [{ hubId: 'H', vehicleType: 'e-van', count: 0, shift: { start: '06:00', end: '17:00' } }];
    expect(buildCity(idle).cleanTypeOf).toEqual([0, 1, DIESEL_VAN, 3, 4, 5]);
    // one entry with vehicles is enough
    idle.fleet.push({
      hubId: 'H',
      vehicleType: 'cargo-bike',
      count: 1,
      shift: { start: '06:00', end: '17:00' },
    });
    expect(buildCity(idle).cleanTypeOf).toEqual([0, 1, E_VAN, 3, 4, 5]);
    const mapped = buildCity({
      ...meridianDay(),
      options: { cleanFleetVehicleTypes: { 'diesel-van': 'cargo-bike' } },
    });
    expect(mapped.cleanTypeOf).toEqual([0, 1, BIKE, 3, 4, 5]);
  });
});

describe('the hubs, carriers and fleets of a City', () => {
  it('gives a hub its hours in seconds and the default handling figures (energy.md §6, consolidation.md)', () => {
    const [hub] = buildCity(meridianDay()).hubs;
    expect(hub).toEqual({
      id: 'H',
      location: 0,
      openS: 5 * HOUR,
      closeS: 20 * HOUR,
      capacityUnits: undefined,
      handlingKWhPerUnit: 0.05,
      fixedCostEurPerDay: 0,
      handlingCostEurPerUnit: (1 / 60) * 30, // 1 minute a unit at 30 EUR an hour: 0.50 EUR
      feeder: undefined,
    });
  });

  it("prices a hub's handling at its own minutes per unit and labour rate", () => {
    const s = meridianDay();
    s.hubs = [
      {
        id: 'H',
        location: [3, 50],
        open: '06:30',
        close: '21:15',
        capacityUnits: 400,
        handlingKWhPerUnit: 0.08,
        fixedCostEurPerDay: 250,
        handlingMinutesPerUnit: 2,
        labourCostEurPerHour: 45,
      },
      { id: 'G', location: [3, 49.99], open: '05:00', close: '20:00', handlingMinutesPerUnit: 3 },
      { id: 'K', location: [3, 49.98], open: '05:00', close: '20:00', labourCostEurPerHour: 60 },
    ];
    const [h, g, k] = buildCity(s).hubs;
    expect(h).toMatchObject({
      openS: 6.5 * HOUR,
      closeS: 21.25 * HOUR,
      capacityUnits: 400,
      handlingKWhPerUnit: 0.08,
    });
    expect(h?.fixedCostEurPerDay).toBe(250);
    expect(h?.handlingCostEurPerUnit).toBeCloseTo((2 / 60) * 45, 12); // 1.50 EUR
    expect(g?.handlingCostEurPerUnit).toBeCloseTo((3 / 60) * 30, 12); // 1.50 EUR at the default rate
    expect(k?.handlingCostEurPerUnit).toBeCloseTo((1 / 60) * 60, 12); // 1.00 EUR at the default minute
    expect([g?.location, k?.location]).toEqual([1, 2]);
  });

  it('places the carriers after the hubs, their trunk type their baseline type unless given', () => {
    const s = meridianDay();
    s.carriers[1] = { ...s.carriers[1]!, trunkVehicleType: 'rigid-truck', baselineVehicles: 4 };
    const city = buildCity(s);
    expect(city.carriers).toEqual([
      { id: 'A', location: 1, baselineType: DIESEL_VAN, trunkType: DIESEL_VAN, baselineVehicles: undefined },
      { id: 'B', location: 2, baselineType: E_VAN, trunkType: TRUCK, baselineVehicles: 4 },
    ]);
  });

  it('gives a pooled fleet entry 3 trips and 15 min reloads by default (consolidation.md, Defaults)', () => {
    const s = meridianDay();
    s.fleet.push({
      hubId: 'H',
      vehicleType: 'cargo-bike',
      count: 2,
      shift: { start: '07:00', end: '15:30' },
      maxTrips: 5,
      reloadMinutes: 10,
    });
    expect(buildCity(s).fleet).toEqual([
      {
        hub: 0,
        type: E_VAN,
        count: 1,
        shiftStartS: 6 * HOUR,
        shiftEndS: 17 * HOUR,
        maxTrips: 3,
        reloadS: 15 * 60,
      },
      {
        hub: 0,
        type: BIKE,
        count: 2,
        shiftStartS: 7 * HOUR,
        shiftEndS: 15.5 * HOUR,
        maxTrips: 5,
        reloadS: 10 * 60,
      },
    ]);
  });

  it('keeps the trunk fleet as given, only in seconds, and leaves its gaps to the trunk defaults', () => {
    expect(buildCity(meridianDay()).trunkFleet).toEqual([]);
    const s: Scenario = {
      ...meridianDay(),
      trunkFleet: [
        {
          hubId: 'H',
          vehicleType: 'rigid-truck',
          count: 2,
          shift: { start: '20:00', end: '23:30' },
          maxTrips: 2,
          reloadMinutes: 0,
        },
        { hubId: 'H', vehicleType: 'diesel-van', reloadMinutes: 25 },
        { hubId: 'H', vehicleType: 'e-van' },
      ],
    };
    expect(buildCity(s).trunkFleet).toEqual([
      { hub: 0, type: TRUCK, count: 2, shift: [20 * HOUR, 23.5 * HOUR], maxTrips: 2, reloadS: 0 },
      { hub: 0, type: DIESEL_VAN, count: undefined, shift: undefined, maxTrips: undefined, reloadS: 25 * 60 },
      { hub: 0, type: E_VAN, count: undefined, shift: undefined, maxTrips: undefined, reloadS: undefined },
    ]);
  });
});

describe('the receivers and orders of a City', () => {
  it('places receivers after hubs and depots, windows in seconds, 5 min service by default', () => {
    const city = buildCity(meridianDay());
    expect(city.receivers).toEqual([
      {
        id: 'R1',
        location: 3,
        windows: [[8 * HOUR, 10 * HOUR]],
        serviceS: 5 * 60,
        allowedClasses: undefined,
      },
      {
        id: 'R2',
        location: 4,
        windows: [[9 * HOUR, 12 * HOUR]],
        serviceS: 5 * 60,
        allowedClasses: undefined,
      },
    ]);
  });

  it("merges a receiver's overlapping windows, keeps its service time and resolves its access per type", () => {
    const s = meridianDay();
    s.receivers[0] = {
      ...s.receivers[0]!,
      windows: [
        { start: '14:00', end: '15:00' },
        { start: '10:00', end: '12:00' },
        { start: '08:00', end: '10:30' },
      ],
      serviceMinutes: 7.5,
      access: { vehicleClasses: ['cargo-bike'] },
    };
    const [r1] = buildCity(s).receivers;
    expect(r1?.windows).toEqual([
      [8 * HOUR, 12 * HOUR],
      [14 * HOUR, 15 * HOUR],
    ]);
    expect(r1?.serviceS).toBe(450);
    expect(r1?.allowedClasses).toEqual(['cargo-bike']);
    // only the bike may come, at any hour: every other type is barred all day
    expect(r1?.accessByType).toEqual([undefined, [], [], [], [], []]);
    expect(r1?.accessRules).toEqual(['receiver access']);
  });

  it('indexes orders by carrier and receiver; deliveries by default, sizes as [kg, m3, units], windows in seconds', () => {
    expect(buildCity(meridianDay()).orders).toEqual([
      { id: 'O1', carrier: 0, receiver: 0, kind: 'delivery', size: [10, 0, 0], window: undefined },
      { id: 'O2', carrier: 1, receiver: 1, kind: 'delivery', size: [20, 0.2, 3], window: undefined },
      {
        id: 'O3',
        carrier: 0,
        receiver: 1,
        kind: 'pickup',
        size: [5, 0, 2],
        window: [9.5 * HOUR, 10.25 * HOUR],
      },
    ]);
  });
});

/** Windows from a flat list of their ends: `pairs(1, 2, 3, 4)` is `[[1, 2], [3, 4]]`. */
const pairs = (...ends: number[]): [number, number][] =>
  ends.flatMap((e, i) => (i % 2 === 0 ? [[e, ends[i + 1] as number] as [number, number]] : []));

describe('mergeWindows', () => {
  it('sorts, merges overlapping and touching windows, and keeps a window inside another whole', () => {
    expect(mergeWindows([])).toEqual([]);
    // 10–20 and 20–30 touch, 12–15 lies inside them
    expect(mergeWindows(pairs(50, 60, 10, 20, 20, 30, 12, 15, 40, 45))).toEqual(
      pairs(10, 30, 40, 45, 50, 60),
    );
    // the first window holds the second: its end stays
    expect(mergeWindows(pairs(0, 100, 10, 20))).toEqual(pairs(0, 100));
  });

  it('does not change the windows it is given', () => {
    const given = pairs(30, 40, 10, 35);
    expect(mergeWindows(given)).toEqual(pairs(10, 40));
    expect(given).toEqual(pairs(30, 40, 10, 35));
  });
});
