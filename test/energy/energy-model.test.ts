import { describe, expect, it } from 'vitest';
import { arcEnergyKWh, co2eKg, hubHandlingCo2eKg, hubHandlingKWh } from '../../src/energy/energy-model.ts';
import { BUILT_IN_VEHICLE_TYPES } from '../../src/energy/vehicle-types.ts';
import { DIESEL_TTW_CO2E_KG_PER_L, DIESEL_KWH_PER_L } from '../../src/energy/constants.ts';

const dieselVan = BUILT_IN_VEHICLE_TYPES['diesel-van'];
const eVan = BUILT_IN_VEHICLE_TYPES['e-van'];
const cargoBike = BUILT_IN_VEHICLE_TYPES['cargo-bike'];
const rigidTruck = BUILT_IN_VEHICLE_TYPES['rigid-truck'];
const bioCngTruck = BUILT_IN_VEHICLE_TYPES['biocng-truck'];
const hydrogenVan = BUILT_IN_VEHICLE_TYPES['hydrogen-van'];

function energyOf(t: typeof dieselVan) {
  if (!t.energy) throw new Error(`${t.id} has no energy`);
  return t.energy;
}

describe('diesel van (Arval/Sparshatt: 7.9 L/100 km empty, 10.0 at 75 %, extrapolated 10.7 at 100 %)', () => {
  const p = energyOf(dieselVan);
  const cap = dieselVan.capacity.kg; // 1,080 kg

  it('has the profile 0.79 -> 1.07 kWh/km and 0.317 kg CO2e/kWh', () => {
    // 7.9 L/100 km × 10 kWh/L = 0.79 kWh/km; 10.7 L/100 km × 10 = 1.07 kWh/km; 3.17 kg/L ÷ 10 kWh/L = 0.317
    expect(p.emptyKWhPerKm).toBeCloseTo(0.79, 10);
    expect(p.fullKWhPerKm).toBeCloseTo(1.07, 10);
    expect(p.co2eKgPerKWh).toBeCloseTo(0.317, 10);
  });

  it('empty, 100 km: 7.9 L -> 79 kWh -> 25.043 kg CO2e', () => {
    // 100 km × 0.79 kWh/km = 79 kWh (= 7.9 L); 79 × 0.317 = 25.043 kg
    const e = arcEnergyKWh(p, 100, 0, cap);
    expect(e).toBeCloseTo(79, 9);
    expect(co2eKg(p, e)).toBeCloseTo(25.043, 9);
  });

  it('empty, 10 km: 0.79 L -> 7.9 kWh -> 2.5043 kg CO2e', () => {
    // 10 km × 0.079 L/km = 0.79 L (not 7.9 L: that is per 100 km); 7.9 kWh × 0.317 = 2.5043 kg
    const e = arcEnergyKWh(p, 10, 0, cap);
    expect(e).toBeCloseTo(7.9, 9);
    expect(co2eKg(p, e)).toBeCloseTo(2.5043, 9);
  });

  it('half load (540 kg), 100 km: 93 kWh -> 29.481 kg CO2e', () => {
    // rate = 0.79 + (1.07 - 0.79) × 0.5 = 0.93 kWh/km; 93 kWh × 0.317 = 29.481 kg
    // (the Arval measurement at 50 % is 9.1 L = 91 kWh: the linear fit is within 2.2 %)
    const e = arcEnergyKWh(p, 100, 540, cap);
    expect(e).toBeCloseTo(93, 9);
    expect(co2eKg(p, e)).toBeCloseTo(29.481, 9);
  });

  it('reproduces the measured 75 % point: 810 kg, 100 km = 10.0 L = 100 kWh', () => {
    // rate = 0.79 + 0.28 × 0.75 = 1.00 kWh/km
    expect(arcEnergyKWh(p, 100, 810, cap)).toBeCloseTo(100, 9);
  });

  it('full load, 100 km: 107 kWh -> 33.919 kg CO2e', () => {
    // 107 × 0.317 = 33.919
    const e = arcEnergyKWh(p, 100, 1080, cap);
    expect(e).toBeCloseTo(107, 9);
    expect(co2eKg(p, e)).toBeCloseTo(33.919, 9);
  });

  it("operating (tank-to-wheel) emissions fall in Zedify's 200-300 g CO2e/km WLTP range", () => {
    // empty: 0.079 L/km × 2.51 = 0.198 kg/km; full: 0.107 × 2.51 = 0.2686 kg/km
    const ttwPerKWh = DIESEL_TTW_CO2E_KG_PER_L.value / DIESEL_KWH_PER_L.value;
    expect(arcEnergyKWh(p, 1, 0, cap) * ttwPerKWh).toBeCloseTo(0.19829, 5);
    expect(arcEnergyKWh(p, 1, cap, cap) * ttwPerKWh).toBeCloseTo(0.26857, 5);
  });
});

