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

  it('keeps the reference values', () => {
    expect(constants.DIESEL_KWH_PER_L.value).toBe(10);
    expect(constants.DIESEL_WTW_CO2E_KG_PER_L.value).toBe(3.17);
    expect(constants.ELECTRICITY_FR_CO2E_KG_PER_KWH.value).toBe(0.048);
    expect(constants.ELECTRICITY_EU_EX_FR_CO2E_KG_PER_KWH.value).toBe(0.42);
    expect(constants.BIO_CNG_WTW_CO2E_KG_PER_KG.value).toBe(0.61);
    expect(constants.FOSSIL_CNG_WTW_CO2E_KG_PER_KG.value).toBe(2.96);
    expect(constants.GLEC_ROAD_DISTANCE_ADJUSTMENT.value).toBe(1.05);
    expect(constants.CARGO_BIKE_SPEED_KMH.value).toBe(15);
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
