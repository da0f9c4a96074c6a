import { describe, expect, it } from 'vitest';
import * as constants from '../../src/energy/constants.ts';
import * as figures from '../../src/energy/vehicle-figures.ts';
import type { SourcedConstant } from '../../src/energy/constants.ts';
import { BUILT_IN_VEHICLE_TYPE_NOTES, BUILT_IN_VEHICLE_TYPES } from '../../src/energy/vehicle-types.ts';
import { BUILT_IN_VEHICLE_TYPE_IDS } from '../../src/contracts/built-in-vehicle-types.ts';
import { vehicleTypeSchema } from '../../src/contracts/scenario.ts';

function isSourced(v: unknown): v is SourcedConstant {
  return typeof v === 'object' && v !== null && 'value' in v && 'unit' in v && 'source' in v && 'basis' in v;
}

const all: [string, SourcedConstant][] = [];
for (const [name, v] of Object.entries({ ...constants, ...figures }) as [string, unknown][]) {
  if (isSourced(v)) all.push([name, v]);
}

/** Figures the reference (/work/shared/reference/energy-and-emissions.md) does not give: must be labelled assumptions. */
const NOT_IN_REFERENCE = [
  'GREY_H2_WTW_CO2E_KG_PER_KG',
  'HUB_HANDLING_KWH_PER_UNIT',
  'VAN_URBAN_SPEED_KMH',
  'TRUCK_URBAN_SPEED_KMH',
  'HANDLING_UNIT_M3',
  'DIESEL_VAN_M3',
  'E_VAN_PAYLOAD_KG',
  'E_VAN_M3',
  'E_VAN_BATTERY_USABLE_KWH',
  'CARGO_BIKE_KWH_PER_KM_FULL',
  'CARGO_BIKE_BATTERY_USABLE_KWH',
  'RIGID_TRUCK_PAYLOAD_KG',
  'RIGID_TRUCK_M3',
  'RIGID_TRUCK_L_PER_100KM_EMPTY',
  'RIGID_TRUCK_L_PER_100KM_FULL',
  'FUEL_CELL_VS_BATTERY_ENERGY_RATIO',
  'HYDROGEN_VAN_PAYLOAD_KG',
  'HYDROGEN_VAN_TANK_KG',
];

describe('sourced constants', () => {
  it('finds every constant', () => {
    expect(all.length).toBeGreaterThanOrEqual(36);
    expect(Object.keys(constants.ENERGY_CONSTANTS).length).toBe(26);
  });

  it.each(all)('%s has a finite positive value, a unit and a non-empty source', (_name, c) => {
    expect(Number.isFinite(c.value)).toBe(true);
    expect(c.value).toBeGreaterThan(0);
    expect(c.unit.length).toBeGreaterThan(0);
    expect(c.source.trim().length).toBeGreaterThan(10);
  });

  it.each(all)('%s states a known basis (reference, derived, physical or assumption)', (_name, c) => {
    expect(['reference', 'derived', 'physical', 'assumption']).toContain(c.basis);
  });

  it("names the Arval loaded-van test as the diesel van's source", () => {
    for (const c of [
      figures.DIESEL_VAN_PAYLOAD_KG,
      figures.DIESEL_VAN_L_PER_100KM_EMPTY,
      figures.DIESEL_VAN_L_PER_100KM_75PCT,
    ])
      expect(c.source).toMatch(/^Arval loaded-van test, reported by Sparshatt Group/);
  });

  it.each(all)('%s is labelled ASSUMPTION in its source exactly when its basis is assumption', (_name, c) => {
    expect(c.source.includes('ASSUMPTION')).toBe(c.basis === 'assumption');
  });

  it.each(NOT_IN_REFERENCE)('%s (no figure in the reference) is an assumption', (name) => {
    const c = all.find(([n]) => n === name)?.[1];
    expect(c?.basis).toBe('assumption');
  });

  it.each([
    ['DIESEL_KWH_PER_L', 10],
    ['DIESEL_WTW_CO2E_KG_PER_L', 3.17],
    ['ELECTRICITY_FR_CO2E_KG_PER_KWH', 0.048],
    ['ELECTRICITY_EU_EX_FR_CO2E_KG_PER_KWH', 0.42],
    ['BIO_CNG_WTW_CO2E_KG_PER_KG', 0.61],
    ['FOSSIL_CNG_WTW_CO2E_KG_PER_KG', 2.96],
    ['GLEC_ROAD_DISTANCE_ADJUSTMENT', 1.05],
    ['CARGO_BIKE_SPEED_KMH', 15],
    ['CENTRAL_LONDON_TRAFFIC_SPEED_KMH', 11.4],
    // the intermodal defaults of docs/model/energy.md §4a
    ['BARGE_CO2E_G_PER_TONNE_KM', 38.6],
    ['RAIL_CO2E_G_PER_TONNE_KM', 11.3],
    ['BARGE_SPEED_KMH', 10],
    ['RAIL_SPEED_KMH', 40],
    ['INTERMODAL_HANDLING_MIN', 60],
    ['BARGE_CAPACITY_KG', 250_000],
    ['RAIL_CAPACITY_KG', 1_000_000],
  ] as const)('keeps %s at the documented %d', (name, value) => {
    expect(constants[name].value).toBe(value);
  });
});

