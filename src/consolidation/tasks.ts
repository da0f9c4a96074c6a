import type { City } from '../domain/city.ts';
import type { RoutingVehicle } from '../domain/routing-problem.ts';
import { ordersByCarrier } from './orders-by-carrier.ts';
import { planCarrierRounds, type CarrierRounds } from './carrier-rounds.ts';
import { chooseFacilities, type FacilityChoice } from './facility.ts';
import { hubVehicles, planPooledRuns, type PooledRuns } from './pooled-runs.ts';
import { solveIterations } from './effort.ts';
import type { SolveBudget, SolveContext } from './solve-context.ts';
import { sectorZones, splitCount, zoneCount } from './zones.ts';
import { pushInto } from '../domain/arrays.ts';

/** A carrier's own rounds (baseline) or a hub's pooled runs, in one zone of `zones`. */
export type RoutingTask =
  | {
      readonly kind: 'baseline';
      readonly carrier: number;
      readonly zone: number;
      readonly zones: number;
      /** Another vehicle type than the carrier's baseline type (the clean-fleet counterfactual). */
      readonly vehicleType?: number | undefined;
    }
  | { readonly kind: 'pooled'; readonly hub: number; readonly zone: number; readonly zones: number };

/** Share of the wall-clock cap given to the baseline; the pooled runs get most of the rest. */
export const BASELINE_SHARE = 0.4;
/** Share of the wall-clock cap kept for routing unpooled orders with their carriers after the pooled runs. */
export const RESIDUAL_SHARE = 0.05;
/**
 * Share of the wall-clock cap of each trunk problem, on top of the others (a shared trunk problem is small:
 * 1.3 s for the Lille day's 43 consignments at a load of 15 on 2 cores, against 6 s here).
 */
export const TRUNK_SHARE = 0.05;

/** Receivers of each carrier's orders, and of each hub after hub assignment. */
function receiversOf(orders: readonly number[], city: City): number[] {
  return [...new Set(orders.map((o) => (city.orders[o] as { receiver: number }).receiver))].sort(
    (a, b) => a - b,
  );
}

const facilityChoices = new WeakMap<City, FacilityChoice>();

/** Which hubs open and who goes where, computed once per City: the model is the same for every task. */
export function facilityChoice(city: City): FacilityChoice {
  let choice = facilityChoices.get(city);
  if (!choice) {
    choice = chooseFacilities(city);
    facilityChoices.set(city, choice);
  }
  return choice;
}

/**
 * Records the facility model's answer for a city built from the same scenario and options as the one it was
 * computed for (a thread's copy of the day): the model is deterministic, so this is only work saved (about a
 * second per thread on a 10,000-receiver day, before its first pooled task).
 */
export function adoptFacilityChoice(city: City, choice: FacilityChoice): void {
  if (!facilityChoices.has(city)) facilityChoices.set(city, choice);
}

/** The hub of each receiver (-1: none). */
export function receiverHubs(city: City): readonly number[] {
  return facilityChoice(city).hubOf;
}

export function pooledOrdersByHub(city: City, hubOf: readonly number[] = receiverHubs(city)): number[][] {
  const perHub = city.hubs.map((): number[] => []);
  city.orders.forEach((o, i) => perHub[hubOf[o.receiver] ?? -1]?.push(i));
  return perHub;
}

/** Every independent task of the day, zones sized by the city's maxStopsPerZone: carriers' rounds, then pooled runs. */
export function listTasks(city: City): RoutingTask[] {
  return [...listTasksOf(city, 'baseline'), ...listTasksOf(city, 'pooled')];
}

/**
 * The day's tasks of one kind. The carriers' rounds need no facility model (only the pooled runs do): a caller
 * with threads starts them while it solves the model.
 */
export function listTasksOf(city: City, kind: RoutingTask['kind']): RoutingTask[] {
  const tasks: RoutingTask[] = [];
  const owners = kind === 'baseline' ? ordersByCarrier(city) : pooledOrdersByHub(city);
  owners.forEach((orders, owner) => {
    const zones = zoneCount(receiversOf(orders, city).length, city.maxStopsPerZone);
    for (let zone = 0; zone < zones && orders.length > 0; zone++)
      tasks.push(
        kind === 'baseline' ? { kind, carrier: owner, zone, zones } : { kind, hub: owner, zone, zones },
      );
  });
  return tasks;
}

/** Orders of a task's zone: the carrier's (or the hub's) orders to the receivers in that sector. */
function zoneOrders(city: City, orders: readonly number[], center: number, zones: number): number[][] {
  if (zones <= 1) return [[...orders]];
  const sectors = sectorZones(city, center, receiversOf(orders, city), zones);
  const zoneOf = new Map(sectors.flatMap((rs, z) => rs.map((r) => [r, z] as const)));
  const out = sectors.map((): number[] => []);
  for (const o of orders) out[zoneOf.get((city.orders[o] as { receiver: number }).receiver) ?? -1]?.push(o);
  return out;
}

/**
 * Each carrier's and hub's orders by zone, per City: a day's tasks ask for their orders many times (budgets,
 * the fleet split between zones, the run itself, the counterfactual's tasks), and each split sorts the
 * owner's receivers and walks the day's orders.
 */
const zoneSplits = new WeakMap<City, Map<string, readonly (readonly number[])[]>>();

function zoneSplit(city: City, task: RoutingTask): readonly (readonly number[])[] {
  let perCity = zoneSplits.get(city);
  if (!perCity) zoneSplits.set(city, (perCity = new Map()));
  const owner = task.kind === 'baseline' ? task.carrier : task.hub;
  const key = `${task.kind}:${owner}:${task.zones}`;
  let split = perCity.get(key);
  if (!split) {
    const center = task.kind === 'baseline' ? city.carriers[owner]?.location : city.hubs[owner]?.location;
    const orders = task.kind === 'baseline' ? ordersByCarrier(city)[owner] : pooledOrdersByHub(city)[owner];
    split = center === undefined ? [] : zoneOrders(city, orders ?? [], center, task.zones);
    perCity.set(key, split);
  }
  return split;
}

