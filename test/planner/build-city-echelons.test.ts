import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/contracts/index.ts';
import { buildCity } from '../../src/planner/build-city.ts';
import { meridianDay } from './meridian-day.ts';

const HOUR = 3600;
const [E_VAN, TRUCK] = [1, 3]; // built-in type indices (energy.md §3 order)
// energy per tonne-km = CO2e intensity ÷ 317 g CO2e per kWh (diesel WTW, docs/model/energy.md §4a)
const KWH_PER_G = 1 / 317;

type Leg = NonNullable<Scenario['intermodalLegs']>[number];
/** A leg from a terminal north of the day's places (its location is not read here) to hub H. */
const leg = (
  id: string,
  mode: Leg['mode'],
  lengthKm: number,
  carrierIds: string[],
  own: Partial<Leg> = {},
): Leg => ({
  id,
  hubId: 'H',
  mode,
  terminal: [3.1, 50.2],
  lengthKm,
  carrierIds,
  ...own,
});

/** The expected feeder of a barge or rail leg: `[lengthKm, speedKmh, handling min, capacityKg, g CO2e/t-km, kWh/t-km]`. */
const legFeeder = (
  mode: 'barge' | 'rail',
  figures: readonly [number, number, number, number, number, number],
): unknown => {
  const [lengthKm, speedKmh, handlingMin, capacityKg, co2eGPerTonneKm, kWh] = figures;
  return {
    platform: 0,
    mode,
    lengthKm,
    speedKmh,
    handlingS: handlingMin * 60,
    capacityKg,
    co2eGPerTonneKm,
    kWhPerTonneKm: expect.closeTo(kWh, 12) as number,
  };
};

describe('the intermodal legs of a City (docs/model/energy.md §4a)', () => {
  const withLegs = (): Scenario => ({
    ...meridianDay(),
    intermodalLegs: [
      leg('canal', 'barge', 12, ['B', 'A']),
      leg('track', 'rail', 30, ['A']),
      leg('own', 'barge', 8, ['B'], {
        speedKmh: 7,
        handlingMinutes: 25,
        capacityKg: 90_000,
        co2eGPerTonneKm: 20,
      }),
      leg('given-energy', 'rail', 5, ['A'], { co2eGPerTonneKm: 4, kWhPerTonneKm: 0.5 }),
    ],
  });

  it('a barge leg by default: 10 km/h, 60 min handling each end, 250 t, 38.6 g CO2e per t-km', () => {
    const [canal] = buildCity(withLegs()).intermodalLegs;
    expect(canal).toEqual({
      id: 'canal',
      hub: 0,
      mode: 'barge',
      terminal: 1 + 2 + 2, // after 1 hub, 2 depots and 2 receivers
      lengthKm: 12,
      speedKmh: 10,
      handlingS: 60 * 60,
      capacityKg: 250_000,
      co2eGPerTonneKm: 38.6,
      kWhPerTonneKm: expect.closeTo(38.6 * KWH_PER_G, 12) as number, // 0.122 kWh/t-km
      carriers: [1, 0],
    });
  });

  it('a rail leg by default: 40 km/h, 60 min handling, 1,000 t, 11.3 g CO2e per t-km', () => {
    const track = buildCity(withLegs()).intermodalLegs[1];
    expect(track).toMatchObject({
      mode: 'rail',
      terminal: 6,
      speedKmh: 40,
      handlingS: 3600,
      capacityKg: 1_000_000,
    });
    expect(track?.co2eGPerTonneKm).toBe(11.3);
    expect(track?.kWhPerTonneKm).toBeCloseTo(11.3 * KWH_PER_G, 12); // 0.036 kWh/t-km
    expect(track?.carriers).toEqual([0]);
  });

  it("takes a leg's own figures, its energy derived from its own intensity unless given", () => {
    const [, , own, given] = buildCity(withLegs()).intermodalLegs;
    expect(own).toMatchObject({
      terminal: 7,
      lengthKm: 8,
      speedKmh: 7,
      handlingS: 25 * 60,
      capacityKg: 90_000,
    });
    expect(own?.co2eGPerTonneKm).toBe(20);
    expect(own?.kWhPerTonneKm).toBeCloseTo(20 * KWH_PER_G, 12);
    expect(given).toMatchObject({ terminal: 8, co2eGPerTonneKm: 4, kWhPerTonneKm: 0.5 });
  });
});

