import type { Order, PlanRoute, TrunkTrip } from '../../../src/contracts/index.ts';
import { carrierPlace, hubPlace, isPickup, orderSize, type AuditContext } from './context.ts';
import { arcEnergyKWh, co2eKg } from './energy.ts';
import {
  INTERMODAL_CO2E_G_PER_TONNE_KM,
  INTERMODAL_KWH_PER_G_CO2E,
  TRUNK_DOCK_MIN,
  TRUNK_HANDLING_MIN,
  TRUNK_LOAD_MIN,
  TRUNK_MAX_TRIPS,
} from './factors.ts';
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

/** Orders served by the pooled fleet, with the hub whose route carries them and when that trip leaves. */
export function pooledOrders(
  ctx: AuditContext,
  routes: readonly PlanRoute[],
): { order: Order; hubId: string; departureSec: number }[] {
  const out: { order: Order; hubId: string; departureSec: number }[] = [];
  for (const r of routes)
    if (ctx.hubs.has(r.start))
      for (const s of r.stops)
        for (const id of s.orderIds) {
          const order = ctx.orders.get(id);
          if (order) out.push({ order, hubId: r.start, departureSec: r.departureSec ?? 0 });
        }
  return out;
}

const DAY_S = 24 * 3600;
const sizeOf = (x: { kg: number; m3: number; units: number }): number[] => [x.kg, x.m3, x.units];

/**
 * docs/model/consolidation.md, trunk: every pooled order travels to its hub exactly once, on a road trip
 * to the hub, or by road to its carrier's barge or rail terminal and then on that leg; road trips start and
 * end at their base (the hub, in its opening hours, or the terminal), visit carrier depots, load there the
 * carrier's deliveries and unload its returns, never exceed the vehicle's capacity, and their distance,
 * times (15 min loading per depot, 20 min docking between a vehicle's trips, at most 4 trips), energy at the
 * payload on board, CO2e and tonne-km are recomputed here; sailings at their leg's intensities. Night-before
 * trips run the day before; same-day goods reach the hub 30 min (handling) before their pooled trip leaves,
 * or the stop says how late (`lateMin`).
 */
export function auditTrunk(
  ctx: AuditContext,
  v: Violations,
  label: string,
  printed: readonly TrunkTrip[],
  pooled: readonly { order: Order; hubId: string; departureSec: number }[],
): TrunkFigures[] {
  const legs = new Map((ctx.scenario.intermodalLegs ?? []).map((l) => [l.id, l]));
  const legOf = (hubId: string, carrierId: string) =>
    (ctx.scenario.intermodalLegs ?? []).find((l) => l.hubId === hubId && l.carrierIds.includes(carrierId));
  const sameDay = ctx.scenario.options?.trunking?.schedule === 'same-day';
  const handlingS = (ctx.scenario.options?.trunking?.handlingMinutes ?? TRUNK_HANDLING_MIN) * 60;
  const want = new Map(pooled.map((p) => [p.order.id, p]));
  const toHub = new Map<string, number>(); // order -> arrival at its hub (s)
  const toTerminal = new Map<string, string>(); // order -> leg id it was brought to by road
  const figures: TrunkFigures[] = [];
  for (const trip of printed) {
    const at = `${label} trunk ${trip.id}`;
    const hub = ctx.hubs.get(trip.hubId);
    if (!hub) {
      v.add('TRUNK_UNEXPECTED', at, `unknown hub ${trip.hubId}`);
      continue;
    }
    if ((trip.day === -1) === sameDay || trip.day !== (sameDay ? 0 : -1))
      v.add('TRUNK_SCHEDULE', at, `day ${trip.day}, ${sameDay ? 'same-day' : 'night-before'} trunking`);
    figures.push(
      trip.mode === 'road'
        ? auditRoadTrip(ctx, v, at, trip, legs.get(trip.to)?.terminal, hubPlace(hub))
        : auditSailing(v, at, trip, legs.get(trip.vehicleType)),
    );
    for (const s of trip.stops)
      for (const id of s.orderIds) {
        if (trip.mode === 'road' && trip.to !== trip.hubId) {
          if (toTerminal.has(id)) v.add('TRUNK_UNEXPECTED', at, `order ${id} brought to a terminal twice`);
          toTerminal.set(id, trip.to);
          continue;
        }
        if (toHub.has(id)) v.add('TRUNK_UNEXPECTED', at, `order ${id} carried to the hub twice`);
        toHub.set(id, trip.arrivalSec);
        const p = want.get(id);
        if (!p) {
          v.add('TRUNK_UNEXPECTED', at, `order ${id} is not pooled through ${trip.hubId}`);
          continue;
        }
        if (p.hubId !== trip.hubId) v.add('TRUNK_UNEXPECTED', at, `order ${id} is pooled through ${p.hubId}`);
        const leg = legOf(p.hubId, p.order.carrierId);
        if (leg && (trip.mode === 'road' || trip.vehicleType !== leg.id))
          v.add('TRUNK_UNEXPECTED', at, `order ${id} of ${p.order.carrierId} should take leg ${leg.id}`);
        if (leg && toTerminal.get(id) !== leg.id && trip.mode !== 'road')
          v.add(
            'TRUNK_UNEXPECTED',
            at,
            `order ${id} sails on ${leg.id} without road pre-haul to its terminal`,
          );
        const lateS = trip.arrivalSec + handlingS - p.departureSec;
        const reported = (s.lateMin ?? 0) * 60;
        if (lateS > TIME_TOLERANCE_S && reported + 6 + TIME_TOLERANCE_S < lateS && trip.mode === 'road')
          v.add(
            'TRUNK_LATE',
            at,
            `order ${id} ready ${fmt(lateS / 60)} min after its pooled trip leaves, reported ${s.lateMin ?? 0}`,
          );
        if (lateS > TIME_TOLERANCE_S && trip.mode !== 'road')
          v.add('TRUNK_LATE', at, `order ${id} ready ${fmt(lateS / 60)} min after its pooled trip leaves`);
      }
  }
  for (const [id, p] of want)
    if (!toHub.has(id))
      v.add('TRUNK_MISSING', `${label} trunk`, `pooled order ${id} never reaches hub ${p.hubId}`);
  auditTrunkVehicles(v, label, printed, ctx);
  return figures;
}

