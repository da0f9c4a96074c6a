// An independent checker of plans: written from the contract (DESIGN.md), sharing no code with the
// planner, solver or geo modules. Distances come from its own haversine; capacities and speeds from the
// built-in vehicle data or the scenario. Returns human-readable violations; an empty list means feasible.
import type { Plan, PlanRoute, Scenario } from '../../src/contracts/index.ts';
import { BUILT_IN_VEHICLE_TYPES } from '../../src/energy/vehicle-types.ts';

const EARTH_RADIUS_KM = 6371.0088;
const TOLERANCE_MIN = 1.01; // arrival/departure are printed rounded down to the minute
const EPS = 1e-6;

export function haversineKm(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = ((b[1] as number) - (a[1] as number)) * rad;
  const dLon = ((b[0] as number) - (a[0] as number)) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos((a[1] as number) * rad) * Math.cos((b[1] as number) * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

interface TypeFacts {
  class: string;
  kg: number;
  m3: number;
  units: number;
  speedKmh: number;
}

function typeFacts(scenario: Scenario): Map<string, TypeFacts> {
  const out = new Map<string, TypeFacts>();
  for (const t of [...Object.values(BUILT_IN_VEHICLE_TYPES), ...(scenario.vehicleTypes ?? [])]) {
    const base = out.get(t.id);
    out.set(t.id, {
      class: t.class,
      kg: t.capacity.kg,
      m3: t.capacity.m3 ?? Infinity,
      units: t.capacity.units ?? Infinity,
      speedKmh: t.speedKmh ?? base?.speedKmh ?? NaN,
    });
  }
  return out;
}

export interface CheckOptions {
  /** Carriers' own vehicles work this shift in minutes (the planner's documented assumption). */
  carrierShiftMin?: readonly [number, number];
}

export function checkPlan(scenario: Scenario, plan: Plan, options: CheckOptions = {}): string[] {
  const violations: string[] = [];
  const circuity = scenario.options?.circuity ?? 1.3;
  const types = typeFacts(scenario);
  const receivers = new Map(scenario.receivers.map((r) => [r.id, r]));
  const orders = new Map(scenario.orders.map((o) => [o.id, o]));
  const places = new Map<string, readonly number[]>([
    ...scenario.hubs.map((h) => [h.id, h.location] as const),
    ...scenario.carriers.map((c) => [c.id, c.depot] as const),
  ]);
  const hubIds = new Set(scenario.hubs.map((h) => h.id));

  const checkRoutes = (label: string, routes: readonly PlanRoute[]): void => {
    for (const r of routes) {
      const where = `${label} ${r.id}`;
      const t = types.get(r.vehicleType);
      const start = places.get(r.start);
      if (!t || !start) {
        violations.push(`${where}: unknown vehicle type or start`);
        continue;
      }
      // loads: everything delivered on the trip is on board at the start; pickups are added
      let load = { kg: 0, m3: 0, units: 0 };
      for (const s of r.stops)
        for (const id of s.orderIds) {
          const o = orders.get(id);
          if (o && (o.kind ?? 'delivery') === 'delivery') load = add(load, o.size, 1);
        }
      if (!near(load, r.loadStart))
        violations.push(
          `${where}: loadStart ${JSON.stringify(r.loadStart)} != deliveries ${JSON.stringify(load)}`,
        );
      if (!fits(load, t)) violations.push(`${where}: over capacity at start ${JSON.stringify(load)}`);
      let at = start;
      let clock = minutes(r.departure);
      let km = 0;
      for (const [i, s] of r.stops.entries()) {
        const receiver = receivers.get(s.receiverId);
        if (!receiver) {
          violations.push(`${where}: unknown receiver ${s.receiverId}`);
          continue;
        }
        for (const id of s.orderIds) {
          const o = orders.get(id);
          if (!o) violations.push(`${where}: unknown order ${id}`);
          else {
            if (o.receiverId !== s.receiverId)
              violations.push(`${where}: order ${id} is for ${o.receiverId}, not ${s.receiverId}`);
            load = add(load, o.size, (o.kind ?? 'delivery') === 'delivery' ? -1 : 1);
          }
        }
        if (!near(load, s.loadAfter))
          violations.push(
            `${where} stop ${i + 1}: loadAfter ${JSON.stringify(s.loadAfter)} != ${JSON.stringify(load)}`,
          );
        if (!fits(load, t)) violations.push(`${where} stop ${i + 1}: over capacity ${JSON.stringify(load)}`);
        const leg = haversineKm(at, receiver.location) * circuity;
        km += leg;
        const earliest = clock + (leg / t.speedKmh) * 60;
        const arrival = minutes(s.arrival);
        if (arrival + TOLERANCE_MIN < earliest)
          violations.push(
            `${where} stop ${i + 1}: arrives ${s.arrival} before it can (${earliest.toFixed(1)} min)`,
          );
        const windows = windowsFor(
          receiver.windows,
          s.orderIds.map((id) => orders.get(id)?.window),
        );
        if (!windows.some((w) => arrival >= minutes(w.start) - EPS && arrival <= minutes(w.end) + EPS))
          violations.push(
            `${where} stop ${i + 1}: service at ${s.arrival} outside ${JSON.stringify(windows)}`,
          );
        // the receiver's class rule binds during its hours only (all day without), and a visit may end
        // when they begin or begin when they end (docs/model/consolidation.md, zones and access)
        const barredHours = receiver.access?.hours;
        const duringBar =
          !barredHours ||
          barredHours.some((h) => minutes(s.departure) > minutes(h.start) && arrival < minutes(h.end));
        if (
          label === 'consolidated' &&
          hubIds.has(r.start) &&
          receiver.access?.vehicleClasses &&
          !receiver.access.vehicleClasses.includes(t.class) &&
          duringBar
        )
          violations.push(`${where} stop ${i + 1}: ${t.class} not allowed at ${receiver.id}`);
        const service = receiver.serviceMinutes ?? 5;
        if (minutes(s.departure) + TOLERANCE_MIN < arrival + service)
          violations.push(`${where} stop ${i + 1}: leaves before serving`);
        clock = minutes(s.departure);
        at = receiver.location;
      }
      const back = haversineKm(at, start) * circuity;
      km += back;
      if (minutes(r.returnAt) + TOLERANCE_MIN < clock + (back / t.speedKmh) * 60)
        violations.push(`${where}: returns too early`);
      if (Math.abs(km - r.distanceKm) > 0.005 * km + 0.01)
        violations.push(`${where}: distance ${r.distanceKm} km, recomputed ${km.toFixed(3)} km`);
    }
    // trips of one vehicle must not overlap
    const byVehicle = new Map<string, PlanRoute[]>();
    for (const r of routes) byVehicle.set(r.vehicle, [...(byVehicle.get(r.vehicle) ?? []), r]);
    for (const [v, trips] of byVehicle) {
      const sorted = [...trips].sort((a, b) => a.trip - b.trip);
      for (let i = 1; i < sorted.length; i++)
        if (
          minutes((sorted[i] as PlanRoute).departure) + TOLERANCE_MIN <
          minutes((sorted[i - 1] as PlanRoute).returnAt)
        )
          violations.push(`${label} ${v}: trip ${i + 1} leaves before trip ${i} is back`);
    }
  };

  checkRoutes('baseline', plan.baseline.routes);
  checkRoutes('consolidated', plan.consolidated.routes);

  // shifts of the pooled fleet
  for (const r of plan.consolidated.routes) {
    if (!hubIds.has(r.start)) {
      const [s, e] = options.carrierShiftMin ?? [0, 24 * 60];
      if (minutes(r.departure) < s || minutes(r.returnAt) > e)
        violations.push(`${r.id}: outside the carrier shift`);
      continue;
    }
    const hub = scenario.hubs.find((h) => h.id === r.start);
    const shifts = scenario.fleet.filter((f) => f.hubId === r.start && f.vehicleType === r.vehicleType);
    const ok = shifts.some(
      (f) =>
        minutes(r.departure) >= Math.max(minutes(f.shift.start), minutes(hub?.open ?? '00:00')) - EPS &&
        minutes(r.returnAt) <= Math.min(minutes(f.shift.end), minutes(hub?.close ?? '24:00')) + EPS,
    );
    if (!ok)
      violations.push(
        `${r.id}: ${r.departure}-${r.returnAt} outside every shift of ${r.vehicleType} at ${r.start}`,
      );
  }
  // fleet size per hub and type
  for (const f of scenario.fleet) {
    const used = new Set(
      plan.consolidated.routes
        .filter((r) => r.start === f.hubId && r.vehicleType === f.vehicleType)
        .map((r) => r.vehicle),
    );
    const available = scenario.fleet
      .filter((g) => g.hubId === f.hubId && g.vehicleType === f.vehicleType)
      .reduce((s, g) => s + g.count, 0);
    if (used.size > available)
      violations.push(`${f.hubId}/${f.vehicleType}: ${used.size} vehicles used, ${available} available`);
  }

  // every order served exactly once per plan, or reported unassigned with a reason
  for (const [label, part] of [
    ['baseline', plan.baseline],
    ['consolidated', plan.consolidated],
  ] as const) {
    const seen = new Map<string, number>();
    for (const r of part.routes)
      for (const s of r.stops) for (const id of s.orderIds) seen.set(id, (seen.get(id) ?? 0) + 1);
    const unassigned = new Set(part.unassigned.map((u) => u.orderId));
    for (const o of scenario.orders) {
      const n = seen.get(o.id) ?? 0;
      if (n > 1) violations.push(`${label}: order ${o.id} served ${n} times`);
      if (n === 0 && !unassigned.has(o.id))
        violations.push(`${label}: order ${o.id} neither served nor unassigned`);
    }
  }

  // KPIs recomputed from the parts
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const km =
    sum(plan.consolidated.routes.map((r) => r.distanceKm)) +
    sum(plan.consolidated.trunk.map((t) => t.distanceKm));
  if (Math.abs(km - plan.consolidated.kpis.vehicleKm) > 0.01 + 1e-6 * km)
    violations.push(`consolidated vehicleKm ${plan.consolidated.kpis.vehicleKm} != ${km}`);
  const bkm = sum(plan.baseline.routes.map((r) => r.distanceKm));
  if (Math.abs(bkm - plan.baseline.kpis.vehicleKm) > 0.01 + 1e-6 * bkm)
    violations.push(`baseline vehicleKm ${plan.baseline.kpis.vehicleKm} != ${bkm}`);
  return violations;
}

type Load = { kg: number; m3: number; units: number };
function add(
  l: Load,
  size: { kg: number; m3?: number | undefined; units?: number | undefined },
  sign: number,
): Load {
  return {
    kg: l.kg + sign * size.kg,
    m3: l.m3 + sign * (size.m3 ?? 0),
    units: l.units + sign * (size.units ?? 0),
  };
}
const near = (a: Load, b: Load): boolean =>
  Math.abs(a.kg - b.kg) < 0.01 && Math.abs(a.m3 - b.m3) < 0.01 && Math.abs(a.units - b.units) < 0.01;
const fits = (l: Load, t: TypeFacts): boolean =>
  l.kg <= t.kg + EPS && l.m3 <= t.m3 + EPS && l.units <= t.units + EPS;

/** Receiver windows narrowed by the orders' own windows (an order's window wins when they do not overlap). */
function windowsFor(
  receiverWindows: readonly { start: string; end: string }[],
  orderWindows: readonly ({ start: string; end: string } | undefined)[],
): { start: string; end: string }[] {
  let windows = [...receiverWindows];
  for (const w of orderWindows) {
    if (!w) continue;
    const both = windows
      .map((r) => ({ start: r.start > w.start ? r.start : w.start, end: r.end < w.end ? r.end : w.end }))
      .filter((x) => x.start <= x.end);
    windows = both.length > 0 ? both : [w];
  }
  return windows;
}
