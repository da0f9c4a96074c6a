import type { TrunkTrip } from '../contracts/index.ts';
import type { FeederRoadRun, FeederRun, FeederSailing } from '../consolidation/index.ts';
import type { City, CityLegFeeder } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import { secondsToClock } from '../domain/units.ts';
import { reportRoadTrips } from './report-road-trips.ts';
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
  offsetS: number,
  day: 0,
): TrunkTrip[] {
  return reportRoadTrips(
    city,
    { ...run, cargo: run.loads, baseLocation: platform.location },
    {
      stopOf: () => ({ location: micro.location, id: micro.id, kind: 'hub' }),
      // off the vehicle at the micro-hub: its goods; onto it: its returns for the platform
      goods: 'delivered',
      vehicleId: (v, typeId) => `feeder/${platform.id}-${micro.id}/${typeId}#${v + 1}`,
      names: { hubId: micro.id, echelon: 2, from: platform.id, to: micro.id },
      offsetS,
      day,
    },
  );
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
