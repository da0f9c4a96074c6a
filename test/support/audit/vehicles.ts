import type { Carrier, PlanRoute } from '../../../src/contracts/index.ts';
import { clockToSec, hms } from './clock.ts';
import type { AuditContext } from './context.ts';
import {
  CARRIER_MAX_TRIPS,
  CARRIER_RELOAD_MIN,
  CARRIER_SHIFT,
  DEFAULT_FLEET_MAX_TRIPS,
  DEFAULT_FLEET_RELOAD_MIN,
} from './factors.ts';
import { TIME_TOLERANCE_S } from './tolerances.ts';
import { Violations } from './violations.ts';

/** How one physical vehicle may work: its shift, number of trips and time at the depot between trips. */
export interface WorkRules {
  readonly name: string;
  readonly shiftStartS: number;
  readonly shiftEndS: number;
  readonly maxTrips: number;
  readonly reloadS: number;
}

/** Vehicle types a carrier's own rounds may use in a plan part (default: its baseline type). */
export type CarrierRoundTypes = (carrier: Carrier) => readonly string[];
export const baselineTypeOnly: CarrierRoundTypes = (c) => [c.baselineVehicleType];

/** The carriers' documented status quo (src/consolidation/carrier-rounds.ts): 05:00-20:00, 2 trips, 30 min. */
const CARRIER_RULES: WorkRules = {
  name: `carrier shift ${CARRIER_SHIFT.start}-${CARRIER_SHIFT.end}`,
  shiftStartS: clockToSec(CARRIER_SHIFT.start),
  shiftEndS: clockToSec(CARRIER_SHIFT.end),
  maxTrips: CARRIER_MAX_TRIPS,
  reloadS: CARRIER_RELOAD_MIN * 60,
};

/**
 * Groups a part's routes by `vehicle` and checks each vehicle's day: one start and one type, trips
 * numbered 1..n in time order, no more trips than allowed, each trip leaving after the previous one is
 * back plus the reload time, all inside the shift (a pooled vehicle: its fleet shift intersected with
 * the hub's opening hours). Then the number of vehicles per hub and type (fleet counts) and per
 * carrier (`baselineVehicles`).
 */
export function auditVehicles(
  ctx: AuditContext,
  v: Violations,
  label: string,
  routes: readonly PlanRoute[],
  carrierTypes: CarrierRoundTypes,
): void {
  const byVehicle = new Map<string, PlanRoute[]>();
  for (const r of routes) byVehicle.set(r.vehicle, [...(byVehicle.get(r.vehicle) ?? []), r]);
  const vehiclesAt = new Map<string, { available: number; vehicles: Set<string> }>();
  for (const [vehicle, trips] of byVehicle) {
    const at = `${label} vehicle ${vehicle}`;
    const first = trips[0] as PlanRoute;
    if (trips.some((r) => r.start !== first.start || r.vehicleType !== first.vehicleType)) {
      v.add('VEHICLE_INCONSISTENT', at, 'its trips start from different places or use different types');
      continue;
    }
    const sorted = [...trips].sort((a, b) => a.trip - b.trip);
    if (sorted.some((r, i) => r.trip !== i + 1))
      v.add('TRIP_NUMBERING', at, `trips numbered ${sorted.map((r) => r.trip).join(', ')}`);
    const candidates = workRules(ctx, v, at, first, carrierTypes);
    if (candidates.length === 0) continue;
    const hub = ctx.hubs.has(first.start);
    const key = hub ? `hub ${first.start} ${first.vehicleType}` : `carrier ${first.start}`;
    const pool = vehiclesAt.get(key) ?? { available: available(ctx, first, hub), vehicles: new Set() };
    vehiclesAt.set(key, pool);
    pool.vehicles.add(vehicle);
    // a vehicle belongs to one fleet entry: report against the entry it fits best
    const attempts = candidates.map((rules) => {
      const own = new Violations();
      checkDay(own, at, sorted, rules);
      return own.list;
    });
    const best = attempts.reduce((a, b) => (b.length < a.length ? b : a));
    v.list.push(...best);
  }
  checkFleetSizes(v, label, vehiclesAt);
}

