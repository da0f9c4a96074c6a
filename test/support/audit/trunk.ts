import type { Order, PlanRoute, TrunkTrip } from '../../../src/contracts/index.ts';
import { hubPlace, type AuditContext } from './context.ts';
import {
  INTERMODAL_CO2E_G_PER_TONNE_KM,
  INTERMODAL_KWH_PER_G_CO2E,
  TRUNK_DOCK_MIN,
  TRUNK_HANDLING_MIN,
  TRUNK_MAX_TRIPS,
} from './factors.ts';
import { close, ROUNDING_3_DECIMALS, TIME_TOLERANCE_S } from './tolerances.ts';
import { fmt, type Violations } from './violations.ts';
import { auditSecondEchelon } from './echelons.ts';
import { auditRoadTrip, type TrunkFigures } from './road-trip.ts';

export type { TrunkFigures } from './road-trip.ts';

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
  // two echelons: a fed micro-hub's orders go first to its platform, and must be in (and handled) there
  // before the feeder carrying them on leaves
  const second = auditSecondEchelon(
    ctx,
    v,
    label,
    printed.filter((t) => t.echelon === 2),
    pooled,
  );
  const platformOf = (hubId: string): string | undefined => ctx.hubs.get(hubId)?.feeder?.hubId;
  const figures: TrunkFigures[] = [...second.figures];
  for (const trip of printed) {
    if (trip.echelon === 2) continue;
    const at = `${label} trunk ${trip.id}`;
    const hub = ctx.hubs.get(trip.hubId);
    if (!hub) {
      v.add('TRUNK_UNEXPECTED', at, `unknown hub ${trip.hubId}`);
      continue;
    }
    if ((trip.day === -1) === sameDay || trip.day !== (sameDay ? 0 : -1))
      v.add('TRUNK_SCHEDULE', at, `day ${trip.day}, ${sameDay ? 'same-day' : 'night-before'} trunking`);
    const terminal = legs.get(trip.to)?.terminal;
    figures.push(
      trip.mode === 'road'
        ? auditRoadTrip(ctx, v, at, trip, {
            base: terminal ? { id: trip.to, location: terminal } : hubPlace(hub),
            hoursOf: terminal ? undefined : hub,
            stops: 'depots',
          })
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
        const platform = platformOf(p.hubId);
        const dest = platform ?? p.hubId;
        if (dest !== trip.hubId)
          v.add(
            'TRUNK_UNEXPECTED',
            at,
            `order ${id} is pooled through ${p.hubId}${platform ? `, fed by platform ${platform}` : ''}`,
          );
        const leg = legOf(dest, p.order.carrierId);
        if (leg && (trip.mode === 'road' || trip.vehicleType !== leg.id))
          v.add('TRUNK_UNEXPECTED', at, `order ${id} of ${p.order.carrierId} should take leg ${leg.id}`);
        if (leg && toTerminal.get(id) !== leg.id && trip.mode !== 'road')
          v.add(
            'TRUNK_UNEXPECTED',
            at,
            `order ${id} sails on ${leg.id} without road pre-haul to its terminal`,
          );
        if (platform) {
          auditRelease(v, at, trip, s, id, handlingS, second.leavesSec.get(id));
          continue;
        }
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
      v.add(
        'TRUNK_MISSING',
        `${label} trunk`,
        `pooled order ${id} never reaches hub ${platformOf(p.hubId) ?? p.hubId}`,
      );
  auditTrunkVehicles(v, label, printed, ctx);
  return figures;
}

/**
 * A fed order's first echelon reaches its platform, plus handling, before the feeder carrying it on leaves
 * (same-day; night-before both run the evening before in that order), or its depot stop says how late.
 */
function auditRelease(
  v: Violations,
  at: string,
  trip: TrunkTrip,
  stop: TrunkTrip['stops'][number],
  id: string,
  handlingS: number,
  leavesSec: number | undefined,
): void {
  if (leavesSec === undefined) return; // no feeder carries it: ECHELON_MISSING says so
  const lateS = trip.arrivalSec + handlingS - leavesSec;
  const reported = trip.mode === 'road' ? (stop.lateMin ?? 0) * 60 : 0;
  if (lateS > TIME_TOLERANCE_S && reported + 6 + TIME_TOLERANCE_S < lateS)
    v.add(
      'ECHELON_RELEASE',
      at,
      `order ${id} ready at its platform ${fmt(lateS / 60)} min after its feeder leaves, reported ${stop.lateMin ?? 0}`,
    );
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
    // a feeder vehicle (second echelon) keeps its micro-hub's feeder settings
    const feeder = trips[0]?.echelon === 2 ? ctx.hubs.get(trips[0].hubId)?.feeder : undefined;
    const given =
      feeder ?? (ctx.scenario.trunkFleet ?? []).find((f) => trips[0] && f.hubId === trips[0].hubId);
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