describe('payload clamping', () => {
  const p = { emptyKWhPerKm: 1, fullKWhPerKm: 2 };

  it('clamps an overload to the full rate', () => {
    // 2,000 kg on a 1,000 kg vehicle -> load factor 1 -> 10 km × 2 = 20 kWh
    expect(arcEnergyKWh(p, 10, 2000, 1000)).toBe(20);
  });

  it('clamps a negative payload to the empty rate', () => {
    // -50 kg -> load factor 0 -> 10 km × 1 = 10 kWh
    expect(arcEnergyKWh(p, 10, -50, 1000)).toBe(10);
  });

  it('costs a non-positive capacity as empty', () => {
    expect(arcEnergyKWh(p, 10, 50, 0)).toBe(10);
  });

  it('zero distance uses no energy', () => {
    expect(arcEnergyKWh(p, 0, 500, 1000)).toBe(0);
  });

  it('does not apply the GLEC +5 % distance adjustment', () => {
    // 100 km × 1 kWh/km = 100 kWh exactly, not 105
    expect(arcEnergyKWh(p, 100, 0, 1000)).toBe(100);
  });
});

describe('e-van (eSprinter 21.9 kWh/100 km ÷ real-world range ratio 0.70 empty / 0.60 full)', () => {
  const p = energyOf(eVan);
  const cap = eVan.capacity.kg; // 1,200 kg

  it('has 0.219/0.70 = 0.312857 kWh/km empty and 0.219/0.60 = 0.365 kWh/km full', () => {
    expect(p.emptyKWhPerKm).toBeCloseTo(0.3128571429, 9);
    expect(p.fullKWhPerKm).toBeCloseTo(0.365, 9);
  });

  it('empty, 50 km: 15.642857 kWh -> 0.750857 kg CO2e on the French grid', () => {
    // 50 × 0.3128571 = 15.642857 kWh; × 0.048 = 0.7508571 kg
    const e = arcEnergyKWh(p, 50, 0, cap);
    expect(e).toBeCloseTo(15.642857143, 8);
    expect(co2eKg(p, e)).toBeCloseTo(0.750857143, 8);
  });

  it('half load (600 kg), 50 km: 16.946429 kWh', () => {
    // rate = (0.3128571 + 0.365) / 2 = 0.3389286; × 50 = 16.946429
    expect(arcEnergyKWh(p, 50, 600, cap)).toBeCloseTo(16.946428571, 8);
  });

  it('full, 50 km: 18.25 kWh -> 0.876 kg (FR) or 7.665 kg (EU ex-FR 0.42)', () => {
    const e = arcEnergyKWh(p, 50, 1200, cap);
    expect(e).toBeCloseTo(18.25, 9);
    expect(co2eKg(p, e)).toBeCloseTo(0.876, 9); // 18.25 × 0.048
    expect(co2eKg({ co2eKgPerKWh: 0.42 }, e)).toBeCloseTo(7.665, 9); // 18.25 × 0.42
  });
});

