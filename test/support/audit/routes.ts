import type { Order, PlanRoute, PlanStop } from '../../../src/contracts/index.ts';
import { accessBreach } from './access.ts';
import { carrierPlace, hubPlace, isPickup, orderSize, receiverPlace, type AuditContext } from './context.ts';
import { arcEnergyKWh, co2eKg } from './energy.ts';
import type { AuditVehicleType } from './factors.ts';
import type { Place } from './geo.ts';
import { addTo, DIMENSIONS, showLoad, zeroLoad, type Load } from './loads.ts';
import {
  CAPACITY_TOLERANCE,
  close,
  RANGE_TOLERANCE_KWH,
  ROUNDING_3_DECIMALS,
  TIME_TOLERANCE_S,
} from './tolerances.ts';
import { checkSchedule, type ResolvedStop } from './schedule.ts';
import { fmt, type Violations } from './violations.ts';

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

/**
 * Checks one route against the scenario and recomputes its figures: references, loads and capacity
 * per dimension along the route (deliveries aboard at the start, pickups added), distance, energy arc
 * by arc at the payload carried (return leg included), range, CO2e, access rules (the whole visit inside
 * the hours the type may be there) and the schedule to
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
      const [from, to] = [s.stop.arrivalSec, s.stop.departureSec];
      if (!s.receiver || from === undefined || to === undefined) continue; // reported elsewhere
      const breach = accessBreach(ctx.rulesOf(s.receiver), type, from, to, TIME_TOLERANCE_S);
      if (breach) v.add('ACCESS_VIOLATION', s.at, breach);
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