describe('the feeders of a two-echelon City (docs/model/consolidation.md, two echelons)', () => {
  /** Platform P (hub 0) feeds micro-hubs M1 to M4 (hubs 1 to 4), each by another feeder. */
  const twoEchelons = (): Scenario => {
    const s = meridianDay();
    const hub = (id: string, lat: number): Scenario['hubs'][number] => ({
      id,
      location: [3, lat],
      open: '05:00',
      close: '20:00',
    });
    s.hubs = [
      hub('P', 49.9),
      { ...hub('M1', 50), feeder: { hubId: 'P' } },
      {
        ...hub('M2', 50.001),
        feeder: {
          hubId: 'P',
          mode: 'road',
          vehicleType: 'e-van',
          count: 2,
          shift: { start: '04:30', end: '09:45' },
          maxTrips: 2,
          reloadMinutes: 5,
        },
      },
      { ...hub('M3', 50.002), feeder: { hubId: 'P', mode: 'barge', lengthKm: 35 } },
      {
        ...hub('M4', 50.003),
        feeder: {
          hubId: 'P',
          mode: 'rail',
          lengthKm: 20,
          speedKmh: 50,
          handlingMinutes: 40,
          capacityKg: 400_000,
          co2eGPerTonneKm: 9,
        },
      },
    ];
    s.fleet = [{ hubId: 'M1', vehicleType: 'e-van', count: 1, shift: { start: '06:00', end: '17:00' } }];
    return s;
  };

  it('a hub without a feeder has none', () => {
    expect(buildCity(twoEchelons()).hubs[0]?.feeder).toBeUndefined();
  });

  it('a road feeder by default: rigid trucks, as many as needed, 4 trips, 20 min between trips', () => {
    expect(buildCity(twoEchelons()).hubs[1]?.feeder).toEqual({
      platform: 0,
      mode: 'road',
      type: TRUCK,
      count: undefined,
      shift: undefined,
      maxTrips: 4,
      reloadS: 20 * 60,
    });
  });

  it('a road feeder with its own type, count, shift, trips and reload', () => {
    expect(buildCity(twoEchelons()).hubs[2]?.feeder).toEqual({
      platform: 0,
      mode: 'road',
      type: E_VAN,
      count: 2,
      shift: [4.5 * HOUR, 9.75 * HOUR],
      maxTrips: 2,
      reloadS: 5 * 60,
    });
  });

  it('a barge feeder by default: the figures of the intermodal legs', () => {
    // 35 km, 10 km/h, 60 min, 250 t, 38.6 g CO2e per t-km, ÷ 317
    expect(buildCity(twoEchelons()).hubs[3]?.feeder).toEqual(
      legFeeder('barge', [35, 10, 60, 250_000, 38.6, 38.6 * KWH_PER_G]),
    );
  });

  it('a rail feeder with its own figures, its energy from its own intensity', () => {
    expect(buildCity(twoEchelons()).hubs[4]?.feeder).toEqual(
      legFeeder('rail', [20, 50, 40, 400_000, 9, 9 * KWH_PER_G]),
    );
  });

  it('a rail feeder by default: 40 km/h, 60 min, 1,000 t, 11.3 g CO2e per t-km, and its energy when given', () => {
    const s = twoEchelons();
    s.hubs[4] = { ...s.hubs[4]!, feeder: { hubId: 'P', mode: 'rail', lengthKm: 20, kWhPerTonneKm: 0.07 } };
    expect(buildCity(s).hubs[4]?.feeder).toEqual(legFeeder('rail', [20, 40, 60, 1_000_000, 11.3, 0.07]));
  });
});
