import type { TrunkStop, TrunkTrip } from '../contracts/index.ts';
import type { Consignment } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import type { RoutingProblem } from '../domain/routing-problem.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import { METRES_PER_KM, secondsToClock } from '../domain/units.ts';
import { arcEnergyKWh, co2eKg } from '../energy/index.ts';
import { round, size } from './trunk-figures.ts';

/** A solved road problem that moves consignments between its base and stops (trunk or second echelon). */
export interface RoadRun {
  readonly problem: RoutingProblem;
  readonly solution: RoutingSolution;
  /** Per job: the consignment it moves. */
  readonly cargo: readonly Consignment[];
  /** Per job: seconds late (0 = on time). */
  readonly lateS: readonly number[];
  /** Where every trip starts and ends. */
  readonly baseLocation: number;
}

/** How a kind of road run reads as trips: where each job is, what it loads and unloads, the trip's ids. */
export interface RoadTripShape {
  /** Each job's stop: its location, and its id and kind in the plan. */
  stopOf(cargo: Consignment): { location: number; id: string; kind: TrunkStop['kind'] };
  /**
   * `collected`: a stop loads its goods (carried to the base) and unloads its returns (the trunk); `delivered`:
   * it unloads its goods (carried from the base) and loads its returns (a feeder to a micro-hub).
   */
  readonly goods: 'collected' | 'delivered';
  vehicleId(routeVehicle: number, typeId: string): string;
  /** The fields that name where the trips belong: hubId, echelon, to, and from for a second echelon. */
  readonly names: Pick<TrunkTrip, 'hubId' | 'echelon' | 'to' | 'from'>;
  /** Seconds added to every time (the day before: −24 h), and the day it reports. */
  readonly offsetS: number;
  readonly day: TrunkTrip['day'];
}

/**
 * Wire trips of a road run, one per vehicle trip: energy arc by arc at the payload on board (goods and returns
 * as they ride, ISO 14083 empty running included); tonne-km count each consignment from where it is loaded to
 * where it is unloaded along the trip actually driven (the base at either end).
 */
export function reportRoadTrips(city: City, run: RoadRun, shape: RoadTripShape): TrunkTrip[] {
  const { offsetS, day } = shape;
  return run.solution.routes.flatMap((route) => {
    const vehicle = run.problem.vehicles[route.vehicle];
    const type = vehicle && city.vehicleTypes[vehicle.type];
    if (!vehicle || !type)
      throw new InternalError(
        'BROKEN_INVARIANT',
        `road route of vehicle index ${route.vehicle}: not in its problem`,
      );
    const vehicleId = shape.vehicleId(route.vehicle, type.id);
    return route.trips.map((trip, t): TrunkTrip => {
      let at = run.baseLocation;
      let payload = trip.loadStart[0] ?? 0;
      let kWh = 0;
      let km = 0;
      const kmAlong: number[] = [];
      const cargo = trip.visits.map((v) => {
        const c = run.cargo[v.job];
        if (!c) throw new InternalError('BROKEN_INVARIANT', `road stop of job ${v.job}: no consignment`);
        return c;
      });
      const stops: TrunkStop[] = trip.visits.map((v, i) => {
        const c = cargo[i] as Consignment;
        const stop = shape.stopOf(c);
        const arcKm = city.travel.distance(at, stop.location) / METRES_PER_KM;
        kWh += arcEnergyKWh(type.energy, arcKm, payload, type.capacity[0]);
        km += arcKm;
        kmAlong.push(km);
        at = stop.location;
        payload = v.loadAfter[0] ?? 0;
        const late = run.lateS[v.job] ?? 0;
        const [loaded, unloaded] = shape.goods === 'collected' ? [c.goods, c.returns] : [c.returns, c.goods];
        return {
          id: stop.id,
          kind: stop.kind,
          location: city.locations[stop.location] as [number, number],
          arrival: secondsToClock(v.startS),
          departure: secondsToClock(v.departureS),
          arrivalSec: round(v.startS + offsetS),
          departureSec: round(v.departureS + offsetS),
          loaded: size(loaded),
          unloaded: size(unloaded),
          orderIds: c.orders.map((o) => (city.orders[o] as { id: string }).id),
          ...(late > 0 ? { lateMin: round(late / 60, 1) } : {}),
        };
      });
      const backKm = city.travel.distance(at, run.baseLocation) / METRES_PER_KM;
      kWh += arcEnergyKWh(type.energy, backKm, payload, type.capacity[0]);
      const totalKm = km + backKm;
      // what a stop loads rides to the base, what it unloads rode from the base
      const tonneKm = cargo.reduce((s, c, i) => {
        const along = kmAlong[i] as number;
        const [loadedKg, unloadedKg] =
          shape.goods === 'collected' ? [c.goods[0], c.returns[0]] : [c.returns[0], c.goods[0]];
        return s + (loadedKg * (totalKm - along) + unloadedKg * along) / 1000;
      }, 0);
      const sum = (side: 'goods' | 'returns'): number[] =>
        ([0, 1, 2] as const).map((d) => cargo.reduce((s, c) => s + c[side][d], 0));
      const carrierIds = [
        ...new Set(
          cargo.flatMap((c) =>
            c.orders.map((o) => (city.carriers[city.orders[o]?.carrier ?? 0] as { id: string }).id),
          ),
        ),
      ];
      return {
        id: `${vehicleId}/trip${t + 1}`,
        hubId: shape.names.hubId,
        echelon: shape.names.echelon,
        ...(shape.names.from !== undefined ? { from: shape.names.from } : {}),
        mode: 'road',
        vehicleType: type.id,
        vehicle: vehicleId,
        trip: t + 1,
        day,
        to: shape.names.to,
        carrierIds,
        stops,
        departure: secondsToClock(trip.departureS),
        arrival: secondsToClock(trip.returnS),
        departureSec: round(trip.departureS + offsetS),
        arrivalSec: round(trip.returnS + offsetS),
        distanceKm: round(trip.distance / METRES_PER_KM),
        durationMin: round((trip.returnS - trip.departureS) / 60, 1),
        energyKWh: round(kWh),
        co2eKg: round(co2eKg(type.energy, kWh)),
        load: size(sum('goods')),
        returns: size(sum('returns')),
        tonneKm: round(tonneKm),
      };
    });
  });
}
