import type { City } from '../domain/city.ts';
import type { RoutingVehicle } from '../domain/routing-problem.ts';
import type { Seconds } from '../domain/units.ts';
import type { Consignment } from './trunk-consignments.ts';

/**
 * Assumptions (no source found): a trunk vehicle may do 4 trips a day; it spends 20 minutes at the hub
 * between trips to dock, unload and take the returns; loading at a carrier's depot takes 15 minutes.
 */
export const TRUNK_MAX_TRIPS = 4;
export const TRUNK_DOCK_S: Seconds = 20 * 60;
export const TRUNK_LOAD_S: Seconds = 15 * 60;
/**
 * Assumption (no source found): a micro-hub's road feeder runs rigid trucks unless `hubs[].feeder.vehicleType`
 * says otherwise (the size of vehicle a platform's shuttles to the centre commonly use).
 */
export const DEFAULT_FEEDER_VEHICLE_TYPE = 'rigid-truck';
/** Assumption: goods are ready for the pooled runs 30 minutes after their trunk vehicle docks (sorting). */
export const DEFAULT_TRUNK_HANDLING_MIN = 30;

/** Where a trunk problem's vehicles are based: a hub (its opening hours bind) or an intermodal terminal. */
export interface TrunkBase {
  readonly location: number;
  readonly hub: number;
  /** Index of the intermodal leg whose terminal this is; undefined for the hub itself. */
  readonly leg?: number | undefined;
}

/**
 * Vehicle types that may carry a carrier's flow to a hub: the hub's trunk fleet types (or every carrier's
 * trunk type) when trunking is shared, the carrier's own trunk type otherwise. Consignments are cut to these.
 */
export function trunkTypes(city: City, hub: number, carrier: number): number[] {
  if (!city.trunking.pooled) return [city.carriers[carrier]?.trunkType ?? 0];
  const given = city.trunkFleet.filter((f) => f.hub === hub).map((f) => f.type);
  const types = given.length > 0 ? given : city.carriers.map((c) => c.trunkType);
  return [...new Set(types)].sort((a, b) => a - b);
}

/**
 * The trunk vehicles of one problem. Shared trunking: the hub's `trunkFleet` entries, else every carrier's
 * trunk type, as many of each as there are consignments (so the fleet never binds
 * and the solver chooses the cheapest mix). Unpooled: the carrier's own trunk type only. Vehicles work in the
 * hub's opening hours (the day before for night-before trunking), or in their entry's shift inside them.
 */
export function trunkVehicles(
  city: City,
  base: TrunkBase,
  consignments: readonly Consignment[],
): RoutingVehicle[] {
  const hub = city.hubs[base.hub];
  if (!hub || consignments.length === 0) return [];
  const given = city.trunkFleet.filter((f) => f.hub === base.hub);
  const entries =
    city.trunking.pooled && given.length > 0
      ? given
      : trunkTypes(city, base.hub, consignments[0]?.carrier ?? 0).map((type) => ({
          type,
          count: undefined,
          shift: undefined,
          maxTrips: undefined,
          reloadS: undefined,
        }));
  return entries.flatMap((e) => {
    const [start, end] = e.shift ?? [hub.openS, hub.closeS];
    const shiftStartS = base.leg === undefined ? Math.max(start, hub.openS) : start;
    const shiftEndS = base.leg === undefined ? Math.min(end, hub.closeS) : end;
    return Array.from({ length: e.count ?? consignments.length }, () => ({
      type: e.type,
      depot: base.location,
      shiftStartS,
      shiftEndS,
      maxTrips: e.maxTrips ?? TRUNK_MAX_TRIPS,
      reloadS: e.reloadS ?? TRUNK_DOCK_S,
    }));
  });
}
