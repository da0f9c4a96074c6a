import type { Hub, TrunkTrip } from '../../../src/contracts/index.ts';
import { carrierPlace, hubPlace, isPickup, orderSize, type AuditContext } from './context.ts';
import { arcEnergyKWh, co2eKg } from './energy.ts';
import { TRUNK_LOAD_MIN } from './factors.ts';
import type { Place } from './geo.ts';
import {
  CAPACITY_TOLERANCE,
  close,
  DURATION_ROUNDING_MIN,
  ROUNDING_3_DECIMALS,
  TIME_TOLERANCE_S,
} from './tolerances.ts';
import { fmt, type Violations } from './violations.ts';

/** The auditor's own figures for one printed trunk trip (what KPIs, costs and allocation sum). */
export interface TrunkFigures {
  readonly trip: TrunkTrip;
  readonly distanceKm: number;
  readonly durationS: number;
  readonly energyKWh: number;
  readonly co2eKg: number;
  readonly tonneKm: number;
}

const DAY_S = 24 * 3600;
const sizeOf = (x: { kg: number; m3: number; units: number }): number[] => [x.kg, x.m3, x.units];
/** Seconds since midnight of an `HH:MM` time. */
export const clock = (hhmm: string): number => {
  const [h, m] = hhmm.split(':');
  return Number(h) * 3600 + Number(m) * 60;
};

/**
 * Where a road trip starts and ends and whose hours bind it, and what its stops are: carriers' depots (first
 * echelon: goods loaded, returns unloaded) or the micro-hub it feeds (second echelon: goods unloaded, returns
 * loaded, inside the micro-hub's hours).
 */
export interface RoadTripFrame {
  readonly base: Place;
  /** The hub whose opening hours the whole trip keeps (none for pre-haul based at a terminal). */
  readonly hoursOf: Hub | undefined;
  readonly stops: 'depots' | 'micro-hub';
}

