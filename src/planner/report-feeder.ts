import type { TrunkStop, TrunkTrip } from '../contracts/index.ts';
import type { FeederRoadRun, FeederRun, FeederSailing } from '../consolidation/index.ts';
import type { City, CityLegFeeder } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import { METRES_PER_KM, secondsToClock } from '../domain/units.ts';
import { arcEnergyKWh, co2eKg } from '../energy/index.ts';
import { round, size } from './trunk-figures.ts';

type Hub = { id: string; location: number };

/**
 * Second-echelon trips (`echelon: 2`), platform to micro-hub: one per road trip (energy arc by arc at the
 * payload on board: goods out, returns back) and one per micro-hub's barge or rail day (tonne-km at the leg's
 * intensities). Their `hubId` is the micro-hub fed, `from` the platform.
 */
export function feederTrips(city: City, run: FeederRun): TrunkTrip[] {
  const offset = 0;
  const day = 0;
  const micro = city.hubs[run.hub];
  const platform = city.hubs[run.platform];
  if (!micro || !platform)
    throw new InternalError('BROKEN_INVARIANT', `feeder of hub index ${run.hub}: not in the city`);
  return run.kind === 'road'
    ? roadFeederTrips(city, run, micro, platform, offset, day)
    : [sailing(city, run, micro, platform, offset, day)];
}

const carriersOf = (city: City, orders: readonly number[]): string[] => [
  ...new Set(orders.map((o) => (city.carriers[city.orders[o]?.carrier ?? 0] as { id: string }).id)),
];
const orderIds = (city: City, orders: readonly number[]): string[] =>
  orders.map((o) => (city.orders[o] as { id: string }).id);

function roadFeederTrips(
  city: City,
  run: FeederRoadRun,
  micro: Hub,
  platform: Hub,
  offset: number,
  day: 0,
): TrunkTrip[] {
  return run.solution.routes.flatMap((route) => {
    const vehicle = run.problem.vehicles[route.vehicle];
    const type = vehicle && city.vehicleTypes[vehicle.type];
    if (!vehicle || !type)
      throw new InternalError(
        'BROKEN_INVARIANT',
        `feeder route of vehicle index ${route.vehicle}: not in its problem`,
      );
    const vehicleId = `feeder/${platform.id}-${micro.id}/${type.id}#${route.vehicle + 1}`;
    return route.trips.map((trip, t): TrunkTrip => {
      let at = platform.location;
      let payload = trip.loadStart[0] ?? 0;
      let kWh = 0;
      let km = 0;
      const kmAlong: number[] = [];
      const orders: number[] = [];
      const stops: TrunkStop[] = trip.visits.map((v) => {
        const load = run.loads[v.job];
        if (!load) throw new InternalError('BROKEN_INVARIANT', `feeder stop of job ${v.job}: no load`);
        const arcKm = city.travel.distance(at, micro.location) / METRES_PER_KM;
        kWh += arcEnergyKWh(type.energy, arcKm, payload, type.capacity[0]);
        km += arcKm;
        kmAlong.push(km);
        at = micro.location;
        payload = v.loadAfter[0] ?? 0;
        orders.push(...load.orders);
        const late = run.lateS[v.job] ?? 0;
        return {
          id: micro.id,
          kind: 'hub',
          location: city.locations[micro.location] as [number, number],
          arrival: secondsToClock(v.startS),
          departure: secondsToClock(v.departureS),
          arrivalSec: round(v.startS + offset),
          departureSec: round(v.departureS + offset),
          // off the vehicle here: the micro-hub's goods; onto it: its returns for the platform
          loaded: size(load.returns),
          unloaded: size(load.goods),
          orderIds: orderIds(city, load.orders),
          ...(late > 0 ? { lateMin: round(late / 60, 1) } : {}),
        };
      });
      const backKm = city.travel.distance(at, platform.location) / METRES_PER_KM;
      kWh += arcEnergyKWh(type.energy, backKm, payload, type.capacity[0]);
      const totalKm = km + backKm;
      // goods ride from the platform to where they are unloaded, returns from where they are loaded back
      const tonneKm = trip.visits.reduce((s, v, i) => {
        const l = run.loads[v.job] as { goods: readonly number[]; returns: readonly number[] };
        const along = kmAlong[i] as number;
        return s + ((l.goods[0] as number) * along + (l.returns[0] as number) * (totalKm - along)) / 1000;
      }, 0);
      const sum = (side: 'goods' | 'returns'): number[] =>
        [0, 1, 2].map((d) => trip.visits.reduce((s, v) => s + (run.loads[v.job]?.[side][d] ?? 0), 0));
      return {
        id: `${vehicleId}/trip${t + 1}`,
        hubId: micro.id,
        echelon: 2,
        from: platform.id,
        mode: 'road',
        vehicleType: type.id,
        vehicle: vehicleId,
        trip: t + 1,
        day,
        to: micro.id,
        carrierIds: carriersOf(city, orders),
        stops,
        departure: secondsToClock(trip.departureS),
        arrival: secondsToClock(trip.returnS),
        departureSec: round(trip.departureS + offset),
        arrivalSec: round(trip.returnS + offset),
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

/** A micro-hub's barge or rail day: tonne-km of goods out and returns back over the leg's length. */
function sailing(
  city: City,
  run: FeederSailing,
  micro: Hub,
  platform: Hub,
  offset: number,
  day: 0,
): TrunkTrip {
  const feeder = city.hubs[run.hub]?.feeder as CityLegFeeder;
  const orders = run.loads.flatMap((l) => l.orders);
  const tonneKm = ((run.goods[0] + run.returns[0]) / 1000) * feeder.lengthKm;
  const loadingS = run.departureS - run.handlingS;
  const legId = `${platform.id}-${micro.id}`;
  return {
    id: `${feeder.mode}/${legId}/trip1`,
    hubId: micro.id,
    echelon: 2,
    from: platform.id,
    mode: feeder.mode,
    vehicleType: legId,
    vehicle: `${feeder.mode}/${legId}`,
    trip: 1,
    day,
    to: micro.id,
    carrierIds: carriersOf(city, orders),
    stops: [
      {
        id: platform.id,
        kind: 'terminal',
        location: city.locations[platform.location] as [number, number],
        arrival: secondsToClock(loadingS),
        departure: secondsToClock(run.departureS),
        arrivalSec: round(loadingS + offset),
        departureSec: round(run.departureS + offset),
        loaded: size(run.goods),
        unloaded: size(run.returns),
        orderIds: orderIds(city, orders),
      },
    ],
    departure: secondsToClock(run.departureS),
    arrival: secondsToClock(run.arrivalS),
    departureSec: round(run.departureS + offset),
    arrivalSec: round(run.arrivalS + offset),
    distanceKm: round(feeder.lengthKm * run.trips),
    durationMin: round((run.arrivalS - run.departureS) / 60, 1),
    energyKWh: round(tonneKm * feeder.kWhPerTonneKm),
    co2eKg: round((tonneKm * feeder.co2eGPerTonneKm) / 1000),
    load: size(run.goods),
    returns: size(run.returns),
    tonneKm: round(tonneKm),
  };
}
