import type { TrunkTrip } from '../contracts/index.ts';
import type { IntermodalRun, TrunkNetwork, TrunkRun } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import { secondsToClock } from '../domain/units.ts';
import { feederTrips } from './report-feeder.ts';
import { reportRoadTrips } from './report-road-trips.ts';
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

function roadTrips(city: City, run: TrunkRun, offsetS: number, day: -1 | 0): TrunkTrip[] {
  const hub = city.hubs[run.base.hub] as { id: string; location: number };
  const leg = run.base.leg === undefined ? undefined : city.intermodalLegs[run.base.leg];
  const to = leg ? leg.id : hub.id;
  // one problem per base when shared, per base and carrier when not: the owner keeps vehicle ids unique
  const owner = city.trunking.pooled ? '' : `/${city.carriers[run.consignments[0]?.carrier ?? 0]?.id ?? ''}`;
  return reportRoadTrips(
    city,
    { ...run, cargo: run.consignments, baseLocation: run.base.location },
    {
      stopOf: (c) => {
        const carrier = city.carriers[c.carrier];
        if (!carrier)
          throw new InternalError('BROKEN_INVARIANT', `trunk consignment of carrier ${c.carrier}`);
        return { location: carrier.location, id: carrier.id, kind: 'depot' };
      },
      goods: 'collected',
      vehicleId: (v, typeId) => `trunk/${to}${owner}/${typeId}#${v + 1}`,
      names: { hubId: hub.id, echelon: 1, to },
      offsetS,
      day,
    },
  );
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
