import type { City, CityHub, CityLegFeeder, CityOrder } from '../../src/domain/city.ts';
import { euclidean } from '../solver/fixtures.ts';
import { unitCity, unitType } from '../planner/unit-city.ts';

/**
 * A trunk day to time by hand: points in metres on a plane, a fast van (type 0: 2 m/s, 100 kg) and a slow
 * truck (type 1: 1 m/s, 1,000 kg), each with a fixed cost of 100 EUR so that one vehicle beats two, and
 * 1 EUR per km. Carriers 'A', 'B', 'C' trunk with the van, the truck and the truck, their depots at
 * locations 1, 2 and 3; the hub 'H' (location 0) is open 0-20,000 s. `parts` replace any of it.
 */
export function trunkCity(points: readonly (readonly [number, number])[], parts: Partial<City> = {}): City {
  const rates = { fixedCostEur: 100, costPerKmEur: 1, costPerHourEur: 0 };
  return unitCity({
    travel: euclidean(points, [2, 1]),
    hubs: [hub('H', 0, 0, 20_000)],
    carriers: [
      { id: 'A', location: 1, baselineType: 0, trunkType: 0 },
      { id: 'B', location: 2, baselineType: 1, trunkType: 1 },
      { id: 'C', location: 3, baselineType: 1, trunkType: 1 },
    ],
    vehicleTypes: [unitType('van', rates, [100, 10, 100]), unitType('truck', rates, [1000, 10, 100])],
    ...parts,
  });
}

/** A hub at `location`, open `openS`-`closeS`, with no costs of its own. */
export function hub(id: string, location: number, openS: number, closeS: number): CityHub {
  return {
    id,
    location,
    openS,
    closeS,
    handlingKWhPerUnit: 0,
    fixedCostEurPerDay: 0,
    handlingCostEurPerUnit: 0,
  };
}

/** An order of `kg` (and 1 m3, 1 unit) for `carrier`; receivers do not matter to the trunk. */
export function trunkOrder(carrier: number, kg: number, kind: CityOrder['kind'] = 'delivery'): CityOrder {
  return { id: `o${carrier}`, carrier, receiver: 0, kind, size: [kg, 1, 1] };
}

/** A barge 12 km at 10 km/h (4,320 s), 1,800 s to load and as long to unload, 200 kg a sailing, no emissions. */
export const BARGE_12_KM: Omit<CityLegFeeder, 'platform'> = {
  mode: 'barge',
  lengthKm: 12,
  speedKmh: 10,
  handlingS: 1800,
  capacityKg: 200,
  co2eGPerTonneKm: 0,
  kWhPerTonneKm: 0,
};
