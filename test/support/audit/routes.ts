import type { Order, PlanRoute, PlanStop, Receiver } from '../../../src/contracts/index.ts';
import { clockShows, hms } from './clock.ts';
import { carrierPlace, hubPlace, isPickup, orderSize, receiverPlace, type AuditContext } from './context.ts';
import { arcEnergyKWh, co2eKg } from './energy.ts';
import { DEFAULT_SERVICE_MIN, EXTRA_SERVICE_PER_ORDER_MIN, type AuditVehicleType } from './factors.ts';
import type { Place } from './geo.ts';
import { addTo, DIMENSIONS, showLoad, zeroLoad, type Load } from './loads.ts';
import {
  CAPACITY_TOLERANCE,
  close,
  DURATION_ROUNDING_MIN,
  RANGE_TOLERANCE_KWH,
  ROUNDING_3_DECIMALS,
  TIME_TOLERANCE_S,
  WAIT_ROUNDING_S,
} from './tolerances.ts';
import { fmt, type Violations } from './violations.ts';
import { stopWindows } from './windows.ts';

/** What the auditor recomputed for one route (one trip of one vehicle): the KPIs and costs sum these. */
export interface RouteFigures {
  readonly route: PlanRoute;
  readonly type: AuditVehicleType | undefined;
  /** Where the route starts: a hub's pooled run, or a carrier's own round from its depot. */
  readonly startKind: 'hub' | 'carrier' | 'unknown';
  readonly distanceKm: number;
  /** From leaving the start to coming back, as scheduled (checked against travel and service times). */
  readonly durationS: number;
  readonly energyKWh: number;
  readonly co2eKg: number;
  /** Peak load's share of the binding capacity dimension. */
  readonly fill: number;
}

interface ResolvedStop {
  readonly stop: PlanStop;
  readonly at: string;
  readonly receiver: Receiver | undefined;
  readonly place: Place;
  readonly orders: readonly Order[];
}

/**
 * Checks one route against the scenario and recomputes its figures: references, loads and capacity
 * per dimension along the route (deliveries aboard at the start, pickups added), distance, energy arc
 * by arc at the payload carried (return leg included), range, CO2e, access rules and the schedule to
 * the second (travel, waiting, windows, service).
 */
export function auditRoute(
  ctx: AuditContext,
  v: Violations,
  label: string,
  route: PlanRoute,
  checkAccess: (startKind: 'hub' | 'carrier') => boolean,
): RouteFigures {
  const at = `${label} route ${route.id}`;
  const type = ctx.types.get(route.vehicleType);
  const hub = ctx.hubs.get(route.start);
  const carrier = hub ? undefined : ctx.carriers.get(route.start);
  const start = hub ? hubPlace(hub) : carrier ? carrierPlace(carrier) : undefined;
  const startKind = hub ? 'hub' : carrier ? 'carrier' : 'unknown';
  const printed = {
    route,
    type,
    startKind,
    distanceKm: route.distanceKm,
    durationS: route.durationMin * 60,
    energyKWh: route.energyKWh,
    co2eKg: route.co2eKg,
    fill: 0,
  } as const;
  if (!type) v.add('UNKNOWN_REFERENCE', at, `unknown vehicle type "${route.vehicleType}"`);
  if (!start) v.add('UNKNOWN_REFERENCE', at, `starts at "${route.start}", neither a hub nor a carrier`);
  if (!type || !start) return printed;

  const stops = route.stops.map((s, i) => resolveStop(ctx, v, at, s, i, carrier?.id));
  const loads = checkLoads(v, at, route, type, stops);
  const fill = Math.max(
    ...DIMENSIONS.map((d) => Math.max(...loads.map((l) => l[d])) / type.capacity[d]).filter(Number.isFinite),
    0,
  );

  // distance and energy, arc by arc, at the payload on board when the arc is driven
  const path = [start, ...stops.map((s) => s.place), start];
  let distanceKm = 0;
  let energyKWh = 0;
  for (let i = 1; i < path.length; i++) {
    const km = ctx.travel.distanceKm(path[i - 1] as Place, path[i] as Place);
    distanceKm += km;
    energyKWh += arcEnergyKWh(type.energy, km, (loads[i - 1] as Load).kg, type.capacity.kg);
  }
  const co2 = co2eKg(type.energy, energyKWh);
  if (!close(route.distanceKm, distanceKm, ROUNDING_3_DECIMALS))
    v.add('DISTANCE_MISMATCH', at, `distanceKm ${route.distanceKm}, recomputed ${fmt(distanceKm)}`);
  if (!close(route.energyKWh, energyKWh, ROUNDING_3_DECIMALS))
    v.add('ENERGY_MISMATCH', at, `energyKWh ${route.energyKWh}, recomputed ${fmt(energyKWh)}`);
  if (!close(route.co2eKg, co2, ROUNDING_3_DECIMALS))
    v.add('CO2E_MISMATCH', at, `co2eKg ${route.co2eKg}, recomputed ${fmt(co2)}`);
  const battery = type.energy.batteryKWh;
  if (battery !== undefined && energyKWh > battery + RANGE_TOLERANCE_KWH)
    v.add('RANGE_EXCEEDED', at, `needs ${fmt(energyKWh)} kWh with its payload, battery holds ${battery} kWh`);

  if (startKind !== 'unknown' && checkAccess(startKind))
    for (const s of stops) {
      const classes = s.receiver?.access?.vehicleClasses;
      if (classes && !classes.includes(type.class))
        v.add(
          'ACCESS_VIOLATION',
          s.at,
          `a ${type.class} (${type.id}) may not deliver here (${classes.join(', ')} only)`,
        );
    }

  const durationS = checkSchedule(ctx, v, at, route, type, start, stops);
  if (type.maxRouteMinutes !== undefined && durationS > type.maxRouteMinutes * 60 + TIME_TOLERANCE_S)
    v.add(
      'ROUTE_TOO_LONG',
      at,
      `takes ${fmt(durationS / 60)} min, ${type.id} may drive ${type.maxRouteMinutes} min`,
    );
  return { route, type, startKind, distanceKm, durationS, energyKWh, co2eKg: co2, fill };
}