describe('constants the lists above could miss, and the derivations sources state', () => {
  const upperCase = (m: object): string[] =>
    Object.keys(m).filter((n) => /^[A-Z0-9_]+$/.test(n) && n !== 'ENERGY_CONSTANTS');

  it('every exported constant is sourced (one that lost its fields would drop out of `all` unseen)', () => {
    const sourced = all.map(([n]) => n);
    for (const n of [...upperCase(constants), ...upperCase(figures)]) expect(sourced).toContain(n);
    for (const [n, c] of Object.entries(constants.ENERGY_CONSTANTS)) expect(isSourced(c), n).toBe(true);
    expect(Object.keys(constants.ENERGY_CONSTANTS).sort()).toEqual(upperCase(constants).sort());
  });

  it('derives the intermodal energy per tonne-km from the diesel factors', () => {
    // intensity ÷ (3.17 kg CO2e/L ÷ 10 kWh/L = 317 g per kWh): 0.122 kWh per tonne-km for the barge
    expect(38.6 * constants.INTERMODAL_KWH_PER_G_CO2E.value).toBeCloseTo(38.6 / 317, 12);
    expect(38.6 * constants.INTERMODAL_KWH_PER_G_CO2E.value).toBeCloseTo(0.122, 3);
  });

  it('names the French legal factors and the ETRR table where their figures come from', () => {
    for (const c of [
      constants.DIESEL_WTW_CO2E_KG_PER_L,
      constants.DIESEL_TTW_CO2E_KG_PER_L,
      constants.ELECTRICITY_FR_CO2E_KG_PER_KWH,
      constants.ELECTRICITY_EU_EX_FR_CO2E_KG_PER_KWH,
    ])
      expect(c.source).toMatch(/^arrêté of 26 April 2017 \(décret 2017-639\), France, WTW: /);
    for (const c of [constants.BARGE_CO2E_G_PER_TONNE_KM, constants.RAIL_CO2E_G_PER_TONNE_KM])
      expect(c.source).toMatch(
        /^European Transport Research Review 11 \(2019\), .*Table 9 \(2014 factors from KiM and CE Delft\); scope not stated as WTW: /,
      );
  });

  it('an assumption derived in its source states the derivation and the figure it gives', () => {
    // one third of tour km at 11.4 km/h, two thirds at 25 km/h: 17.9 km/h, rounded to 18
    const vanKmh = 1 / (1 / 3 / constants.CENTRAL_LONDON_TRAFFIC_SPEED_KMH.value + 2 / 3 / 25);
    expect(vanKmh).toBeCloseTo(17.9, 1);
    expect(constants.VAN_URBAN_SPEED_KMH.value).toBe(Math.round(vanKmh));
    expect(constants.VAN_URBAN_SPEED_KMH.source).toContain('1/(1/3/11.4 + 2/3/25) = 17.9 ≈ 18 km/h');
    // 2,500 m2 at 4 W/m2 for 10 h = 100 kWh a day, over 2,000 parcels
    expect(constants.HUB_HANDLING_KWH_PER_UNIT.value).toBeCloseTo((2500 * 4 * 10) / 1000 / 2000, 12);
    expect(constants.HUB_HANDLING_KWH_PER_UNIT.source).toMatch(/2,500 m2 .*2,000 parcels/);
    expect(constants.HUB_HANDLING_KWH_PER_UNIT.source).toContain('4 W/m2 mean electric load over a 10 h day');
    expect(constants.HUB_HANDLING_KWH_PER_UNIT.source).toContain('i.e. 0.05 kWh per unit');
    expect(constants.GREY_H2_WTW_CO2E_KG_PER_KG.source).toContain('≈ 11 kg CO2e/kg');
  });
});

