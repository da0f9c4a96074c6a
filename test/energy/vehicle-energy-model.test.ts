import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.ts';
import { buildVehicleEnergyModel, type EnergyModelSource } from '../../src/energy/index.ts';
import { BUILT_IN_VEHICLE_TYPES } from '../../src/energy/vehicle-types.ts';

/** A built-in as the builder sees it (capacity vector, dimension 0 = kg). */
function source(id: keyof typeof BUILT_IN_VEHICLE_TYPES): EnergyModelSource {
  const t = BUILT_IN_VEHICLE_TYPES[id];
  if (!t.energy) throw new Error(`${id} has no energy`);
  return { id, capacity: [t.capacity.kg, 1, 1], energy: t.energy };
}

const eVan: EnergyModelSource = {
  id: 'e-van',
  capacity: [1200, 10, 100],
  energy: { emptyKWhPerKm: 0.313, fullKWhPerKm: 0.365, batteryKWh: 40 },
};

describe('buildVehicleEnergyModel', () => {
  it('works in metres: diesel van 10,000 m at 540 kg (half load) = 9.3 kWh, no range limit', () => {
    // 10 km × (0.79 + (1.07 - 0.79) × 540 / 1080) = 10 × 0.93
    const m = buildVehicleEnergyModel(source('diesel-van'));
    expect(m.arcKWh(10_000, 540)).toBeCloseTo(9.3, 10);
    expect(m.rangeKWh).toBeUndefined();
  });

  it('gives the e-van its usable battery as range: 40 kWh ≈ 109.6 km at full load, 127.8 km empty', () => {
    const m = buildVehicleEnergyModel(source('e-van'));
    expect(m.rangeKWh).toBe(40);
    // 40 / (0.219 / 0.60) = 109.589 km full; 40 / (0.219 / 0.70) = 127.854 km empty
    expect(m.arcKWh(109_589, 1200)).toBeLessThanOrEqual(40);
    expect(m.arcKWh(109_590, 1200)).toBeGreaterThan(40);
    expect(m.arcKWh(127_853, 0)).toBeLessThanOrEqual(40);
    expect(m.arcKWh(127_854, 0)).toBeGreaterThan(40);
  });

  it('depends on payload: the same 61 km costs 19.09 kWh empty and 22.27 kWh at full load', () => {
    const m = buildVehicleEnergyModel(eVan);
    expect(m.arcKWh(61_000, 0)).toBeCloseTo(61 * 0.313, 10);
    expect(m.arcKWh(61_000, 600)).toBeCloseTo(61 * 0.339, 10);
    expect(m.arcKWh(61_000, 1200)).toBeCloseTo(61 * 0.365, 10);
    // an overload is costed as a full load (capacity is the solver's check)
    expect(m.arcKWh(61_000, 2400)).toBeCloseTo(61 * 0.365, 10);
  });

  it('is non-decreasing in distance and payload for every built-in', () => {
    for (const id of Object.keys(BUILT_IN_VEHICLE_TYPES) as (keyof typeof BUILT_IN_VEHICLE_TYPES)[]) {
      const s = source(id);
      const m = buildVehicleEnergyModel(s);
      const kg = s.capacity[0];
      expect(m.arcKWh(2000, 0)).toBeLessThan(m.arcKWh(3000, 0));
      expect(m.arcKWh(2000, 0)).toBeLessThan(m.arcKWh(2000, kg / 2));
      expect(m.arcKWh(2000, kg / 2)).toBeLessThan(m.arcKWh(2000, kg));
    }
  });

  const bad: [string, EnergyModelSource, RegExp][] = [
    [
      'a profile that falls with payload',
      { ...eVan, energy: { ...eVan.energy, emptyKWhPerKm: 2, fullKWhPerKm: 1 } },
      /vehicleTypes\[id=e-van\]\.energy\.fullKWhPerKm must be >= energy\.emptyKWhPerKm \(2\).*got 1/,
    ],
    [
      'a negative empty rate',
      { ...eVan, energy: { ...eVan.energy, emptyKWhPerKm: -0.1 } },
      /energy\.emptyKWhPerKm must be a finite number >= 0.*got -0\.1/,
    ],
    [
      'a NaN empty rate',
      { ...eVan, energy: { ...eVan.energy, emptyKWhPerKm: NaN } },
      /energy\.emptyKWhPerKm .*got NaN/,
    ],
    [
      'an infinite full rate',
      { ...eVan, energy: { ...eVan.energy, fullKWhPerKm: Infinity } },
      /energy\.fullKWhPerKm must be a finite number.*got Infinity/,
    ],
    [
      'a zero payload capacity',
      { ...eVan, capacity: [0, 10, 100] },
      /capacity\.kg must be a finite number > 0.*got 0/,
    ],
    [
      'an infinite payload capacity',
      { ...eVan, capacity: [Infinity, 10, 100] },
      /capacity\.kg .*got Infinity/,
    ],
    [
      'a zero battery',
      { ...eVan, energy: { ...eVan.energy, batteryKWh: 0 } },
      /energy\.batteryKWh must be a finite number > 0.*got 0/,
    ],
    [
      'a NaN battery',
      { ...eVan, energy: { ...eVan.energy, batteryKWh: NaN } },
      /energy\.batteryKWh .*got NaN/,
    ],
  ];
  it.each(bad)('rejects %s as an input error naming the field and the value', (_what, s, message) => {
    let error: unknown;
    try {
      buildVehicleEnergyModel(s);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).code).toBe('INVALID_VALUE');
    expect((error as InputError).field).toBe((error as InputError).message.split(' ')[0]);
    expect((error as InputError).field).toMatch(/^vehicleTypes\[id=e-van\]\./);
  });

  it('accepts a flat profile (full = empty) and a type with no battery', () => {
    const flat = { ...eVan, energy: { emptyKWhPerKm: 0.3, fullKWhPerKm: 0.3 } };
    const m = buildVehicleEnergyModel(flat);
    expect(m.arcKWh(1000, 0)).toBeCloseTo(0.3, 12);
    expect(m.arcKWh(1000, 1200)).toBeCloseTo(0.3, 12);
    expect(m.rangeKWh).toBeUndefined();
  });

  it('accepts an empty rate of zero (a vehicle that uses energy only to carry a payload)', () => {
    const m = buildVehicleEnergyModel({ ...eVan, energy: { emptyKWhPerKm: 0, fullKWhPerKm: 0.1 } });
    expect(m.arcKWh(1000, 0)).toBe(0);
    expect(m.arcKWh(2000, 600)).toBeCloseTo(0.1, 12); // 2 km at half load: 0.05 kWh/km
  });
});
