import type { City, SizeVector } from '../domain/city.ts';
import type { KWh, Metres, Seconds } from '../domain/units.ts';
import { METRES_PER_KM } from '../domain/units.ts';
import { arcEnergyKWh, co2eKg } from '../energy/index.ts';
import { InternalError } from '../domain/errors.ts';

/**
 * Assumption (no source found): a trunk vehicle spends 20 minutes at the hub per trip to dock, unload
 * and take the returns.
 */
export const TRUNK_DOCK_S = 20 * 60;

/** A carrier bringing its pooled orders to a hub (and taking the returns back) in full loads. */
export interface TrunkLeg {
  readonly carrier: number;
  readonly hub: number;
  readonly type: number;
  readonly trips: number;
  readonly distance: Metres;
  readonly durationS: Seconds;
  readonly energyKWh: KWh;
  readonly co2eKg: number;
  readonly delivery: SizeVector;
  readonly pickup: SizeVector;
}

/**
 * Trunk legs depot -> hub -> depot with the carrier's trunk vehicle type (its baseline type unless the scenario names one). Trips are counted by capacity
 * in every dimension; loads are spread evenly over the trips, outbound full of deliveries, inbound with
 * the returns, so the payload-dependent energy is counted both ways (empty running included, ISO 14083).
 */
export function trunkLeg(
  city: City,
  carrier: number,
  hub: number,
  delivery: SizeVector,
  pickup: SizeVector,
): TrunkLeg {
  const c = city.carriers[carrier];
  const h = city.hubs[hub];
  const type = c && city.vehicleTypes[c.trunkType];
  if (!c || !h || !type)
    throw new InternalError(
      'BROKEN_INVARIANT',
      `trunk leg of carrier index ${carrier} to hub index ${hub}: not in the city`,
    );
  const tripsFor = (load: SizeVector): number =>
    Math.max(...load.map((v, d) => Math.ceil(v / (type.capacity[d] as number) - 1e-9)));
  const trips = Math.max(
    tripsFor(delivery),
    tripsFor(pickup),
    delivery.some((v) => v > 0) || pickup.some((v) => v > 0) ? 1 : 0,
  );
  const profile = c.trunkType;
  const out = city.travel.distance(c.location, h.location);
  const back = city.travel.distance(h.location, c.location);
  const outKWh = arcEnergyKWh(
    type.energy,
    out / METRES_PER_KM,
    delivery[0] / Math.max(trips, 1),
    type.capacity[0],
  );
  const backKWh = arcEnergyKWh(
    type.energy,
    back / METRES_PER_KM,
    pickup[0] / Math.max(trips, 1),
    type.capacity[0],
  );
  const energy = trips * (outKWh + backKWh);
  return {
    carrier,
    hub,
    type: profile,
    trips,
    distance: trips * (out + back),
    durationS:
      trips *
      (city.travel.duration(c.location, h.location, profile) +
        city.travel.duration(h.location, c.location, profile) +
        TRUNK_DOCK_S),
    energyKWh: energy,
    co2eKg: co2eKg(type.energy, energy),
    delivery,
    pickup,
  };
}