/** One road trip: stops, loads per dimension, times, hub hours, distance, energy, CO2e and tonne-km. */
function auditRoadTrip(
  ctx: AuditContext,
  v: Violations,
  at: string,
  trip: TrunkTrip,
  terminal: readonly number[] | undefined,
  hub: Place,
): TrunkFigures {
  const type = ctx.types.get(trip.vehicleType);
  const base: Place = terminal ? { id: trip.to, location: terminal } : hub;
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
    const carrier = ctx.carriers.get(s.id);
    if (!carrier || s.kind !== 'depot') {
      v.add('TRUNK_STOP_MISMATCH', at, `stop ${s.id} is not a carrier depot`);
      continue;
    }
    const depot = carrierPlace(carrier);
    const goods = [0, 0, 0];
    const returns = [0, 0, 0];
    for (const id of s.orderIds) {
      const o = ctx.orders.get(id);
      if (!o || o.carrierId !== carrier.id) {
        v.add('TRUNK_STOP_MISMATCH', at, `order ${id} is not ${carrier.id}'s`);
        continue;
      }
      orderSize(o).forEach(
        (x, d) => ((isPickup(o) ? returns : goods)[d] = (isPickup(o) ? returns : goods)[d]! + x),
      );
    }
    if (goods.some((x, d) => !close(x, sizeOf(s.loaded)[d] as number, ROUNDING_3_DECIMALS)))
      v.add(
        'TRUNK_LOAD_MISMATCH',
        at,
        `${s.id} loaded [${sizeOf(s.loaded)}], its orders' goods [${goods.map(fmt)}]`,
      );
    if (returns.some((x, d) => !close(x, sizeOf(s.unloaded)[d] as number, ROUNDING_3_DECIMALS)))
      v.add(
        'TRUNK_LOAD_MISMATCH',
        at,
        `${s.id} unloaded [${sizeOf(s.unloaded)}], its orders' returns [${returns.map(fmt)}]`,
      );
    const arcKm = ctx.travel.distanceKm(place, depot);
    kWh += arcEnergyKWh(type.energy, arcKm, load[0] as number, type.capacity.kg);
    km += arcKm;
    along.push(km);
    const reach = t + ctx.travel.durationS(place, depot, type.speedKmh);
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
  const arrive = t + ctx.travel.durationS(place, base, type.speedKmh);
  if (!close(trip.arrivalSec, arrive, TIME_TOLERANCE_S))
    v.add('TRUNK_SCHEDULE', at, `arrives at ${fmt(trip.arrivalSec)} s, recomputed ${fmt(arrive)} s`);
  if (!terminal) {
    const hubOf = ctx.hubs.get(trip.hubId);
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
  const goods = trip.stops.reduce((s, x) => s + x.loaded.kg, 0);
  if (!close(trip.load.kg, goods, ROUNDING_3_DECIMALS * (1 + trip.stops.length)))
    v.add('TRUNK_LOAD_MISMATCH', at, `load ${trip.load.kg} kg, its stops load ${fmt(goods)} kg`);
  return { trip, distanceKm: km, durationS, energyKWh: kWh, co2eKg: co2e, tonneKm };
}

/** A barge or train sailing: tonne-km of goods and returns over the leg's length, at the leg's intensities. */
function auditSailing(
  v: Violations,
  at: string,
  trip: TrunkTrip,
  leg:
    | {
        lengthKm: number;
        mode: string;
        co2eGPerTonneKm?: number | undefined;
        kWhPerTonneKm?: number | undefined;
      }
    | undefined,
): TrunkFigures {
  if (!leg || leg.mode !== trip.mode) {
    v.add('TRUNK_UNEXPECTED', at, `no ${trip.mode} leg ${trip.vehicleType}`);
    return { trip, distanceKm: 0, durationS: 0, energyKWh: 0, co2eKg: 0, tonneKm: 0 };
  }
  const tonneKm = ((trip.load.kg + trip.returns.kg) / 1000) * leg.lengthKm;
  const g = leg.co2eGPerTonneKm ?? INTERMODAL_CO2E_G_PER_TONNE_KM[trip.mode as 'barge' | 'rail'];
  const kWh = tonneKm * (leg.kWhPerTonneKm ?? g * INTERMODAL_KWH_PER_G_CO2E);
  const co2e = (tonneKm * g) / 1000;
  if (!close(trip.tonneKm, tonneKm, ROUNDING_3_DECIMALS * 4))
    v.add('TRUNK_TONNE_KM_MISMATCH', at, `tonneKm ${trip.tonneKm}, recomputed ${fmt(tonneKm)}`);
  if (!close(trip.energyKWh, kWh, ROUNDING_3_DECIMALS * 4))
    v.add('TRUNK_ENERGY_MISMATCH', at, `energyKWh ${trip.energyKWh}, recomputed ${fmt(kWh)}`);
  if (!close(trip.co2eKg, co2e, ROUNDING_3_DECIMALS * 4))
    v.add('TRUNK_CO2E_MISMATCH', at, `co2eKg ${trip.co2eKg}, recomputed ${fmt(co2e)}`);
  return { trip, distanceKm: 0, durationS: 0, energyKWh: kWh, co2eKg: co2e, tonneKm };
}

/** A trunk vehicle's trips do not overlap, keep 20 min docking between them, and number at most 4. */
function auditTrunkVehicles(
  v: Violations,
  label: string,
  printed: readonly TrunkTrip[],
  ctx: AuditContext,
): void {
  const byVehicle = new Map<string, TrunkTrip[]>();
  for (const t of printed)
    if (t.mode === 'road') byVehicle.set(t.vehicle, [...(byVehicle.get(t.vehicle) ?? []), t]);
  for (const [vehicle, trips] of byVehicle) {
    const given = (ctx.scenario.trunkFleet ?? []).find((f) => trips[0] && f.hubId === trips[0].hubId);
    const max = given?.maxTrips ?? TRUNK_MAX_TRIPS;
    if (trips.length > max)
      v.add('TRUNK_SCHEDULE', `${label} trunk ${vehicle}`, `${trips.length} trips, at most ${max}`);
    const sorted = [...trips].sort((a, b) => a.departureSec - b.departureSec);
    const dockS = (given?.reloadMinutes ?? TRUNK_DOCK_MIN) * 60;
    sorted.slice(1).forEach((t, i) => {
      const prev = sorted[i] as TrunkTrip;
      if (t.departureSec + TIME_TOLERANCE_S < prev.arrivalSec + dockS)
        v.add(
          'TRUNK_SCHEDULE',
          `${label} trunk ${t.id}`,
          `leaves ${fmt((prev.arrivalSec + dockS - t.departureSec) / 60)} min before its vehicle is docked and free`,
        );
    });
  }
}

const clock = (hhmm: string): number => {
  const [h, m] = hhmm.split(':');
  return Number(h) * 3600 + Number(m) * 60;
};
