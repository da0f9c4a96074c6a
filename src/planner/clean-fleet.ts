import type { PlanRoute, PlanTask, PlanTaskResult } from '../contracts/index.ts';
import type { City, CityVehicleType } from '../domain/city.ts';
import { METRES_PER_KM } from '../domain/units.ts';
import { arcEnergyKWh, co2eKg } from '../energy/index.ts';
import { pushAll } from '../domain/arrays.ts';

const round = (x: number, digits = 3): number => Number(x.toFixed(digits));

/** How each carrier's own rounds were turned into the clean-fleet counterfactual. */
export interface CleanFleetCarrier {
  readonly carrierId: string;
  readonly baselineVehicleType: string;
  readonly vehicleType: string;
  /**
   * `same-routes`: the baseline's rounds, stop for stop, driven by the clean type (energy and CO2e
   * recomputed): the difference is pure vehicle technology. `rerouted`: the clean type could not drive
   * them (capacity, range, speed, access), so the carrier's orders were routed again with it.
   * `unchanged`: the carrier already uses the clean type.
   */
  readonly method: 'unchanged' | 'same-routes' | 'rerouted';
}

/**
 * The carrier's rounds driven by another vehicle type, stop for stop, or undefined when that type cannot
 * drive them as they are (another speed or class, other access rules at a stop, a load over its
 * capacity, a trip beyond its range or its longest route). Energy is recomputed arc by arc from the payload on board, as in report-routes.ts.
 */
export function sameRoutesWith(
  city: City,
  routes: readonly PlanRoute[],
  from: CityVehicleType,
  to: CityVehicleType,
): PlanRoute[] | undefined {
  if (to.speedKmh !== from.speedKmh || to.class !== from.class) return undefined;
  const fromIndex = city.vehicleTypes.indexOf(from);
  const toIndex = city.vehicleTypes.indexOf(to);
  const sameAccess = (receiver: number): boolean => {
    const rules = city.receivers[receiver]?.accessByType;
    return JSON.stringify(rules?.[fromIndex]) === JSON.stringify(rules?.[toIndex]);
  };
  const { place, receiverIndex } = idIndexes(city);
  const out: PlanRoute[] = [];
  for (const r of routes) {
    const start = place.get(r.start);
    if (start === undefined) return undefined;
    const loads = [r.loadStart, ...r.stops.map((s) => s.loadAfter)];
    const fits = loads.every(
      (l) => l.kg <= to.capacity[0] && l.m3 <= to.capacity[1] && l.units <= to.capacity[2],
    );
    if (!fits) return undefined;
    if (to.maxRouteS !== undefined && r.durationMin * 60 > to.maxRouteS) return undefined;
    let at = start;
    let payloadKg = r.loadStart.kg;
    let kWh = 0;
    for (const s of r.stops) {
      const next = place.get(s.receiverId) as number;
      if (!sameAccess(receiverIndex.get(s.receiverId) ?? -1)) return undefined;
      kWh += arcEnergyKWh(
        to.energy,
        city.travel.distance(at, next) / METRES_PER_KM,
        payloadKg,
        to.capacity[0],
      );
      at = next;
      payloadKg = s.loadAfter.kg;
    }
    kWh += arcEnergyKWh(
      to.energy,
      city.travel.distance(at, start) / METRES_PER_KM,
      payloadKg,
      to.capacity[0],
    );
    if (to.energy.batteryKWh !== undefined && kWh > to.energy.batteryKWh) return undefined;
    const vehicle = r.vehicle.replace(`/${from.id}#`, `/${to.id}#`);
    out.push({
      ...r,
      id: `${vehicle}/trip${r.trip}`,
      vehicle,
      vehicleType: to.id,
      energyKWh: round(kWh),
      co2eKg: round(co2eKg(to.energy, kWh)),
    });
  }
  return out;
}

interface IdIndexes {
  /** Location index of every hub, carrier (its depot) and receiver id. */
  readonly place: ReadonlyMap<string, number>;
  /** Receiver index of every receiver id. */
  readonly receiverIndex: ReadonlyMap<string, number>;
}

