import { describe, expect, it } from 'vitest';
import type { EnergyProfile } from '../../src/contracts/scenario.ts';
import { InputError } from '../../src/domain/errors.ts';
import { resolveVehicleTypes } from '../../src/energy/energy-model.ts';
import { ELECTRICITY_FR_CO2E_KG_PER_KWH } from '../../src/energy/constants.ts';
import { BUILT_IN_VEHICLE_TYPES } from '../../src/energy/vehicle-types.ts';

// Edges of resolveVehicleTypes that mutation testing found unpinned (docs/QUALITY.md).

const byId = (types: ReturnType<typeof resolveVehicleTypes>, id: string) => {
  const t = types.find((x) => x.id === id);
  if (!t) throw new Error(`missing ${id}`);
  return t;
};

const diesel: EnergyProfile = {
  carrier: 'diesel',
  emptyKWhPerKm: 0.7,
  fullKWhPerKm: 0.9,
  co2eKgPerKWh: 0.317,
  source: 'test: a thriftier diesel',
};

describe('resolveVehicleTypes at its edges', () => {
  it('leaves an electric profile and its source untouched when the scenario’s grid factor equals it', () => {
    const types = resolveVehicleTypes(undefined, ELECTRICITY_FR_CO2E_KG_PER_KWH.value);
    expect(byId(types, 'e-van').energy).toEqual(BUILT_IN_VEHICLE_TYPES['e-van'].energy);
    expect(byId(types, 'e-van').energy.source).not.toMatch(/overridden/);
  });

  it('applies the grid factor to a new type that borrows its electric profile from a built-in', () => {
    const t = byId(
      resolveVehicleTypes(
        [{ id: 'my-ev', class: 'van', powertrain: 'electric', capacity: { kg: 700 } }],
        0.42,
      ),
      'my-ev',
    );
    expect(t.energy.carrier).toBe('electricity');
    expect(t.energy.co2eKgPerKWh).toBe(0.42);
  });

  it('does not give the e-van’s battery to a diesel override of the e-van', () => {
    const t = byId(
      resolveVehicleTypes([{ id: 'e-van', class: 'van', capacity: { kg: 900 }, energy: diesel }]),
      'e-van',
    );
    expect(t.energy.carrier).toBe('diesel');
    expect(t.energy.batteryKWh).toBeUndefined();
    expect(t.powertrain).toBe('diesel');
  });

  it('refuses a stated powertrain that contradicts the energy the type gets, naming the field', () => {
    // the scenario schema refuses this first; direct callers of the energy model get the same answer
    let error: unknown;
    try {
      resolveVehicleTypes([
        { id: 'odd', class: 'van', powertrain: 'electric', capacity: { kg: 900 }, energy: diesel },
      ]);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('INVALID_VALUE');
    expect((error as InputError).field).toBe('vehicleTypes[id=odd].powertrain');
    expect((error as InputError).message).toMatch(
      /vehicle type "odd": powertrain electric but diesel energy/,
    );
  });
});
