import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_VEHICLE_CLASSES,
  BUILT_IN_VEHICLE_TYPE_KINDS,
  formatIssues,
  scenarioSchema,
  type VehicleTypeInput,
} from '../../src/contracts/index.ts';
import { BUILT_IN_VEHICLE_TYPES, resolveVehicleTypes } from '../../src/energy/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

const carrierOf = { electric: 'electricity', diesel: 'diesel', hydrogen: 'hydrogen', 'bio-cng': 'bio-cng' };

function resolved(type: VehicleTypeInput) {
  return resolveVehicleTypes([type]).find((t) => t.id === type.id);
}

describe('powertrain of vehicle types', () => {
  it('the built-ins state a powertrain that matches their energy carrier and the contracts’ table', () => {
    for (const [id, t] of Object.entries(BUILT_IN_VEHICLE_TYPES)) {
      const kind = BUILT_IN_VEHICLE_TYPE_KINDS[id as keyof typeof BUILT_IN_VEHICLE_TYPE_KINDS];
      expect({ class: t.class, powertrain: t.powertrain }, id).toEqual(kind);
      expect(t.energy?.carrier, id).toBe(carrierOf[t.powertrain as keyof typeof carrierOf]);
    }
    expect(new Set(Object.values(BUILT_IN_VEHICLE_TYPES).map((t) => t.class))).toEqual(
      new Set(BUILT_IN_VEHICLE_CLASSES),
    );
  });

  it('a van stated electric without an energy profile gets the e-van’s profile', () => {
    const t = resolved({ id: 'my-van', class: 'van', powertrain: 'electric', capacity: { kg: 700 } });
    expect(t?.powertrain).toBe('electric');
    expect(t?.energy).toEqual(BUILT_IN_VEHICLE_TYPES['e-van'].energy);
  });

  it('takes the powertrain from the energy profile given, else from the class default it borrows', () => {
    const h = resolved({
      id: 'h-bike',
      class: 'cargo-bike',
      capacity: { kg: 100 },
      energy: {
        carrier: 'hydrogen',
        emptyKWhPerKm: 0.1,
        fullKWhPerKm: 0.1,
        co2eKgPerKWh: 0.3,
        source: 'test',
      },
    });
    expect(h?.powertrain).toBe('hydrogen');
    // a van that says nothing is costed as the class default, the diesel van, and is diesel for access rules too
    expect(resolved({ id: 'plain-van', class: 'van', capacity: { kg: 700 } })?.powertrain).toBe('diesel');
  });

  it('asks for an energy profile when no built-in of that class runs on the stated powertrain', () => {
    const s = smallScenario();
    s.vehicleTypes = [
      { id: 'trike', class: 'tricycle', powertrain: 'electric', capacity: { kg: 150 } },
      { id: 'diesel-van', class: 'van', powertrain: 'electric', capacity: { kg: 700 } },
    ];
    const parsed = scenarioSchema.safeParse(s);
    expect(parsed.success ? [] : formatIssues(parsed.error).split('\n')).toEqual([
      'vehicleTypes[0].energy: no built-in "tricycle" type runs on electric: give the type\'s energy profile',
      'vehicleTypes[1].energy: no built-in "diesel-van" runs on electric: give the type\'s energy profile',
    ]);
  });
});
