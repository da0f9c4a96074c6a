import type { City, CityLegFeeder, CityRoadFeeder, SizeVector } from '../domain/city.ts';
import type { RoutingJob, RoutingProblem, RoutingVehicle } from '../domain/routing-problem.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import { SECONDS_PER_HOUR, type Seconds } from '../domain/units.ts';
import { drivingLeavingS } from '../geo/index.ts';
import { delayTrips } from './delay-trips.ts';
import { solveIterations } from './effort.ts';
import { routingVehicleTypes } from './routing-types.ts';
import { solveInContext, type SolveContext } from './solve-context.ts';
import { TRUNK_SHARE } from './tasks.ts';
import { trunkConsignments, type Consignment } from './trunk-consignments.ts';
import { TRUNK_LOAD_S } from './trunk-fleet.ts';
import { minOf } from '../domain/arrays.ts';

/** Kept free in every dimension of a feeder vehicle's load (kg, m3, units), against rounding in the sums. */
const FILL_SLACK = 1e-6;

/** A pooled order of a fed micro-hub, and when its goods must be ready there (its pooled trip's departure). */
export interface FedOrder {
  readonly order: number;
  readonly hub: number;
  readonly deadlineS: Seconds;
}

/** One micro-hub's road feeder: vehicle-loads shuttled from its platform, solved as a routing problem. */
export interface FeederRoadRun {
  readonly kind: 'road';
  /** The micro-hub fed, and the platform its vehicles are based at. */
  readonly hub: number;
  readonly platform: number;
  /** Vehicle-loads (several carriers' orders each); `carrier` is a load's first order's. */
  readonly loads: readonly Consignment[];
  readonly problem: RoutingProblem;
  readonly solution: RoutingSolution;
  /** Per load, seconds its goods are ready at the micro-hub after its deadline (0 = on time). */
  readonly lateS: readonly Seconds[];
}

/** One micro-hub's barge or rail feeder: its whole day on the leg (sailings counted by mass). */
export interface FeederSailing {
  readonly kind: 'sailing';
  readonly hub: number;
  readonly platform: number;
  readonly loads: readonly Consignment[];
  readonly trips: number;
  /** Leaves the platform once loaded; arrives at the micro-hub once unloaded. */
  readonly departureS: Seconds;
  readonly arrivalS: Seconds;
  /** Loading at the platform before departure, and unloading at the micro-hub before arrival, each. */
  readonly handlingS: Seconds;
  readonly goods: SizeVector;
  readonly returns: SizeVector;
  readonly lateS: Seconds;
}

export type FeederRun = FeederRoadRun | FeederSailing;

/** Seconds a barge or train feeder takes platform to micro-hub, loading and unloading excluded. */
export function feederTravelS(feeder: CityLegFeeder): Seconds {
  return (feeder.lengthKm / feeder.speedKmh) * SECONDS_PER_HOUR;
}

/**
 * The second echelon (docs/model/consolidation.md, two echelons), on the plan's day: for each fed micro-hub,
 * its pooled orders go from its platform by road (vehicle-loads routed and scheduled as trunk trips, based at
 * the platform, in its hours) or on its barge or rail leg, each ready at the micro-hub (unloaded + handling)
 * before the pooled trip that carries it leaves, as late as that allows.
 */
export function planFeeders(city: City, fed: readonly FedOrder[], ctx: SolveContext): FeederRun[] {
  return city.hubs.flatMap((h, hub): FeederRun[] => {
    const orders = fed.filter((f) => f.hub === hub);
    if (!h.feeder || orders.length === 0) return [];
    return [
      h.feeder.mode === 'road'
        ? planRoadFeeder(city, hub, h.feeder, orders, ctx)
        : planSailing(city, hub, h.feeder, orders),
    ];
  });
}

