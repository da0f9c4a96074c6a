import type {
  City,
  CityFleet,
  CityLegFeeder,
  CityOrder,
  CityReceiver,
  SizeVector,
} from '../../src/domain/city.ts';
import { lineLocations, unitCity, unitHub, unitType } from '../planner/unit-city.ts';

/**
 * A tiny city for the facility model's estimates, worked by hand (docs/model/consolidation.md, hub choice).
 * Locations on a line, in km: 0 hub A at 0, 1 hub B at 10, 2 depot C0 at −20, 3 depot C1 at 30, 4 at 1, 5 at 2,
 * 6 at 7, 7 at 8, 8 at 9, 9 at 5 (receivers' spots), 10 platform P at −10.
 * Vehicle types and their EUR per km (`costPerKmEur + costPerHourEur / speedKmh`, speed 26 km/h but the trunk's):
 * 0 trunk 1 + 30/30 = 2 (1,000 kg), 1 base 1.5 + 39/26 = 3, 2 bike 0.5 + 13/26 = 1 (10 kg),
 * 3 van 1 + 26/26 = 2 (600 kg), 4 cargo 0.25 + 6.5/26 = 0.5 (200 kg).
 * Carriers: C0 at depot 2, C1 at depot 3, both with the base type for their own rounds and the trunk type.
 */
export const KM = [0, 10, -20, 30, 1, 2, 7, 8, 9, 5, -10] as const;
export const RATE = { trunk: 2, base: 3, bike: 1, van: 2, cargo: 0.5 } as const;
export const TYPE = { trunk: 0, base: 1, bike: 2, van: 3, cargo: 4 } as const;

const slow = (id: string, costPerKmEur: number, costPerHourEur: number, capacity: SizeVector) => ({
  ...unitType(id, { fixedCostEur: 0, costPerKmEur, costPerHourEur }, capacity),
  speedKmh: 26,
});

/** A hub open all day, free (unit-city's). */
export const hub = unitHub;

export const fleet = (hubIndex: number, type: number, count = 1, maxTrips = 1): CityFleet => ({
  hub: hubIndex,
  type,
  count,
  shiftStartS: 0,
  shiftEndS: 86_400,
  maxTrips,
  reloadS: 0,
});

export const receiver = (id: string, location: number, over: Partial<CityReceiver> = {}): CityReceiver => ({
  id,
  location,
  windows: [[0, 86_400]],
  serviceS: 300,
  ...over,
});

/** A barge feeder from `platform`: the facility model adds no cost for it (no sourced tariff). */
export const bargeFrom = (platform: number): CityLegFeeder => ({
  platform,
  mode: 'barge',
  lengthKm: 10,
  speedKmh: 10,
  handlingS: 0,
  capacityKg: 10_000,
  co2eGPerTonneKm: 30,
  kWhPerTonneKm: 0.1,
});

/** An order of carrier `carrier` to receiver `to`: `[kg, m3, units]`. */
export const order = (carrier: number, to: number, size: SizeVector): CityOrder => ({
  id: `o${carrier}-${to}-${size[0]}`,
  carrier,
  receiver: to,
  kind: 'delivery',
  size,
});

/** R0 and R1 (receivers 0 and 1) each get `kg` and `units` from C0. */
export const pairFromC0 = (units: number, kg: number): CityOrder[] => [
  order(0, 0, [kg, 0.1, units]),
  order(0, 1, [kg, 0.1, units]),
];

/** The city with these hubs, fleet, receivers and orders; `depots` adds carriers C2… with their depot there. */
export function facilityCity(
  parts: Pick<City, 'hubs' | 'fleet' | 'receivers' | 'orders'>,
  depots: readonly number[] = [],
): City {
  return unitCity({
    ...lineLocations(KM),
    vehicleTypes: [
      unitType('trunk', { fixedCostEur: 0, costPerKmEur: 1, costPerHourEur: 30 }, [1000, 10, 100]),
      slow('base', 1.5, 39, [1000, 10, 100]),
      slow('bike', 0.5, 13, [10, 1, 10]),
      slow('van', 1, 26, [600, 5, 40]),
      slow('cargo', 0.25, 6.5, [200, 2, 20]),
    ],
    carriers: [
      { id: 'C0', location: 2, baselineType: TYPE.base, trunkType: TYPE.trunk },
      { id: 'C1', location: 3, baselineType: TYPE.base, trunkType: TYPE.trunk },
      ...depots.map((location, i) => ({
        id: `C${i + 2}`,
        location,
        baselineType: TYPE.base,
        trunkType: TYPE.trunk,
      })),
    ],
    ...parts,
  });
}
