// Pure figures the dashboard shows, derived from a plan (src/contracts/plan.ts) and its scenario: no DOM here,
// so test/web/plan-figures.test.ts checks them in Node.

/** "HH:MM" → minutes since midnight; undefined for anything else. */
export function minutesOf(clock) {
  const m = /^(\d{1,2}):(\d{2})$/.exec(String(clock ?? ''));
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Minutes since midnight → "HH:MM". */
export function clockOf(minutes) {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `CMDU/e-van#10` after `CMDU/e-van#2`: vehicles in natural order, not as text. */
export function naturalCompare(a, b) {
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/**
 * One colour per vehicle, far apart on the hue circle (golden angle) with two lightness levels, so 30
 * vehicles stay distinguishable; trips of one vehicle are told apart by dashes (`dashOf`).
 */
export function colourOf(index) {
  const hue = Math.round((index * 137.508) % 360);
  const lightness = index % 2 === 0 ? 38 : 50;
  return `hsl(${hue}, 75%, ${lightness}%)`;
}

const DASHES = ['', '10 6', '3 6', '14 4 3 4'];
/** Trip 1 solid, trip 2 dashed, trip 3 dotted, trip 4 dash-dot, then again. */
export function dashOf(trip) {
  return DASHES[(Math.max(1, trip) - 1) % DASHES.length];
}

/** Vehicle ids of a plan's routes in natural order, each with its colour. */
export function vehiclePalette(routes) {
  const ids = [...new Set(routes.map((r) => r.vehicle))].sort(naturalCompare);
  return new Map(ids.map((id, i) => [id, colourOf(i)]));
}

const DIMENSIONS = /** @type {const} */ (['kg', 'm3', 'units']);

/** Capacity of a vehicle type: the scenario's own definition first, then the built-in. */
export function capacityOf(typeId, scenario, builtIn) {
  const own = (scenario?.vehicleTypes ?? []).find((t) => t.id === typeId);
  return (own ?? builtIn.find((t) => t.id === typeId))?.capacity;
}

/** Highest load on board over a route, per dimension (leaving the start or after any stop). */
export function peakLoad(route) {
  const loads = [route.loadStart, ...route.stops.map((s) => s.loadAfter)];
  return Object.fromEntries(DIMENSIONS.map((d) => [d, Math.max(0, ...loads.map((l) => l?.[d] ?? 0))]));
}

/**
 * The dispatcher's vehicle list: per physical vehicle its trips, km, minutes, energy, CO2e and its peak load
 * per dimension against its capacity (share undefined when the capacity is unknown).
 */
export function vehicleSummaries(routes, scenario, builtIn) {
  const byVehicle = new Map();
  for (const r of routes) {
    const list = byVehicle.get(r.vehicle) ?? [];
    list.push(r);
    byVehicle.set(r.vehicle, list);
  }
  return [...byVehicle.entries()]
    .sort(([a], [b]) => naturalCompare(a, b))
    .map(([vehicle, trips]) => {
      const type = trips[0].vehicleType;
      const capacity = capacityOf(type, scenario, builtIn);
      const peaks = trips.map(peakLoad);
      const loads = DIMENSIONS.map((d) => {
        const peak = Math.max(...peaks.map((p) => p[d]));
        const cap = capacity?.[d];
        return { dimension: d, peak, capacity: cap, share: cap ? peak / cap : undefined };
      });
      const sum = (f) => trips.reduce((s, t) => s + t[f], 0);
      return {
        vehicle,
        vehicleType: type,
        trips: [...trips].sort((a, b) => a.trip - b.trip),
        distanceKm: sum('distanceKm'),
        durationMin: sum('durationMin'),
        energyKWh: sum('energyKWh'),
        co2eKg: sum('co2eKg'),
        stops: trips.reduce((n, t) => n + t.stops.length, 0),
        loads,
      };
    });
}

/** The KPI cards: baseline and consolidated figure of each KPI and the change in percent (positive = less). */
export const KPI_KEYS = [
  'vehicles',
  'tripsIncludingTrunk',
  'vehicleKm',
  'vehicleHours',
  'energyKWh',
  'co2eKg',
  'deliveriesPerReceiver',
  'fillRate',
];
export function kpiCards(plan) {
  return KPI_KEYS.map((key) => {
    const before = plan.baseline.kpis[key];
    const after = plan.consolidated.kpis[key];
    const savedPct = before ? ((before - after) / before) * 100 : 0;
    return { key, before, after, savedPct };
  });
}

/** The saving by cause, with its total (vehicle technology + consolidation). */
export function savingsRows(plan) {
  const b = plan.savingsBreakdown;
  return ['vehicleKm', 'energyKWh', 'co2eKg'].map((key) => ({
    key,
    vehicleTechnology: b.vehicleTechnology[key],
    consolidation: b.consolidation[key],
    total: b.vehicleTechnology[key] + b.consolidation[key],
  }));
}

/** Time rows of the Gantt: one per vehicle with its trips, then trunk trips that carry a schedule. */
export function timelineRows(plan) {
  const rows = vehicleSummaries(plan.consolidated.routes, undefined, []).map((v) => ({
    id: v.vehicle,
    kind: 'vehicle',
    bars: v.trips.map((t) => ({
      id: t.id,
      trip: t.trip,
      start: minutesOf(t.departure),
      end: minutesOf(t.returnAt),
      label: `${t.trip}`,
    })),
  }));
  // consolidated.trunk: one entry per trunk trip with departure and arrival, one row per trunk vehicle; older
  // plans hold one entry per carrier without times, which the timeline cannot place: left out, not guessed.
  const trunkRows = new Map();
  (plan.consolidated.trunk ?? []).forEach((t, i) => {
    const start = minutesOf(t.departure);
    const end = minutesOf(t.arrival);
    if (start === undefined || end === undefined) return;
    const id = t.vehicle ?? t.id ?? `trunk-${i + 1}`;
    if (!trunkRows.has(id)) trunkRows.set(id, { id, kind: 'trunk', mode: t.mode ?? 'road', bars: [] });
    trunkRows.get(id).bars.push({
      id: t.id ?? `trunk-${i + 1}`,
      trip: t.trip ?? 1,
      start,
      end,
      label: (t.carrierIds ?? (t.carrierId ? [t.carrierId] : [])).join(', '),
    });
  });
  const trunk = [...trunkRows.values()].sort((a, b) => naturalCompare(a.id, b.id));
  return [...rows, ...trunk];
}

/** Which carrier each order belongs to, and its size and kind, from the scenario. */
export function orderIndex(scenario) {
  return new Map((scenario?.orders ?? []).map((o) => [o.id, o]));
}

/**
 * A receiver's day: the vehicles that call on it in the baseline (one per carrier round stopping there) and
 * the pooled visit(s) of the consolidated plan, each with its arrival time, sorted by time.
 */
export function receiverDay(plan, receiverId) {
  const visits = (routes) =>
    routes
      .flatMap((r) =>
        r.stops
          .filter((s) => s.receiverId === receiverId)
          .map((s) => ({
            routeId: r.id,
            vehicle: r.vehicle,
            vehicleType: r.vehicleType,
            start: r.start,
            arrival: s.arrival,
            orders: s.orderIds.length,
          })),
      )
      .sort((a, b) => (minutesOf(a.arrival) ?? 0) - (minutesOf(b.arrival) ?? 0));
  return { baseline: visits(plan.baseline.routes), pooled: visits(plan.consolidated.routes) };
}

/** Receivers by how many baseline visits they get, most first: the busiest shop makes the point. */
export function receiversByBaselineVisits(plan) {
  const count = new Map();
  for (const r of plan.baseline.routes)
    for (const s of r.stops) count.set(s.receiverId, (count.get(s.receiverId) ?? 0) + 1);
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || naturalCompare(a[0], b[0]))
    .map(([id, visits]) => ({ id, visits }));
}

/**
 * One carrier's orders with their fate in the plan: pooled (vehicle and arrival), or not pooled with the
 * reason. Only that carrier's orders: the view shows nothing of the others.
 */
export function carrierOrders(plan, scenario, carrierId) {
  const where = new Map();
  for (const r of plan.consolidated.routes)
    for (const s of r.stops)
      for (const id of s.orderIds) where.set(id, { vehicle: r.vehicle, arrival: s.arrival });
  const reasons = new Map(plan.consolidated.unassigned.map((u) => [u.orderId, u.reason]));
  return (scenario?.orders ?? [])
    .filter((o) => o.carrierId === carrierId)
    .map((o) => {
      const at = where.get(o.id);
      if (at) return { order: o, status: 'pooled', vehicle: at.vehicle, arrival: at.arrival };
      return { order: o, status: 'not-pooled', reason: reasons.get(o.id) };
    });
}