describe('built-in vehicle types', () => {
  it('covers exactly the contract ids, keyed by their own id', () => {
    expect(Object.keys(BUILT_IN_VEHICLE_TYPES).sort()).toEqual([...BUILT_IN_VEHICLE_TYPE_IDS].sort());
    for (const [id, t] of Object.entries(BUILT_IN_VEHICLE_TYPES)) expect(t.id).toBe(id);
  });

  it.each(BUILT_IN_VEHICLE_TYPE_IDS)(
    '%s is a valid wire vehicle type with every field and a sourced energy profile',
    (id) => {
      const t = BUILT_IN_VEHICLE_TYPES[id];
      expect(vehicleTypeSchema.parse(t)).toEqual(t);
      expect(t.capacity.m3).toBeGreaterThan(0);
      expect(t.capacity.units).toBeGreaterThan(0);
      expect(t.speedKmh).toBeGreaterThan(0);
      expect(t.fixedCostEur).toBeGreaterThan(0);
      expect(t.costPerKmEur).toBeGreaterThan(0);
      expect(t.costPerHourEur).toBeGreaterThan(0);
      expect(t.energy?.source.trim().length).toBeGreaterThan(20);
      expect(t.energy?.fullKWhPerKm).toBeGreaterThanOrEqual(t.energy?.emptyKWhPerKm ?? Infinity);
      const notes = BUILT_IN_VEHICLE_TYPE_NOTES[id];
      expect(notes.costs).toMatch(/^ASSUMPTION/);
      expect(notes.capacity.length).toBeGreaterThan(0);
      expect(notes.speed.length).toBeGreaterThan(0);
    },
  );

  it.each(['rigid-truck', 'hydrogen-van', 'biocng-truck'] as const)(
    '%s energy source says it rests on an assumption',
    (id) => {
      expect(BUILT_IN_VEHICLE_TYPES[id].energy?.source).toContain('ASSUMPTION');
    },
  );

  it.each([
    [
      'cargo-bike',
      ['CARGO_BIKE_KWH_PER_KM_EMPTY', 'CARGO_BIKE_KWH_PER_KM_FULL', 'CARGO_BIKE_BATTERY_USABLE_KWH'],
    ],
    [
      'e-van',
      ['E_VAN_MANUFACTURER_KWH_PER_100KM', 'E_VAN_REAL_WORLD_RANGE_RATIO_EMPTY', 'E_VAN_BATTERY_USABLE_KWH'],
    ],
    ['diesel-van', ['DIESEL_VAN_L_PER_100KM_75PCT', 'DIESEL_KWH_PER_L', 'DIESEL_WTW_CO2E_KG_PER_L']],
    [
      'rigid-truck',
      ['RIGID_TRUCK_L_PER_100KM_EMPTY', 'RIGID_TRUCK_L_PER_100KM_FULL', 'DIESEL_WTW_CO2E_KG_PER_L'],
    ],
    [
      'hydrogen-van',
      ['FUEL_CELL_VS_BATTERY_ENERGY_RATIO', 'HYDROGEN_VAN_TANK_KG', 'GREY_H2_WTW_CO2E_KG_PER_KG'],
    ],
    ['biocng-truck', ['CNG_KG_PER_DIESEL_L', 'CNG_KWH_PER_KG', 'BIO_CNG_WTW_CO2E_KG_PER_KG']],
  ] as const)('%s energy source cites the source of every figure it rests on', (id, names) => {
    const source = BUILT_IN_VEHICLE_TYPES[id].energy?.source ?? '';
    const electric = id === 'cargo-bike' || id === 'e-van';
    for (const n of [...names, ...(electric ? ['ELECTRICITY_FR_CO2E_KG_PER_KWH'] : [])]) {
      const c = all.find(([name]) => name === n)?.[1];
      expect(c, n).toBeDefined();
      expect(source, n).toContain(c?.source);
    }
  });

  it('derived energy sources state the arithmetic of the figures they give', () => {
    const source = (id: keyof typeof BUILT_IN_VEHICLE_TYPES): string =>
      BUILT_IN_VEHICLE_TYPES[id].energy?.source ?? '';
    // e-van: 21.9 kWh/100 km over range ratios 0.70 and 0.60
    expect(source('e-van')).toContain('0.219/0.70 = 0.313 kWh/km empty, 0.219/0.60 = 0.365 kWh/km full');
    expect(BUILT_IN_VEHICLE_TYPES['e-van'].energy?.emptyKWhPerKm).toBeCloseTo(0.219 / 0.7, 12);
    // diesel van: 7.9 + (10.0 - 7.9) / 0.75 = 10.7 L/100 km full
    expect(source('diesel-van')).toContain(
      'linear extrapolation to 10.7 L/100 km at 100 % payload; × 10 kWh/L',
    );
    expect(source('diesel-van')).toContain('Factor 3.17/10 = 0.317 kg CO2e/kWh');
    expect(source('rigid-truck')).toContain('Factor 0.317 kg CO2e/kWh');
    expect(source('hydrogen-van')).toContain('Factor 11/33.3 = 0.330 kg CO2e/kWh');
    expect(source('hydrogen-van')).toContain('× 33.3 kWh/kg');
    expect(source('biocng-truck')).toContain('Factor 0.61/13.33 = 0.0458 kg CO2e/kWh');
    expect(source('biocng-truck')).toContain('so 20-25 kg gas/100 km, × 13.33 kWh/kg');
    expect(source('biocng-truck')).toContain('matching the GRDF ">80 % less CO2" claim');
  });

  it('gives a battery (or H2 tank) only to electric and hydrogen types', () => {
    // cargo bike 1 kWh; e-van 40 kWh; hydrogen van 5 kg × 33.3 kWh/kg = 166.5 kWh
    expect(BUILT_IN_VEHICLE_TYPES['cargo-bike'].energy?.batteryKWh).toBe(1);
    expect(BUILT_IN_VEHICLE_TYPES['e-van'].energy?.batteryKWh).toBe(40);
    expect(BUILT_IN_VEHICLE_TYPES['hydrogen-van'].energy?.batteryKWh).toBeCloseTo(166.5, 10);
    for (const id of ['diesel-van', 'rigid-truck', 'biocng-truck'] as const) {
      expect(BUILT_IN_VEHICLE_TYPES[id].energy?.batteryKWh).toBeUndefined();
    }
  });

  it('sizes handling units at 20 per m3 (0.05 m3 parcel-equivalent)', () => {
    // 1.5 m3 -> 30; 10.5 -> 210; 10 -> 200; 30 -> 600
    expect(BUILT_IN_VEHICLE_TYPES['cargo-bike'].capacity.units).toBe(30);
    expect(BUILT_IN_VEHICLE_TYPES['e-van'].capacity.units).toBe(210);
    expect(BUILT_IN_VEHICLE_TYPES['diesel-van'].capacity.units).toBe(200);
    expect(BUILT_IN_VEHICLE_TYPES['rigid-truck'].capacity.units).toBe(600);
  });

  it('uses classes cargo-bike, van and truck', () => {
    expect(Object.values(BUILT_IN_VEHICLE_TYPES).map((t) => t.class)).toEqual([
      'cargo-bike',
      'van',
      'van',
      'truck',
      'van',
      'truck',
    ]);
  });
});
