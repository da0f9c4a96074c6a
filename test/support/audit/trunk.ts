import type { Order, PlanRoute, TrunkLeg } from '../../../src/contracts/index.ts';
import { carrierPlace, hubPlace, isPickup, orderSize, type AuditContext } from './context.ts';
import { arcEnergyKWh, co2eKg } from './energy.ts';
import { TRUNK_DOCK_MIN } from './factors.ts';
import { close, DURATION_ROUNDING_MIN, ROUNDING_3_DECIMALS } from './tolerances.ts';
import { fmt, type Violations } from './violations.ts';

/** The auditor's own figures for one carrier's trunk leg to one hub (all its trips). */
export interface TrunkFigures {
  readonly carrierId: string;
  readonly hubId: string;
  readonly vehicleType: string;
  readonly trips: number;
  readonly distanceKm: number;
  readonly durationS: number;
  readonly energyKWh: number;
  readonly co2eKg: number;
  readonly delivery: readonly [number, number, number];
  readonly pickup: readonly [number, number, number];
}

/** Orders served by the pooled fleet, with the hub whose route carries them. */
export function pooledOrders(
  ctx: AuditContext,
  routes: readonly PlanRoute[],
): { order: Order; hubId: string }[] {
  const out: { order: Order; hubId: string }[] = [];
  for (const r of routes)
    if (ctx.hubs.has(r.start))
      for (const s of r.stops)
        for (const id of s.orderIds) {
          const order = ctx.orders.get(id);
          if (order) out.push({ order, hubId: r.start });
        }
  return out;
}

/**
 * docs/model/consolidation.md, trunk legs: per carrier and hub, with the carrier's trunk type (its
 * baseline type unless it names one), trips = max over dimensions of ceil(load / capacity), for the
 * deliveries AND the returns (at least one when anything moves); distance = trips x (out + back);
 * 20 min docking per trip; energy at the payload carried each way (deliveries / trips out, returns /
 * trips back, energy.md §4: empty running counts).
 */
export function expectedTrunk(
  ctx: AuditContext,
  pooled: readonly { order: Order; hubId: string }[],
): TrunkFigures[] {
  const flows = new Map<string, { carrierId: string; hubId: string; delivery: number[]; pickup: number[] }>();
  for (const { order, hubId } of pooled) {
    const key = JSON.stringify([order.carrierId, hubId]);
    const flow = flows.get(key) ?? {
      carrierId: order.carrierId,
      hubId,
      delivery: [0, 0, 0],
      pickup: [0, 0, 0],
    };
    const into = isPickup(order) ? flow.pickup : flow.delivery;
    orderSize(order).forEach((x, d) => (into[d] = (into[d] as number) + x));
    flows.set(key, flow);
  }
  const legs: TrunkFigures[] = [];
  for (const f of flows.values()) {
    const carrier = ctx.carriers.get(f.carrierId);
    const hub = ctx.hubs.get(f.hubId);
    const typeId = carrier && (carrier.trunkVehicleType ?? carrier.baselineVehicleType);
    const type = typeId === undefined ? undefined : ctx.types.get(typeId);
    if (!carrier || !hub || !type || typeId === undefined) continue;
    const cap = [type.capacity.kg, type.capacity.m3, type.capacity.units];
    // the 1e-9 keeps a load of exactly n capacities at n trips despite float sums
    const tripsFor = (load: readonly number[]): number =>
      Math.max(0, ...load.map((x, d) => Math.ceil(x / (cap[d] as number) - 1e-9)));
    const moves = [...f.delivery, ...f.pickup].some((x) => x > 0);
    const trips = Math.max(tripsFor(f.delivery), tripsFor(f.pickup), moves ? 1 : 0);
    const depot = carrierPlace(carrier);
    const at = hubPlace(hub);
    const outKm = ctx.travel.distanceKm(depot, at);
    const backKm = ctx.travel.distanceKm(at, depot);
    const per = Math.max(trips, 1);
    const energy =
      trips *
      (arcEnergyKWh(type.energy, outKm, (f.delivery[0] as number) / per, type.capacity.kg) +
        arcEnergyKWh(type.energy, backKm, (f.pickup[0] as number) / per, type.capacity.kg));
    legs.push({
      carrierId: carrier.id,
      hubId: hub.id,
      vehicleType: typeId,
      trips,
      distanceKm: trips * (outKm + backKm),
      durationS:
        trips *
        (ctx.travel.durationS(depot, at, type.speedKmh) +
          ctx.travel.durationS(at, depot, type.speedKmh) +
          TRUNK_DOCK_MIN * 60),
      energyKWh: energy,
      co2eKg: co2eKg(type.energy, energy),
      delivery: f.delivery as [number, number, number],
      pickup: f.pickup as [number, number, number],
    });
  }
  return legs;
}