/** One road trip: stops, loads per dimension, times, hub hours, distance, energy, CO2e and tonne-km. */
export function auditRoadTrip(
  ctx: AuditContext,
  v: Violations,
  at: string,
  trip: TrunkTrip,
  frame: RoadTripFrame,
): TrunkFigures {
  const type = ctx.types.get(trip.vehicleType);
  const base = frame.base;
  if (!type) {
    v.add('TRUNK_VEHICLE_TYPE', at, `unknown vehicle type ${trip.vehicleType}`);
    return { trip, distanceKm: 0, durationS: 0, energyKWh: 0, co2eKg: 0, tonneKm: 0 };
  }
  const cap = [type.capacity.kg, type.capacity.m3, type.capacity.units];
  const load = [0, 0, 0];
  for (const s of trip.stops) sizeOf(s.unloaded).forEach((x, d) => (load[d] = (load[d] as number) + x));
  let place = base;
  let t = trip.departureSec;
  let km = 0;
  let kWh = 0;
  const along: number[] = [];
  const check = (): void => {
    if (load.some((x, d) => x > (cap[d] as number) + CAPACITY_TOLERANCE))
      v.add('TRUNK_OVER_CAPACITY', at, `load [${load.map(fmt)}] above capacity [${cap}]`);
  };
  check();
  for (const s of trip.stops) {
    const microHub = frame.stops === 'micro-hub';
    const carrier = microHub ? undefined : ctx.carriers.get(s.id);
    const hub = microHub && s.id === trip.hubId ? ctx.hubs.get(s.id) : undefined;
    const stopPlace = carrier ? carrierPlace(carrier) : hub && hubPlace(hub);
    if (!stopPlace || s.kind !== (microHub ? 'hub' : 'depot')) {
      v.add(
        'TRUNK_STOP_MISMATCH',
        at,
        `stop ${s.id} is not ${microHub ? `micro-hub ${trip.hubId}` : 'a carrier depot'}`,
      );
      continue;
    }
    const goods = [0, 0, 0];
    const returns = [0, 0, 0];
    for (const id of s.orderIds) {
      const o = ctx.orders.get(id);
      if (!o || (carrier && o.carrierId !== carrier.id)) {
        v.add('TRUNK_STOP_MISMATCH', at, `order ${id} is not ${s.id}'s`);
        continue;
      }
      orderSize(o).forEach(
        (x, d) => ((isPickup(o) ? returns : goods)[d] = (isPickup(o) ? returns : goods)[d]! + x),
      );
    }
    // onto the vehicle at a depot: the goods; at a micro-hub: its returns (and the other way round off it)
    const [on, off] = microHub ? [returns, goods] : [goods, returns];
    if (on.some((x, d) => !close(x, sizeOf(s.loaded)[d] as number, ROUNDING_3_DECIMALS)))
      v.add(
        'TRUNK_LOAD_MISMATCH',
        at,
        `${s.id} loaded [${sizeOf(s.loaded)}], its orders' ${microHub ? 'returns' : 'goods'} [${on.map(fmt)}]`,
      );
    if (off.some((x, d) => !close(x, sizeOf(s.unloaded)[d] as number, ROUNDING_3_DECIMALS)))
      v.add(
        'TRUNK_LOAD_MISMATCH',
        at,
        `${s.id} unloaded [${sizeOf(s.unloaded)}], its orders' ${microHub ? 'goods' : 'returns'} [${off.map(fmt)}]`,
      );
    if (hub) {
      const day = trip.day * DAY_S;
      if (
        s.arrivalSec + TIME_TOLERANCE_S < clock(hub.open) + day ||
        s.departureSec > clock(hub.close) + day + TIME_TOLERANCE_S
      )
        v.add('TRUNK_SCHEDULE', at, `at ${hub.id} outside its opening hours ${hub.open}-${hub.close}`);
    }
    const depot = stopPlace;
    const arcKm = ctx.travel.distanceKm(place, depot);
    kWh += arcEnergyKWh(type.energy, arcKm, load[0] as number, type.capacity.kg);
    km += arcKm;
    along.push(km);
    const reach = t + ctx.travel.driveS(place, depot, type, t);
    if (s.arrivalSec + TIME_TOLERANCE_S < reach)
      v.add(
        'TRUNK_SCHEDULE',
        at,
        `at ${s.id} at ${fmt(s.arrivalSec)} s, cannot be there before ${fmt(reach)} s`,
      );
    if (!close(s.departureSec, s.arrivalSec + TRUNK_LOAD_MIN * 60, TIME_TOLERANCE_S))
      v.add(
        'TRUNK_SCHEDULE',
        at,
        `${s.id}: ${TRUNK_LOAD_MIN} min loading, departs at ${fmt(s.departureSec)} s`,
      );
    t = s.departureSec;
    sizeOf(s.unloaded).forEach((x, d) => (load[d] = (load[d] as number) - x));
    sizeOf(s.loaded).forEach((x, d) => (load[d] = (load[d] as number) + x));
    check();
    place = depot;
  }
  const backKm = ctx.travel.distanceKm(place, base);
  kWh += arcEnergyKWh(type.energy, backKm, load[0] as number, type.capacity.kg);
  km += backKm;
  const arrive = t + ctx.travel.driveS(place, base, type, t);
  if (!close(trip.arrivalSec, arrive, TIME_TOLERANCE_S))
    v.add('TRUNK_SCHEDULE', at, `arrives at ${fmt(trip.arrivalSec)} s, recomputed ${fmt(arrive)} s`);
  if (frame.hoursOf) {
    const hubOf = frame.hoursOf;
    const day = trip.day * DAY_S;
    const open = hubOf ? clock(hubOf.open) + day : -Infinity;
    const closeS = hubOf ? clock(hubOf.close) + day : Infinity;
    if (trip.departureSec + TIME_TOLERANCE_S < open || trip.arrivalSec > closeS + TIME_TOLERANCE_S)
      v.add('TRUNK_SCHEDULE', at, `outside the hub's opening hours ${hubOf?.open}-${hubOf?.close}`);
  }
  const tonneKm = trip.stops.reduce(
    (s, stop, i) => s + (stop.loaded.kg * (km - (along[i] ?? 0)) + stop.unloaded.kg * (along[i] ?? 0)) / 1000,
    0,
  );
  const durationS = trip.arrivalSec - trip.departureSec;
  const co2e = co2eKg(type.energy, kWh);
  if (!close(trip.distanceKm, km, ROUNDING_3_DECIMALS))
    v.add('TRUNK_DISTANCE_MISMATCH', at, `distanceKm ${trip.distanceKm}, recomputed ${fmt(km)}`);
  if (!close(trip.durationMin, durationS / 60, DURATION_ROUNDING_MIN + 1e-9))
    v.add(
      'TRUNK_DURATION_MISMATCH',
      at,
      `durationMin ${trip.durationMin}, recomputed ${fmt(durationS / 60)}`,
    );
  if (!close(trip.energyKWh, kWh, ROUNDING_3_DECIMALS))
    v.add('TRUNK_ENERGY_MISMATCH', at, `energyKWh ${trip.energyKWh}, recomputed ${fmt(kWh)}`);
  if (!close(trip.co2eKg, co2e, ROUNDING_3_DECIMALS))
    v.add('TRUNK_CO2E_MISMATCH', at, `co2eKg ${trip.co2eKg}, recomputed ${fmt(co2e)}`);
  if (!close(trip.tonneKm, tonneKm, ROUNDING_3_DECIMALS * (1 + trip.stops.length)))
    v.add('TRUNK_TONNE_KM_MISMATCH', at, `tonneKm ${trip.tonneKm}, recomputed ${fmt(tonneKm)}`);
  // `load`: the goods carried to the hub (picked up at depots, or dropped at the micro-hub); `returns` back
  const toHub = frame.stops === 'micro-hub' ? 'unloaded' : 'loaded';
  const back = frame.stops === 'micro-hub' ? 'loaded' : 'unloaded';
  for (const [field, side] of [
    ['load', toHub],
    ['returns', back],
  ] as const) {
    const kg = trip.stops.reduce((s, x) => s + x[side].kg, 0);
    if (!close(trip[field].kg, kg, ROUNDING_3_DECIMALS * (1 + trip.stops.length)))
      v.add('TRUNK_LOAD_MISMATCH', at, `${field} ${trip[field].kg} kg, its stops' ${side} ${fmt(kg)} kg`);
  }
  return { trip, distanceKm: km, durationS, energyKWh: kWh, co2eKg: co2e, tonneKm };
}