/** The number of stops a task routes: its weight when the time limit is shared. */
export function taskStops(city: City, task: RoutingTask): number {
  return receiversOf(taskOrders(city, task), city).length;
}

export function taskOrders(city: City, task: RoutingTask): number[] {
  return [...(zoneSplit(city, task)[task.zone] ?? [])];
}

/**
 * Budget of each task: iterations from its own size and kind (effort.ts), and its share of the wall-clock
 * cap (the baseline's and the pooled runs' shares split between their tasks by stops).
 */
export function taskBudgets(city: City, tasks: readonly RoutingTask[]): SolveBudget[] {
  const stops = tasks.map((t) => taskStops(city, t));
  const total = (kind: RoutingTask['kind']): number =>
    Math.max(
      1,
      tasks.reduce((s, t, i) => s + (t.kind === kind ? (stops[i] as number) : 0), 0),
    );
  const totals = { baseline: total('baseline'), pooled: total('pooled') };
  return tasks.map((t, i) => {
    const n = stops[i] as number;
    const capShare =
      t.kind === 'baseline' ? BASELINE_SHARE : 1 - BASELINE_SHARE - RESIDUAL_SHARE - TRUNK_SHARE;
    return {
      iterations: solveIterations(city.effort, t.kind === 'baseline' ? 'carrier' : 'pooled', n),
      timeLimitMs: (city.timeLimitS * 1000 * capShare * n) / totals[t.kind],
    };
  });
}

/**
 * Budget for routing `orders` orders no hub could pool with their carriers: iterations as a carrier's own
 * rounds of that size; of the wall-clock cap, the residual share, or the baseline's share for that many
 * orders when more (a day whose hubs pool little re-routes much).
 */
export function residualBudget(city: City, orders: number): SolveBudget {
  const share = Math.max(RESIDUAL_SHARE, (BASELINE_SHARE * orders) / Math.max(1, city.orders.length));
  return {
    iterations: solveIterations(city.effort, 'carrier', orders),
    timeLimitMs: city.timeLimitS * 1000 * share,
  };
}

/** Solves one task. Pooled zones get the hub's fleet split in proportion to their kg. */
export function runTask(
  city: City,
  task: RoutingTask,
  budget: SolveBudget,
  ctx: SolveContext,
): CarrierRounds | PooledRuns {
  const orders = taskOrders(city, task);
  if (task.kind === 'baseline') {
    const count = carrierZoneVehicles(city, task);
    return planCarrierRounds(city, task.carrier, orders, budget, ctx, count, task.vehicleType);
  }
  return planPooledRuns(city, task.hub, orders, zoneVehicles(city, task), budget, ctx);
}

/**
 * A carrier's own vehicles in one zone of its rounds (undefined = unlimited): its `baselineVehicles` split
 * between its zones by kg, so that the zones never use more vehicles than it has (a zone left without
 * one gets its orders back as fleet-exhausted).
 */
function carrierZoneVehicles(
  city: City,
  task: Extract<RoutingTask, { kind: 'baseline' }>,
): number | undefined {
  const count = city.carriers[task.carrier]?.baselineVehicles;
  if (count === undefined || task.zones <= 1) return count;
  const kg = Array.from({ length: task.zones }, (_, zone) =>
    taskOrders(city, { ...task, zone }).reduce((s, o) => s + (city.orders[o]?.size[0] ?? 0), 0),
  );
  return splitCount(count, kg)[task.zone] ?? 0;
}

/** The vehicles of a hub's fleet that route one zone of its pooled runs (the whole fleet with one zone). */
export function zoneVehicles(city: City, task: Extract<RoutingTask, { kind: 'pooled' }>): RoutingVehicle[] {
  const all = hubVehicles(city, task.hub);
  if (task.zones <= 1) return all;
  const hubOrders = pooledOrdersByHub(city)[task.hub] ?? [];
  const h = city.hubs[task.hub] as { location: number };
  const sectors = sectorZones(city, h.location, receiversOf(hubOrders, city), task.zones);
  const zoneOfReceiver = new Map(sectors.flatMap((rs, z) => rs.map((r) => [r, z] as const)));
  // vehicles of the same type and shift are interchangeable: split each group between zones by the kg
  // it may carry there, receivers that only its class may serve (pedestrian zones) weighing first
  const groups = new Map<string, RoutingVehicle[]>();
  for (const v of all) {
    const key = `${v.type}:${v.shiftStartS}:${v.shiftEndS}:${v.maxTrips}:${v.reloadS}`;
    pushInto(groups, key, v);
  }
  return [...groups.values()].flatMap((vs) => {
    const cls = city.vehicleTypes[(vs[0] as RoutingVehicle).type]?.class ?? '';
    const weight = sectors.map(() => 0);
    for (const o of hubOrders) {
      const order = city.orders[o] as { receiver: number; size: readonly number[] };
      const allowed = city.receivers[order.receiver]?.allowedClasses;
      if (allowed && !allowed.includes(cls)) continue;
      const z = zoneOfReceiver.get(order.receiver) ?? 0;
      weight[z] = (weight[z] as number) + (order.size[0] as number) * (allowed ? RESTRICTED_WEIGHT : 1);
    }
    return vs.slice(0, splitCount(vs.length, weight)[task.zone] ?? 0);
  });
}

/** How much more a kg only this class may deliver counts when a fleet is split between zones. */
const RESTRICTED_WEIGHT = 1000;