/** The rules that may apply to a vehicle; reports a type the start does not have. */
function workRules(
  ctx: AuditContext,
  v: Violations,
  at: string,
  route: PlanRoute,
  carrierTypes: CarrierRoundTypes,
): WorkRules[] {
  const hub = ctx.hubs.get(route.start);
  if (hub) {
    const entries = ctx.scenario.fleet.filter(
      (f) => f.hubId === hub.id && f.vehicleType === route.vehicleType,
    );
    if (entries.length === 0)
      v.add('VEHICLE_TYPE_NOT_ALLOWED', at, `hub ${hub.id} has no ${route.vehicleType} in its fleet`);
    return entries.map((f) => ({
      name: `${hub.id} ${f.vehicleType} shift ${f.shift.start}-${f.shift.end} within opening ${hub.open}-${hub.close}`,
      shiftStartS: Math.max(clockToSec(f.shift.start), clockToSec(hub.open)),
      shiftEndS: Math.min(clockToSec(f.shift.end), clockToSec(hub.close)),
      maxTrips: f.maxTrips ?? DEFAULT_FLEET_MAX_TRIPS,
      reloadS: (f.reloadMinutes ?? DEFAULT_FLEET_RELOAD_MIN) * 60,
    }));
  }
  const carrier = ctx.carriers.get(route.start);
  if (!carrier) return []; // reported by the route check
  const allowed = carrierTypes(carrier);
  if (!allowed.includes(route.vehicleType)) {
    v.add(
      'VEHICLE_TYPE_NOT_ALLOWED',
      at,
      `carrier ${carrier.id} rounds use ${allowed.join(' or ')}, not ${route.vehicleType}`,
    );
    return [];
  }
  return [CARRIER_RULES];
}

function checkDay(v: Violations, at: string, trips: readonly PlanRoute[], rules: WorkRules): void {
  if (trips.length > rules.maxTrips)
    v.add('TOO_MANY_TRIPS', at, `${trips.length} trips, ${rules.name} allows ${rules.maxTrips}`);
  trips.forEach((r, i) => {
    const dep = r.departureSec;
    const ret = r.returnSec;
    if (dep === undefined || ret === undefined) return; // reported by the route check
    if (dep < rules.shiftStartS - TIME_TOLERANCE_S || ret > rules.shiftEndS + TIME_TOLERANCE_S)
      v.add(
        'OUTSIDE_SHIFT',
        at,
        `trip ${r.trip} runs ${hms(dep)}-${hms(ret)}, outside ${rules.name} (${hms(rules.shiftStartS)}-${hms(rules.shiftEndS)})`,
      );
    const prev = trips[i - 1];
    if (prev?.returnSec !== undefined && dep < prev.returnSec + rules.reloadS - TIME_TOLERANCE_S)
      v.add(
        'TRIP_OVERLAP',
        at,
        `trip ${r.trip} leaves ${hms(dep)}, trip ${prev.trip} is back ${hms(prev.returnSec)} and reloads ${rules.reloadS / 60} min`,
      );
  });
}

/** Vehicles a hub has of a type (its fleet entries), or a carrier has for its own rounds (unlimited when unset). */
function available(ctx: AuditContext, route: PlanRoute, hub: boolean): number {
  return hub
    ? ctx.scenario.fleet
        .filter((f) => f.hubId === route.start && f.vehicleType === route.vehicleType)
        .reduce((s, f) => s + f.count, 0)
    : (ctx.carriers.get(route.start)?.baselineVehicles ?? Infinity);
}

function checkFleetSizes(
  v: Violations,
  label: string,
  used: ReadonlyMap<string, { available: number; vehicles: Set<string> }>,
): void {
  for (const [key, { available, vehicles }] of used)
    if (vehicles.size > available)
      v.add('FLEET_EXCEEDED', `${label} ${key}`, `${vehicles.size} vehicles used, ${available} available`);
}
