import type { TrunkStop, TrunkTrip } from '../contracts/index.ts';
import type { IntermodalRun, TrunkNetwork, TrunkRun } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import { METRES_PER_KM, secondsToClock } from '../domain/units.ts';
import { arcEnergyKWh, co2eKg } from '../energy/index.ts';
import { feederTrips } from './report-feeder.ts';
import { round, size } from './trunk-figures.ts';

const DAY_S = 24 * 3600;

/**
 * Wire trunk trips, one per road trip and one per barge or train sailing. Road energy is recomputed arc by
 * arc at the payload on board (returns out, goods back, ISO 14083 empty running included); tonne-km count
 * each consignment from where it is loaded to where it is unloaded along the trip actually driven.
 */
export function reportTrunk(city: City, network: TrunkNetwork): TrunkTrip[] {
  const offset = network.dayBefore ? -DAY_S : 0;
  const day = network.dayBefore ? -1 : 0;
  return [
    ...network.runs.flatMap((run) => roadTrips(city, run, offset, day)),
    ...network.intermodal.map((run) => intermodalTrip(city, run, offset, day)),
    // feeders always run on the plan's day (night-before: the first echelon the evening before)
    ...network.feeders.flatMap((run) => feederTrips(city, run)),
  ];
}

function roadTrips(city: City, run: TrunkRun, offset: number, day: -1 | 0): TrunkTrip[] {
  const hub = city.hubs[run.base.hub] as { id: string; location: number };
  const leg = run.base.leg === undefined ? undefined : city.intermodalLegs[run.base.leg];
  const to = leg ? leg.id : hub.id;
  return run.solution.routes.flatMap((route) => {
    const vehicle = run.problem.vehicles[route.vehicle];
    const type = vehicle && city.vehicleTypes[vehicle.type];
    if (!vehicle || !type)
      throw new InternalError(
        'BROKEN_INVARIANT',
        `trunk route of vehicle index ${route.vehicle}: not in its problem`,
      );
    // one problem per base when shared, per base and carrier when not: the owner keeps vehicle ids unique
    const owner = city.trunking.pooled
      ? ''
      : `/${city.carriers[run.consignments[0]?.carrier ?? 0]?.id ?? ''}`;
    const vehicleId = `trunk/${to}${owner}/${type.id}#${route.vehicle + 1}`;
    return route.trips.map((trip, t): TrunkTrip => {
      let at = run.base.location;
      let payload = trip.loadStart[0] ?? 0;
      let kWh = 0;
      const kmAlong: number[] = [];
      let km = 0;
      const stops: TrunkStop[] = trip.visits.map((v) => {
        const c = run.consignments[v.job];
        const carrier = c && city.carriers[c.carrier];
        if (!c || !carrier)
          throw new InternalError('BROKEN_INVARIANT', `trunk stop of job ${v.job}: no consignment`);
        const arcKm = city.travel.distance(at, carrier.location) / METRES_PER_KM;
        kWh += arcEnergyKWh(type.energy, arcKm, payload, type.capacity[0]);
        km += arcKm;
        kmAlong.push(km);
        at = carrier.location;
        payload = v.loadAfter[0] ?? 0;
        const late = run.lateS[v.job] ?? 0;
        return {
          id: carrier.id,
          kind: 'depot',
          location: city.locations[carrier.location] as [number, number],
          arrival: secondsToClock(v.startS),
          departure: secondsToClock(v.departureS),
          arrivalSec: round(v.startS + offset),
          departureSec: round(v.departureS + offset),
          loaded: size(c.goods),
          unloaded: size(c.returns),
          orderIds: c.orders.map((o) => (city.orders[o] as { id: string }).id),
          ...(late > 0 ? { lateMin: round(late / 60, 1) } : {}),
        };
      });
      const backKm = city.travel.distance(at, run.base.location) / METRES_PER_KM;
      kWh += arcEnergyKWh(type.energy, backKm, payload, type.capacity[0]);
      const totalKm = km + backKm;
      const tonneKm = trip.visits.reduce((s, v, i) => {
        const c = run.consignments[v.job] as { goods: readonly number[]; returns: readonly number[] };
        const along = kmAlong[i] as number;
        return s + ((c.goods[0] as number) * (totalKm - along) + (c.returns[0] as number) * along) / 1000;
      }, 0);
      const sum = (side: 'goods' | 'returns'): number[] =>
        [0, 1, 2].map((d) =>
          trip.visits.reduce(
            (s, v) => s + ((run.consignments[v.job]?.[side][d] as number | undefined) ?? 0),
            0,
          ),
        );
      return {
        id: `${vehicleId}/trip${t + 1}`,
        hubId: hub.id,
        echelon: 1,
        mode: 'road',
        vehicleType: type.id,
        vehicle: vehicleId,
        trip: t + 1,
        day,
        to,
        carrierIds: [...new Set(stops.map((s) => s.id))],
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

/** A barge or train sailing: activity in tonne-km at the leg's intensities (goods out, returns back). */
function intermodalTrip(city: City, run: IntermodalRun, offset: number, day: -1 | 0): TrunkTrip {
  const leg = city.intermodalLegs[run.leg];
  const hub = leg && (city.hubs[leg.hub] as { id: string });
  if (!leg || !hub)
    throw new InternalError('BROKEN_INVARIANT', `intermodal leg index ${run.leg}: not in the city`);
  const tonneKm = ((run.goods[0] + run.returns[0]) / 1000) * leg.lengthKm;
  const orders = run.consignments.flatMap((c) => c.orders.map((o) => (city.orders[o] as { id: string }).id));
  const departS = run.departureS - leg.handlingS;
  return {
    id: `${leg.mode}/${leg.id}/trip1`,
    hubId: hub.id,
    echelon: 1,
    mode: leg.mode,
    vehicleType: leg.id,
    vehicle: `${leg.mode}/${leg.id}`,
    trip: 1,
    day,
    to: hub.id,
    carrierIds: [...new Set(run.consignments.map((c) => (city.carriers[c.carrier] as { id: string }).id))],
    stops: [
      {
        id: leg.id,
        kind: 'terminal',
        location: city.locations[leg.terminal] as [number, number],
        arrival: secondsToClock(departS),
        departure: secondsToClock(run.departureS),
        arrivalSec: round(departS + offset),
        departureSec: round(run.departureS + offset),
        loaded: size(run.goods),
        unloaded: size(run.returns),
        orderIds: orders,
      },
    ],
    departure: secondsToClock(run.departureS),
    arrival: secondsToClock(run.arrivalS),
    departureSec: round(run.departureS + offset),
    arrivalSec: round(run.arrivalS + offset),
    distanceKm: round(leg.lengthKm * run.trips),
    durationMin: round((run.arrivalS - run.departureS) / 60, 1),
    energyKWh: round(tonneKm * leg.kWhPerTonneKm),
    co2eKg: round((tonneKm * leg.co2eGPerTonneKm) / 1000),
    load: size(run.goods),
    returns: size(run.returns),
    tonneKm: round(tonneKm),
  };
}