/** Built once per City: the counterfactual re-costs every zone of every carrier's rounds, twice. */
const idIndexesOf = new WeakMap<City, IdIndexes>();

function idIndexes(city: City): IdIndexes {
  let indexes = idIndexesOf.get(city);
  if (!indexes) {
    indexes = {
      place: new Map<string, number>([
        ...city.hubs.map((h) => [h.id, h.location] as const),
        ...city.carriers.map((c) => [c.id, c.location] as const),
        ...city.receivers.map((r) => [r.id, r.location] as const),
      ]),
      receiverIndex: new Map(city.receivers.map((r, i) => [r.id, i])),
    };
    idIndexesOf.set(city, indexes);
  }
  return indexes;
}

type BaselineTask = Extract<PlanTask, { kind: 'baseline' }>;

/** How one carrier's counterfactual is made, with its baseline results and, for `same-routes`, the re-costed routes. */
function counterfactualOf(
  city: City,
  carrier: City['carriers'][number],
  baseline: readonly PlanTaskResult[],
) {
  const from = city.vehicleTypes[carrier.baselineType] as CityVehicleType;
  const to = city.vehicleTypes[
    city.cleanTypeOf[carrier.baselineType] ?? carrier.baselineType
  ] as CityVehicleType;
  const own = baseline.filter((r) => r.task.kind === 'baseline' && r.task.carrierId === carrier.id);
  if (to === from) return { from, to, own, method: 'unchanged' as const, driven: [] };
  // orders the baseline type could not deliver (access rules) may be deliverable by the clean type
  const complete = own.every((r) => r.unassigned.length === 0);
  const driven = own.map((r) => (complete ? sameRoutesWith(city, r.routes, from, to) : undefined));
  return driven.every((d) => d !== undefined)
    ? { from, to, own, method: 'same-routes' as const, driven }
    : { from, to, own, method: 'rerouted' as const, driven: [] };
}

/**
 * The tasks `ownRoundsCleanFleet` has `reroute` solve: every zone of each carrier whose rounds the clean type
 * cannot drive as they are, with that type. Known from the baseline alone, so they can be solved beside each
 * other (on threads) before the plan is assembled.
 */
export function cleanFleetReroutes(city: City, baseline: readonly PlanTaskResult[]): BaselineTask[] {
  return city.carriers.flatMap((c) => {
    const cf = counterfactualOf(city, c, baseline);
    if (cf.method !== 'rerouted') return [];
    return cf.own.flatMap((r) => (r.task.kind === 'baseline' ? [{ ...r.task, vehicleType: cf.to.id }] : []));
  });
}

/**
 * The counterfactual of `ownRoundsCleanFleet`: each carrier's own rounds, from its own depot, with the
 * pooled fleet's vehicle technology (city.cleanTypeOf). The baseline's routes are kept whenever the clean
 * type can drive them; otherwise `reroute` routes the carrier's orders again with the clean type (the
 * same tasks and budgets as its baseline: the tasks `cleanFleetReroutes` lists).
 */
export function ownRoundsCleanFleet(
  city: City,
  baseline: readonly PlanTaskResult[],
  reroute: (task: BaselineTask) => PlanTaskResult,
): { results: PlanTaskResult[]; carriers: CleanFleetCarrier[] } {
  const results: PlanTaskResult[] = [];
  const carriers = city.carriers.map((c): CleanFleetCarrier => {
    const { from, to, own, method, driven } = counterfactualOf(city, c, baseline);
    if (method === 'unchanged') pushAll(results, own);
    else if (method === 'same-routes')
      own.forEach((r, i) => results.push({ ...r, routes: driven[i] as PlanRoute[] }));
    else
      for (const r of own)
        if (r.task.kind === 'baseline') results.push(reroute({ ...r.task, vehicleType: to.id }));
    return { carrierId: c.id, baselineVehicleType: from.id, vehicleType: to.id, method };
  });
  return { results, carriers };
}