function resolveStop(
  ctx: AuditContext,
  v: Violations,
  routeAt: string,
  stop: PlanStop,
  index: number,
  carrierId: string | undefined,
): ResolvedStop {
  const at = `${routeAt} stop ${index + 1} (${stop.receiverId})`;
  const receiver = ctx.receivers.get(stop.receiverId);
  if (!receiver) v.add('UNKNOWN_REFERENCE', at, `unknown receiver "${stop.receiverId}"`);
  else if (stop.location[0] !== receiver.location[0] || stop.location[1] !== receiver.location[1])
    v.add(
      'STOP_LOCATION_MISMATCH',
      at,
      `printed at [${stop.location}], the receiver is at [${receiver.location}]`,
    );
  const orders: Order[] = [];
  for (const id of stop.orderIds) {
    const o = ctx.orders.get(id);
    if (!o) {
      v.add('UNKNOWN_REFERENCE', at, `unknown order "${id}"`);
      continue;
    }
    orders.push(o);
    if (o.receiverId !== stop.receiverId)
      v.add('ORDER_WRONG_RECEIVER', at, `order ${id} is for ${o.receiverId}`);
    if (carrierId !== undefined && o.carrierId !== carrierId)
      v.add('ORDER_WRONG_CARRIER', at, `order ${id} belongs to ${o.carrierId}, not to ${carrierId}`);
  }
  const place = receiver ? receiverPlace(receiver) : { id: stop.receiverId, location: stop.location };
  return { stop, at, receiver, place, orders };
}

/** Loads at the start and after each stop, recomputed from the orders; checked against print and capacity. */
function checkLoads(
  v: Violations,
  at: string,
  route: PlanRoute,
  type: AuditVehicleType,
  stops: readonly ResolvedStop[],
): Load[] {
  const load = zeroLoad();
  for (const s of stops) for (const o of s.orders) if (!isPickup(o)) addTo(load, orderSize(o), 1);
  const loads: Load[] = [{ ...load }];
  const check = (where: string, printed: Load, actual: Load): void => {
    if (DIMENSIONS.some((d) => !close(printed[d], actual[d], ROUNDING_3_DECIMALS)))
      v.add('LOAD_MISMATCH', where, `load printed ${showLoad(printed)}, recomputed ${showLoad(actual)}`);
    const over = DIMENSIONS.filter((d) => actual[d] > type.capacity[d] + CAPACITY_TOLERANCE);
    if (over.length > 0)
      v.add(
        'OVER_CAPACITY',
        where,
        `carries ${showLoad(actual)}, ${type.id} holds ${over.map((d) => `${type.capacity[d]} ${d}`).join(', ')}`,
      );
  };
  check(`${at} at the start`, route.loadStart, load);
  for (const s of stops) {
    for (const o of s.orders) addTo(load, orderSize(o), isPickup(o) ? 1 : -1);
    loads.push({ ...load });
    check(s.at, s.stop.loadAfter, load);
  }
  return loads;
}

