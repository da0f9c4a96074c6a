import type { Feeder, Hub, Order, TrunkTrip } from '../../../src/contracts/index.ts';
import { hubPlace, isPickup, type AuditContext } from './context.ts';
import {
  FEEDER_VEHICLE_TYPE,
  INTERMODAL_CAPACITY_KG,
  INTERMODAL_CO2E_G_PER_TONNE_KM,
  INTERMODAL_HANDLING_MIN,
  INTERMODAL_KWH_PER_G_CO2E,
  INTERMODAL_SPEED_KMH,
  TRUNK_HANDLING_MIN,
} from './factors.ts';
import { auditRoadTrip, clock, type TrunkFigures } from './road-trip.ts';
import { close, DURATION_ROUNDING_MIN, ROUNDING_3_DECIMALS, TIME_TOLERANCE_S } from './tolerances.ts';
import { fmt, type Violations } from './violations.ts';

/** The second echelon as audited: its trips' figures, and when each fed order leaves its platform. */
export interface SecondEchelon {
  readonly figures: TrunkFigures[];
  /** Order id -> when the feeder carrying it leaves the platform (a sailing: when its loading starts). */
  readonly leavesSec: ReadonlyMap<string, number>;
}

const DAY_S = 24 * 3600;

/**
 * docs/model/consolidation.md, two echelons: every order pooled at a fed micro-hub travels platform -> micro-hub
 * exactly once, on the plan's day (whatever the first echelon's schedule), on its feeder's mode (road in its vehicle type, default a rigid truck, based at the platform in
 * its hours, stopping at the micro-hub in its hours with 15 min unloading; or one barge or rail day over the
 * feeder's length, speed and handling), and its goods are ready there (unloaded + 30 min handling) before the
 * pooled trip carrying them leaves, or the stop says how late. Road figures are checked as any trunk trip's.
 */
export function auditSecondEchelon(
  ctx: AuditContext,
  v: Violations,
  label: string,
  trips: readonly TrunkTrip[],
  pooled: readonly { order: Order; hubId: string; departureSec: number }[],
): SecondEchelon {
  const handlingS = (ctx.scenario.options?.trunking?.handlingMinutes ?? TRUNK_HANDLING_MIN) * 60;
  const want = new Map(pooled.filter((p) => ctx.hubs.get(p.hubId)?.feeder).map((p) => [p.order.id, p]));
  const leavesSec = new Map<string, number>();
  const figures: TrunkFigures[] = [];
  for (const trip of trips) {
    const at = `${label} trunk ${trip.id}`;
    const micro = ctx.hubs.get(trip.hubId);
    const feeder = micro?.feeder;
    const platform = feeder && ctx.hubs.get(feeder.hubId);
    const mode = feeder?.mode ?? 'road';
    if (
      !micro ||
      !feeder ||
      !platform ||
      trip.from !== feeder.hubId ||
      trip.to !== micro.id ||
      trip.mode !== mode
    ) {
      v.add(
        'ECHELON_UNEXPECTED',
        at,
        feeder
          ? `${trip.mode} from ${trip.from} to ${trip.to}: ${micro?.id} is fed by ${mode} from ${feeder.hubId}`
          : `${trip.hubId} is fed by no platform`,
      );
      continue;
    }
    if (trip.day !== 0) v.add('TRUNK_SCHEDULE', at, `day ${trip.day}: feeders run on the plan's day`);
    const type = feeder.vehicleType ?? FEEDER_VEHICLE_TYPE;
    if (mode === 'road' && trip.vehicleType !== type)
      v.add('ECHELON_UNEXPECTED', at, `vehicle type ${trip.vehicleType}, ${micro.id}'s feeder runs ${type}`);
    figures.push(
      mode === 'road'
        ? auditRoadTrip(ctx, v, at, trip, { base: hubPlace(platform), hoursOf: platform, stops: 'micro-hub' })
        : auditFeederSailing(ctx, v, at, trip, feeder, platform),
    );
    for (const s of trip.stops)
      for (const id of s.orderIds) {
        const p = want.get(id);
        if (!p || p.hubId !== trip.hubId) {
          v.add('ECHELON_UNEXPECTED', at, `order ${id} is not pooled through ${trip.hubId}`);
          continue;
        }
        if (leavesSec.has(id)) v.add('ECHELON_UNEXPECTED', at, `order ${id} fed to ${trip.hubId} twice`);
        leavesSec.set(id, mode === 'road' ? trip.departureSec : s.arrivalSec);
        const lateS = (mode === 'road' ? s.departureSec : trip.arrivalSec) + handlingS - p.departureSec;
        const reported = mode === 'road' ? (s.lateMin ?? 0) * 60 : 0;
        if (lateS > TIME_TOLERANCE_S && reported + 6 + TIME_TOLERANCE_S < lateS)
          v.add(
            'TRUNK_LATE',
            at,
            `order ${id} ready at ${trip.hubId} ${fmt(lateS / 60)} min after its pooled trip leaves, reported ${s.lateMin ?? 0}`,
          );
      }
  }
  for (const [id, p] of want)
    if (!leavesSec.has(id))
      v.add(
        'ECHELON_MISSING',
        `${label} trunk`,
        `order ${id} pooled at ${p.hubId} never comes from its platform`,
      );
  auditFeederFleets(ctx, v, label, trips);
  return { figures, leavesSec };
}