describe('other built-ins', () => {
  it('cargo bike, half load (90 kg), 10 km: 0.09 kWh -> 0.00432 kg', () => {
    // rate = 0.007 + (0.011 - 0.007) × 0.5 = 0.009 kWh/km; × 10 = 0.09 kWh; × 0.048 = 0.00432 kg
    const p = energyOf(cargoBike);
    const e = arcEnergyKWh(p, 10, 90, cargoBike.capacity.kg);
    expect(e).toBeCloseTo(0.09, 12);
    expect(co2eKg(p, e)).toBeCloseTo(0.00432, 12);
  });

  it('rigid truck, half load (1,500 kg), 10 km: 22.5 kWh -> 7.1325 kg', () => {
    // 20 -> 25 L/100 km: half = 22.5 L/100 km = 2.25 kWh/km; × 10 = 22.5 kWh; × 0.317 = 7.1325 kg
    const p = energyOf(rigidTruck);
    const e = arcEnergyKWh(p, 10, 1500, rigidTruck.capacity.kg);
    expect(e).toBeCloseTo(22.5, 9);
    expect(co2eKg(p, e)).toBeCloseTo(7.1325, 9);
  });

  it('bio-CNG truck, same trip: 2.25 kg gas -> 29.9925 kWh -> 1.3725 kg (−81 % vs diesel, GRDF ">80 %")', () => {
    // 22.5 kg gas/100 km (1 kg ≈ 1 L diesel) -> 2.25 kg over 10 km; × 13.33 kWh/kg = 29.9925 kWh; 2.25 × 0.61 = 1.3725 kg
    const p = energyOf(bioCngTruck);
    const e = arcEnergyKWh(p, 10, 1500, bioCngTruck.capacity.kg);
    expect(e).toBeCloseTo(29.9925, 9);
    expect(co2eKg(p, e)).toBeCloseTo(1.3725, 9);
    expect(1 - 1.3725 / 7.1325).toBeGreaterThan(0.8);
  });

  it('hydrogen van, empty, 100 km: 56.314 kWh = 1.6911 kg H2 -> 18.602 kg (grey H2 assumption)', () => {
    // rate = 0.3128571 × 1.8 = 0.5631429 kWh/km; × 100 = 56.31429 kWh; ÷ 33.3 = 1.691119 kg H2; × 11 = 18.60231 kg
    const p = energyOf(hydrogenVan);
    const e = arcEnergyKWh(p, 100, 0, hydrogenVan.capacity.kg);
    expect(e).toBeCloseTo(56.314285714, 8);
    expect(co2eKg(p, e)).toBeCloseTo(18.602316602, 8);
  });
});

describe('hub handling', () => {
  it('2,000 units at the default 0.05 kWh/unit = 100 kWh -> 4.8 kg on the French grid', () => {
    expect(hubHandlingKWh(2000)).toBeCloseTo(100, 12);
    expect(hubHandlingCo2eKg(2000)).toBeCloseTo(4.8, 12); // 100 × 0.048
  });

  it("takes the hub's own per-unit figure and electricity factor", () => {
    expect(hubHandlingKWh(10, 0.2)).toBeCloseTo(2, 12);
    expect(hubHandlingCo2eKg(10, 0.2, 0.42)).toBeCloseTo(0.84, 12); // 2 kWh × 0.42
  });
});

describe('module barrel (src/energy/index.ts)', () => {
  it('exposes the grid factor in force and the default hub handling figure', async () => {
    const energy = await import('../../src/energy/index.ts');
    expect(energy.electricityFactor()).toBe(0.048);
    expect(energy.electricityFactor(0.42)).toBe(0.42);
    expect(energy.electricityFactor(0)).toBe(0); // a zero-carbon contract is a valid override
    expect(energy.DEFAULT_HUB_HANDLING_KWH_PER_UNIT).toBe(0.05);
    expect(energy.hubHandlingKWh(10, undefined)).toBeCloseTo(0.5, 12); // undefined -> default 0.05
  });
});