/** Service at a stop: the receiver's minutes (default 5) plus one per extra order handed over. */
function serviceS(receiver: Receiver | undefined, orders: number): number {
  const base = receiver?.serviceMinutes ?? DEFAULT_SERVICE_MIN;
  return (base + Math.max(0, orders - 1) * EXTRA_SERVICE_PER_ORDER_MIN) * 60;
}

/**
 * The schedule, each step checked on its own from the printed seconds (so one fault is reported where
 * it is): physical arrival = previous departure + travel; service starts then, or after a wait that
 * ends when a window opens, inside the stop's windows; departure = start + service; the vehicle is back
 * after the last leg. Returns the trip's duration in seconds.
 */
function checkSchedule(
  ctx: AuditContext,
  v: Violations,
  at: string,
  route: PlanRoute,
  type: AuditVehicleType,
  start: Place,
  stops: readonly ResolvedStop[],
): number {
  const dep = route.departureSec;
  const ret = route.returnSec;
  const secs = stops.map((s) => [s.stop.arrivalSec, s.stop.departureSec] as const);
  if (dep === undefined || ret === undefined || secs.some(([a, d]) => a === undefined || d === undefined)) {
    v.add('TIME_SECONDS_MISSING', at, 'departureSec/returnSec or a stop arrivalSec/departureSec is missing');
    return route.durationMin * 60;
  }
  const clock = (where: string, field: string, hhmm: string, sec: number): void => {
    if (!clockShows(hhmm, sec, TIME_TOLERANCE_S))
      v.add('CLOCK_MISMATCH', where, `${field} printed ${hhmm}, its seconds say ${hms(sec)}`);
  };
  clock(at, 'departure', route.departure, dep);
  clock(at, 'returnAt', route.returnAt, ret);
  let t = dep;
  let from = start;
  for (const s of stops) {
    const arrival = s.stop.arrivalSec as number;
    const departure = s.stop.departureSec as number;
    clock(s.at, 'arrival', s.stop.arrival, arrival);
    clock(s.at, 'departure', s.stop.departure, departure);
    const reached = t + ctx.travel.durationS(from, s.place, type.speedKmh);
    const waitS = (s.stop.waitMin ?? 0) * 60;
    const windows = s.receiver ? stopWindows(s.receiver, s.orders) : [];
    if (arrival < reached - TIME_TOLERANCE_S)
      v.add('ARRIVAL_TOO_EARLY', s.at, `serves at ${hms(arrival)}, cannot be there before ${hms(reached)}`);
    else if (Math.abs(arrival - reached - waitS) > TIME_TOLERANCE_S + WAIT_ROUNDING_S)
      v.add(
        'WAIT_MISMATCH',
        s.at,
        `reached at ${hms(reached)}, waits ${s.stop.waitMin ?? 0} min, but serves at ${hms(arrival)}`,
      );
    else if (
      waitS > WAIT_ROUNDING_S &&
      !windows.some(([open]) => Math.abs(arrival - open) <= TIME_TOLERANCE_S)
    )
      v.add('WAIT_UNNEEDED', s.at, `waits ${s.stop.waitMin} min although no window opens at ${hms(arrival)}`);
    if (
      !windows.some(
        ([open, close]) => arrival >= open - TIME_TOLERANCE_S && arrival <= close + TIME_TOLERANCE_S,
      )
    )
      v.add(
        'OUTSIDE_WINDOW',
        s.at,
        `service starts ${hms(arrival)}, outside ${windows.map(([o, c]) => `${hms(o)}-${hms(c)}`).join(', ') || 'every window (none left)'}`,
      );
    const service = serviceS(s.receiver, s.stop.orderIds.length);
    if (Math.abs(departure - arrival - service) > TIME_TOLERANCE_S)
      v.add(
        'SERVICE_TIME_MISMATCH',
        s.at,
        `leaves ${fmt((departure - arrival) / 60)} min after service starts, service takes ${fmt(service / 60)} min`,
      );
    t = departure;
    from = s.place;
  }
  const back = t + ctx.travel.durationS(from, start, type.speedKmh);
  if (Math.abs(ret - back) > TIME_TOLERANCE_S)
    v.add('RETURN_TIME_MISMATCH', at, `back at ${hms(ret)}, the last leg ends at ${hms(back)}`);
  const durationS = ret - dep;
  if (Math.abs(route.durationMin - durationS / 60) > DURATION_ROUNDING_MIN + 1e-9)
    v.add(
      'DURATION_MISMATCH',
      at,
      `durationMin ${route.durationMin}, departure to return is ${fmt(durationS / 60)} min`,
    );
  return durationS;
}