function planRoadFeeder(
  city: City,
  hub: number,
  feeder: CityRoadFeeder,
  orders: readonly FedOrder[],
  ctx: SolveContext,
): FeederRoadRun {
  const platform = city.hubs[feeder.platform] as { location: number; openS: Seconds; closeS: Seconds };
  const micro = city.hubs[hub] as { location: number; openS: Seconds; closeS: Seconds };
  const capacity = city.vehicleTypes[feeder.type]?.capacity ?? ([0, 0, 0] as const);
  // one problem per micro-hub: every load goes to the same place, so a load is a whole vehicle's (a hair
  // under it, so that summing the orders' sizes in floating point never makes a full load too big)
  const fill = capacity.map((c) => c - FILL_SLACK) as unknown as SizeVector;
  const loads = trunkConsignments(city, orders, () => fill, { mixCarriers: true, share: 1 });
  const [from, to] = feeder.shift ?? [platform.openS, platform.closeS];
  const shiftStartS = Math.max(from, platform.openS);
  const shiftEndS = Math.min(to, platform.closeS);
  const vehicles: RoutingVehicle[] = Array.from({ length: feeder.count ?? loads.length }, () => ({
    type: feeder.type,
    depot: platform.location,
    shiftStartS,
    shiftEndS,
    maxTrips: feeder.maxTrips,
    reloadS: feeder.reloadS,
  }));
  const handlingS = city.trunking.handlingS;
  const earliest = Math.max(
    micro.openS,
    shiftStartS + drivingLeavingS(city.travel, platform.location, micro.location, feeder.type, shiftStartS),
  );
  // unloading starts early enough for the goods to be ready (unloaded, handled) when their pooled trip
  // leaves; goods that cannot be on time go as early as possible, and are reported late
  const problemWith = (relaxed: ReadonlySet<number>): RoutingProblem => ({
    dimensions: 3,
    travel: city.travel,
    vehicleTypes: routingVehicleTypes(city),
    vehicles,
    jobs: loads.map((l, i): RoutingJob => {
      const latest = Math.min(micro.closeS, l.deadlineS - handlingS) - TRUNK_LOAD_S;
      const close = relaxed.has(i) ? micro.closeS - TRUNK_LOAD_S : latest;
      return {
        location: micro.location,
        delivery: l.goods,
        pickup: l.returns,
        serviceS: TRUNK_LOAD_S,
        windows: [[earliest, Math.max(earliest, close)]],
      };
    }),
  });
  const budget = {
    iterations: solveIterations(city.effort, 'pooled', loads.length),
    timeLimitMs: city.timeLimitS * 1000 * TRUNK_SHARE,
  };
  const attempt = (relaxed: ReadonlySet<number>): FeederRoadRun => {
    const problem = problemWith(relaxed);
    const solved = solveInContext(problem, budget, ctx);
    // the trips leave as late as their windows allow: the first echelon gets the most time (same-day), the
    // micro-hub holds the goods the shortest
    const solution = delayTrips(problem, solved);
    const lateS = loads.map(() => 0);
    for (const route of solution.routes)
      for (const trip of route.trips)
        for (const v of trip.visits)
          lateS[v.job] = Math.max(0, v.departureS + handlingS - (loads[v.job]?.deadlineS ?? Infinity));
    return { kind: 'road', hub, platform: feeder.platform, loads, problem, solution, lateS };
  };
  const first = attempt(new Set());
  if (first.solution.unassigned.length === 0) return first;
  const second = attempt(new Set(first.solution.unassigned.map((u) => u.job)));
  return second.solution.unassigned.length < first.solution.unassigned.length ? second : first;
}

/**
 * A micro-hub's barge or rail day: one sailing timed to reach it (unloaded, handled) when its earliest pooled
 * trip leaves, loading no earlier than the platform opens.
 */
function planSailing(
  city: City,
  hub: number,
  feeder: CityLegFeeder,
  orders: readonly FedOrder[],
): FeederSailing {
  const platform = city.hubs[feeder.platform] as { openS: Seconds };
  const sum = (side: 'delivery' | 'pickup'): SizeVector => {
    const out = [0, 0, 0];
    for (const f of orders) {
      const o = city.orders[f.order];
      if (o && o.kind === side) o.size.forEach((v, d) => (out[d] = (out[d] as number) + v));
    }
    return out as unknown as SizeVector;
  };
  const goods = sum('delivery');
  const returns = sum('pickup');
  const deadline = minOf(orders.map((o) => o.deadlineS));
  const travelS = feederTravelS(feeder);
  const handlingS = city.trunking.handlingS;
  const departureS = Math.max(
    platform.openS + feeder.handlingS,
    deadline - handlingS - feeder.handlingS - travelS,
  );
  const arrivalS = departureS + travelS + feeder.handlingS;
  const carrier = city.orders[orders[0]?.order ?? 0]?.carrier ?? 0;
  return {
    kind: 'sailing',
    hub,
    platform: feeder.platform,
    loads: [{ carrier, hub, orders: orders.map((o) => o.order), goods, returns, deadlineS: deadline }],
    trips: Math.max(1, Math.ceil(Math.max(goods[0], returns[0]) / feeder.capacityKg - 1e-9)),
    departureS,
    arrivalS,
    handlingS: feeder.handlingS,
    goods,
    returns,
    lateS: Math.max(0, arrivalS + handlingS - deadline),
  };
}

/**
 * When each fed order leaves its platform on the second echelon (a road trip's departure, a sailing's start
 * of loading): the first echelon's deadline there, before the platform's handling. Orders of loads no feeder
 * took keep their own deadline.
 */
export function platformDepartures(runs: readonly FeederRun[]): Map<number, Seconds> {
  const out = new Map<number, Seconds>();
  for (const run of runs) {
    if (run.kind === 'sailing') {
      const leaves = run.departureS - run.handlingS;
      for (const o of run.loads.flatMap((l) => l.orders)) out.set(o, leaves);
      continue;
    }
    for (const route of run.solution.routes)
      for (const trip of route.trips)
        for (const v of trip.visits)
          for (const o of run.loads[v.job]?.orders ?? []) out.set(o, trip.departureS);
  }
  return out;
}