/** The printed trunk legs against the auditor's: one per carrier and hub that sends pooled orders. */
export function auditTrunk(
  v: Violations,
  label: string,
  printed: readonly TrunkLeg[],
  expected: readonly TrunkFigures[],
): void {
  const key = (carrierId: string, hubId: string): string => JSON.stringify([carrierId, hubId]);
  const want = new Map(expected.map((t) => [key(t.carrierId, t.hubId), t]));
  const seen = new Set<string>();
  for (const leg of printed) {
    const at = `${label} trunk ${leg.carrierId} -> ${leg.hubId}`;
    const k = key(leg.carrierId, leg.hubId);
    const e = want.get(k);
    if (!e || seen.has(k)) {
      v.add(
        'TRUNK_UNEXPECTED',
        at,
        e ? 'listed twice' : 'no pooled order of this carrier goes through this hub',
      );
      continue;
    }
    seen.add(k);
    if (leg.vehicleType !== e.vehicleType)
      v.add(
        'TRUNK_VEHICLE_TYPE',
        at,
        `uses ${leg.vehicleType}, the carrier's trunk type is ${e.vehicleType}`,
      );
    if (leg.trips !== e.trips)
      v.add('TRUNK_TRIPS_MISMATCH', at, `${leg.trips} trips, loads out and back need ${e.trips}`);
    if (!close(leg.distanceKm, e.distanceKm, ROUNDING_3_DECIMALS))
      v.add('TRUNK_DISTANCE_MISMATCH', at, `distanceKm ${leg.distanceKm}, recomputed ${fmt(e.distanceKm)}`);
    if (!close(leg.durationMin, e.durationS / 60, DURATION_ROUNDING_MIN + 1e-9))
      v.add(
        'TRUNK_DURATION_MISMATCH',
        at,
        `durationMin ${leg.durationMin}, recomputed ${fmt(e.durationS / 60)}`,
      );
    if (!close(leg.energyKWh, e.energyKWh, ROUNDING_3_DECIMALS))
      v.add('TRUNK_ENERGY_MISMATCH', at, `energyKWh ${leg.energyKWh}, recomputed ${fmt(e.energyKWh)}`);
    if (!close(leg.co2eKg, e.co2eKg, ROUNDING_3_DECIMALS))
      v.add('TRUNK_CO2E_MISMATCH', at, `co2eKg ${leg.co2eKg}, recomputed ${fmt(e.co2eKg)}`);
    const load = [leg.load.kg, leg.load.m3, leg.load.units];
    if (load.some((x, d) => !close(x, e.delivery[d] as number, ROUNDING_3_DECIMALS)))
      v.add('TRUNK_LOAD_MISMATCH', at, `load [${load}], pooled deliveries [${e.delivery.map(fmt)}]`);
  }
  for (const [k, e] of want)
    if (!seen.has(k))
      v.add('TRUNK_MISSING', `${label} trunk ${e.carrierId} -> ${e.hubId}`, 'pooled orders but no trunk leg');
}
