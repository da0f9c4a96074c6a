import { describe, expect, it } from 'vitest';
import type { CityVehicleType } from '../../src/domain/city.ts';
import { InputError } from '../../src/domain/errors.ts';
import { cleanTypeIndices } from '../../src/planner/clean-fleet-types.ts';

const type = (id: string, cls: string, batteryKWh?: number): CityVehicleType => ({
  id,
  class: cls,
  powertrain: batteryKWh === undefined ? 'diesel' : 'electric',
  capacity: [1000, 10, 100],
  speedKmh: 20,
  fixedCostEur: 0,
  costPerKmEur: 0,
  costPerHourEur: 0,
  maxRouteS: undefined,
  energy: { emptyKWhPerKm: 0.2, fullKWhPerKm: 0.3, co2eKgPerKWh: 0.05, batteryKWh },
});

// index:         0 diesel van       1 e-van             2 truck (diesel)        3 hydrogen van (tank)
const TYPES = [
  type('diesel-van', 'van'),
  type('e-van', 'van', 40),
  type('rigid-truck', 'truck'),
  type('h2-van', 'van', 120),
];

describe('which type replaces which in the clean-fleet counterfactual', () => {
  it('by default turns fuel-burning vans into e-vans and leaves every other type', () => {
    expect(cleanTypeIndices(TYPES)).toEqual([1, 1, 2, 3]);
  });

  it('leaves every type when the day has no pooled vehicle, unless mapped', () => {
    expect(cleanTypeIndices(TYPES, {}, false)).toEqual([0, 1, 2, 3]);
    expect(cleanTypeIndices(TYPES, { 'rigid-truck': 'h2-van' }, false)).toEqual([0, 1, 3, 3]);
  });

  it('follows the scenario mapping first', () => {
    expect(cleanTypeIndices(TYPES, { 'diesel-van': 'h2-van', 'rigid-truck': 'e-van' })).toEqual([3, 1, 1, 3]);
  });

  it('keeps fuel vans when there is no e-van type to adopt', () => {
    expect(cleanTypeIndices([TYPES[0]!, TYPES[2]!])).toEqual([0, 1]);
  });

  it('names the field of an unknown type on either side of the mapping', () => {
    expect(() => cleanTypeIndices(TYPES, { 'diesel-vam': 'e-van' })).toThrow(InputError);
    expect(() => cleanTypeIndices(TYPES, { 'diesel-van': 'e-vam' })).toThrow(/unknown vehicle type "e-vam"/);
    try {
      cleanTypeIndices(TYPES, { 'diesel-van': 'e-vam' });
    } catch (err) {
      expect((err as InputError).field).toBe('options.cleanFleetVehicleTypes.diesel-van');
      expect((err as InputError).code).toBe('UNKNOWN_REFERENCE');
    }
  });
});