/**
 * A micro-hub's barge or rail day: leaves the platform (in its hours) after loading, arrives after the
 * feeder's length at its speed and unloading; one sailing per payload of goods (or returns); tonne-km of goods
 * and returns over its length, at its intensities (defaults: docs/model/energy.md).
 */
function auditFeederSailing(
  ctx: AuditContext,
  v: Violations,
  at: string,
  trip: TrunkTrip,
  feeder: Feeder,
  platform: Hub,
): TrunkFigures {
  const mode = trip.mode as 'barge' | 'rail';
  const lengthKm = feeder.lengthKm ?? 0;
  const handlingS = (feeder.handlingMinutes ?? INTERMODAL_HANDLING_MIN) * 60;
  const travelS = (lengthKm / (feeder.speedKmh ?? INTERMODAL_SPEED_KMH[mode])) * 3600;
  const stop = trip.stops[0];
  if (trip.stops.length !== 1 || !stop || stop.id !== platform.id || stop.kind !== 'terminal')
    v.add('TRUNK_STOP_MISMATCH', at, `a ${mode} feeder loads at its platform ${platform.id} only`);
  const goods = [0, 0];
  for (const id of trip.stops.flatMap((s) => s.orderIds)) {
    const o = ctx.orders.get(id);
    if (o) goods[isPickup(o) ? 1 : 0] = (goods[isPickup(o) ? 1 : 0] as number) + o.size.kg;
  }
  const slack = ROUNDING_3_DECIMALS * 4;
  if (!close(trip.load.kg, goods[0] as number, slack) || !close(trip.returns.kg, goods[1] as number, slack))
    v.add(
      'TRUNK_LOAD_MISMATCH',
      at,
      `load ${trip.load.kg} kg / returns ${trip.returns.kg} kg, its orders ${fmt(goods[0] as number)} / ${fmt(goods[1] as number)}`,
    );
  const sailings = Math.max(
    1,
    Math.ceil(
      Math.max(trip.load.kg, trip.returns.kg) / (feeder.capacityKg ?? INTERMODAL_CAPACITY_KG[mode]) - 1e-9,
    ),
  );
  if (!close(trip.distanceKm, lengthKm * sailings, slack))
    v.add('TRUNK_DISTANCE_MISMATCH', at, `distanceKm ${trip.distanceKm}, ${sailings} × ${lengthKm} km`);
  const loadingSec = trip.departureSec - handlingS;
  if (
    !close(trip.arrivalSec, trip.departureSec + travelS + handlingS, TIME_TOLERANCE_S) ||
    (stop &&
      (!close(stop.arrivalSec, loadingSec, TIME_TOLERANCE_S) ||
        !close(stop.departureSec, trip.departureSec, TIME_TOLERANCE_S))) ||
    loadingSec + TIME_TOLERANCE_S < clock(platform.open) + trip.day * DAY_S
  )
    v.add(
      'TRUNK_SCHEDULE',
      at,
      `loads from ${fmt(loadingSec)} s, leaves ${fmt(trip.departureSec)} s, arrives ${fmt(trip.arrivalSec)} s: ` +
        `recomputed arrival ${fmt(trip.departureSec + travelS + handlingS)} s, platform opens ${platform.open}`,
    );
  if (!close(trip.durationMin, (trip.arrivalSec - trip.departureSec) / 60, DURATION_ROUNDING_MIN + 1e-9))
    v.add('TRUNK_DURATION_MISMATCH', at, `durationMin ${trip.durationMin}`);
  const tonneKm = ((trip.load.kg + trip.returns.kg) / 1000) * lengthKm;
  const g = feeder.co2eGPerTonneKm ?? INTERMODAL_CO2E_G_PER_TONNE_KM[mode];
  const kWh = tonneKm * (feeder.kWhPerTonneKm ?? g * INTERMODAL_KWH_PER_G_CO2E);
  const co2e = (tonneKm * g) / 1000;
  if (!close(trip.tonneKm, tonneKm, slack))
    v.add('TRUNK_TONNE_KM_MISMATCH', at, `tonneKm ${trip.tonneKm}, recomputed ${fmt(tonneKm)}`);
  if (!close(trip.energyKWh, kWh, slack))
    v.add('TRUNK_ENERGY_MISMATCH', at, `energyKWh ${trip.energyKWh}, recomputed ${fmt(kWh)}`);
  if (!close(trip.co2eKg, co2e, slack))
    v.add('TRUNK_CO2E_MISMATCH', at, `co2eKg ${trip.co2eKg}, recomputed ${fmt(co2e)}`);
  return { trip, distanceKm: 0, durationS: 0, energyKWh: kWh, co2eKg: co2e, tonneKm };
}

/** A road feeder uses at most its `count` vehicles (when given). */
function auditFeederFleets(
  ctx: AuditContext,
  v: Violations,
  label: string,
  trips: readonly TrunkTrip[],
): void {
  for (const hub of ctx.scenario.hubs) {
    const count = hub.feeder?.count;
    if (count === undefined) continue;
    const used = new Set(trips.filter((t) => t.hubId === hub.id && t.mode === 'road').map((t) => t.vehicle))
      .size;
    if (used > count)
      v.add(
        'ECHELON_UNEXPECTED',
        `${label} trunk`,
        `${used} feeder vehicles to ${hub.id}, its feeder has ${count}`,
      );
  }
}
