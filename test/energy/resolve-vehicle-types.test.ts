import { describe, expect, it } from 'vitest';
import { resolveVehicleTypes } from '../../src/energy/energy-model.ts';
import { BUILT_IN_VEHICLE_TYPES } from '../../src/energy/vehicle-types.ts';
import { BUILT_IN_VEHICLE_TYPE_IDS } from '../../src/contracts/built-in-vehicle-types.ts';
import type { EnergyProfile } from '../../src/contracts/scenario.ts';

const byId = (types: ReturnType<typeof resolveVehicleTypes>, id: string) => {
  const t = types.find((x) => x.id === id);
  if (!t) throw new Error(`missing ${id}`);
  return t;
};

const greenElectric: EnergyProfile = {
  carrier: 'electricity',
  emptyKWhPerKm: 0.2,
  fullKWhPerKm: 0.25,
  co2eKgPerKWh: 0.01,
  source: 'test: carrier green contract',
};

describe('resolveVehicleTypes', () => {
  it('without scenario types returns the six built-ins, in contract order, as equal but fresh copies', () => {
    const types = resolveVehicleTypes();
    expect(types.map((t) => t.id)).toEqual([...BUILT_IN_VEHICLE_TYPE_IDS]);
    for (const t of types) {
      const b = BUILT_IN_VEHICLE_TYPES[t.id as keyof typeof BUILT_IN_VEHICLE_TYPES];
      expect(t).toEqual(b);
      expect(t).not.toBe(b);
      expect(t.energy).not.toBe(b.energy);
      expect(t.capacity).not.toBe(b.capacity);
    }
  });

  it('built-ins are frozen: defaults cannot be changed by a caller', () => {
    expect(Object.isFrozen(BUILT_IN_VEHICLE_TYPES['e-van'].energy)).toBe(true);
    expect(Object.isFrozen(BUILT_IN_VEHICLE_TYPES['e-van'].capacity)).toBe(true);
  });

  it('a scenario type overrides the built-in of the same id field by field', () => {
    const types = resolveVehicleTypes([
      { id: 'diesel-van', class: 'van', capacity: { kg: 900 }, costPerHourEur: 40 },
    ]);
    expect(types).toHaveLength(6);
    const t = byId(types, 'diesel-van');
    expect(t.capacity).toEqual({ kg: 900, m3: 10, units: 200 }); // m3 and units from the built-in
    expect(t.costPerHourEur).toBe(40);
    expect(t.costPerKmEur).toBe(0.22);
    expect(t.speedKmh).toBe(18);
    expect(t.energy).toEqual(BUILT_IN_VEHICLE_TYPES['diesel-van'].energy);
  });

  it('keeps maxRouteMinutes when given', () => {
    const t = byId(
      resolveVehicleTypes([
        { id: 'cargo-bike', class: 'cargo-bike', capacity: { kg: 250 }, maxRouteMinutes: 180 },
      ]),
      'cargo-bike',
    );
    expect(t.maxRouteMinutes).toBe(180);
    expect(byId(resolveVehicleTypes(), 'cargo-bike').maxRouteMinutes).toBeUndefined();
  });

  it('appends new scenario types after the built-ins, in scenario order', () => {
    const types = resolveVehicleTypes([
      { id: 'z-van', class: 'van', capacity: { kg: 700 } },
      { id: 'a-bike', class: 'cargo-bike', capacity: { kg: 120 } },
    ]);
    expect(types.map((t) => t.id)).toEqual([...BUILT_IN_VEHICLE_TYPE_IDS, 'z-van', 'a-bike']);
  });

  it('fills a new "van" without energy from the class default, the diesel van', () => {
    const t = byId(resolveVehicleTypes([{ id: 'my-van', class: 'van', capacity: { kg: 700 } }]), 'my-van');
    expect(t.energy).toEqual(BUILT_IN_VEHICLE_TYPES['diesel-van'].energy);
    expect(t.capacity).toEqual({ kg: 700, m3: 10, units: 200 });
    expect(t.fixedCostEur).toBe(40);
  });

  it('fills a new electric "van" from the e-van, inheriting its battery (same carrier)', () => {
    const t = byId(
      resolveVehicleTypes([{ id: 'my-ev', class: 'van', capacity: { kg: 800 }, energy: greenElectric }]),
      'my-ev',
    );
    expect(t.energy).toEqual({ ...greenElectric, batteryKWh: 40 });
    expect(t.fixedCostEur).toBe(55);
    expect(t.capacity.m3).toBe(10.5);
  });

  it('fills a new bio-CNG "truck" from the biocng-truck', () => {
    const gas: EnergyProfile = {
      carrier: 'bio-cng',
      emptyKWhPerKm: 2,
      fullKWhPerKm: 3,
      co2eKgPerKWh: 0.05,
      source: 'test',
    };
    const t = byId(
      resolveVehicleTypes([{ id: 'gas-19t', class: 'truck', capacity: { kg: 9000 }, energy: gas }]),
      'gas-19t',
    );
    expect(t.fixedCostEur).toBe(100);
    expect(t.energy).toEqual(gas);
  });

  it('does not give a battery to an electric override of a diesel built-in', () => {
    const t = byId(
      resolveVehicleTypes([
        { id: 'diesel-van', class: 'van', capacity: { kg: 1000 }, energy: greenElectric },
      ]),
      'diesel-van',
    );
    expect(t.energy.batteryKWh).toBeUndefined();
    expect(t.energy.carrier).toBe('electricity');
  });

  it('fills an unknown class from the fallback (diesel van) but leaves m3 and units unconstrained', () => {
    const t = byId(resolveVehicleTypes([{ id: 'trike', class: 'tricycle', capacity: { kg: 100 } }]), 'trike');
    expect(t.capacity).toEqual({ kg: 100 });
    expect(t.speedKmh).toBe(18);
    expect(t.energy).toEqual(BUILT_IN_VEHICLE_TYPES['diesel-van'].energy);
  });

  describe('electricity factor override', () => {
    it('applies to electric profiles taken from the built-ins, not to other carriers', () => {
      const types = resolveVehicleTypes(undefined, 0.42);
      expect(byId(types, 'e-van').energy.co2eKgPerKWh).toBe(0.42);
      expect(byId(types, 'cargo-bike').energy.co2eKgPerKWh).toBe(0.42);
      expect(byId(types, 'e-van').energy.source).toMatch(/overridden by the scenario: 0.42/);
      expect(byId(types, 'diesel-van').energy.co2eKgPerKWh).toBeCloseTo(0.317, 12);
      expect(byId(types, 'hydrogen-van').energy.co2eKgPerKWh).toBeCloseTo(11 / 33.3, 12);
      expect(BUILT_IN_VEHICLE_TYPES['e-van'].energy?.co2eKgPerKWh).toBe(0.048); // built-in untouched
    });

    it('applies to an id override that inherits the built-in energy profile', () => {
      const t = byId(
        resolveVehicleTypes([{ id: 'e-van', class: 'van', capacity: { kg: 1000 } }], 0.42),
        'e-van',
      );
      expect(t.energy.co2eKgPerKWh).toBe(0.42);
    });

    it('does not override a factor written out in the scenario (specific beats general)', () => {
      const types = resolveVehicleTypes(
        [
          { id: 'my-ev', class: 'van', capacity: { kg: 800 }, energy: greenElectric },
          { id: 'e-van', class: 'van', capacity: { kg: 1000 }, energy: greenElectric },
        ],
        0.42,
      );
      expect(byId(types, 'my-ev').energy.co2eKgPerKWh).toBe(0.01);
      expect(byId(types, 'e-van').energy.co2eKgPerKWh).toBe(0.01);
    });
  });
});
