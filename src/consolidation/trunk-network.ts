import type { City, SizeVector } from '../domain/city.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import { SECONDS_PER_HOUR, type Seconds } from '../domain/units.ts';
import { solveIterations } from './effort.ts';
import { planFeeders, platformDepartures, type FeederRun } from './feeder.ts';
import type { SolveContext } from './solve-context.ts';
import { TRUNK_SHARE } from './tasks.ts';
import { planTrunk, type TrunkRun } from './trunk.ts';
import { trunkConsignments, type Consignment } from './trunk-consignments.ts';
import { trunkTypes, type TrunkBase } from './trunk-fleet.ts';
import { maxOf } from '../domain/arrays.ts';

/** A pooled order, the hub that pools it and when the pooled trip carrying it leaves (seconds, same day). */
export interface PooledOrderAtHub {
  readonly order: number;
  readonly hub: number;
  readonly departureS: Seconds;
}

/** One barge or rail leg's day: what its pre-haul trips brought to the terminal, carried to the hub. */
export interface IntermodalRun {
  readonly leg: number;
  readonly consignments: readonly Consignment[];
  /** Sailings (or trains) needed by mass, at least one when anything moves. */
  readonly trips: number;
  readonly departureS: Seconds;
  readonly arrivalS: Seconds;
  readonly goods: SizeVector;
  readonly returns: SizeVector;
}

export interface TrunkNetwork {
  /** Road trunk problems: to a hub (or platform) directly, or pre-haul to an intermodal terminal. */
  readonly runs: readonly TrunkRun[];
  readonly intermodal: readonly IntermodalRun[];
  /** The second echelon: each fed micro-hub's trips from its platform (empty with no fed hub). */
  readonly feeders: readonly FeederRun[];
  /** True when the trunk runs the day before (its times are the previous day's). */
  readonly dayBefore: boolean;
}

/** Every routing solution of the trunk (first echelon and road feeders), for the plan's work and time-cap figures. */
export function trunkSolutions(network: TrunkNetwork): RoutingSolution[] {
  return [
    ...network.runs.map((r) => r.solution),
    ...network.feeders.flatMap((f) => (f.kind === 'road' ? [f.solution] : [])),
  ];
}

/** Hours a leg takes terminal to hub, loading and unloading included. */
export function legDurationS(city: City, leg: number): Seconds {
  const l = city.intermodalLegs[leg];
  return l ? 2 * l.handlingS + (l.lengthKm / l.speedKmh) * SECONDS_PER_HOUR : 0;
}

/**
 * Plans how the pooled orders reach their hubs (docs/model/consolidation.md, trunk and two echelons). The
 * first echelon takes every carrier's flows to the hub that pools them, or to its platform when that hub is a
 * fed micro-hub; the second carries them on from the platform on the day, timed back from the pooled trips.
 * Same-day, the first echelon is timed back from the feeders' departures; night-before, it runs the day before.
 */
export function planTrunkNetwork(
  city: City,
  pooled: readonly PooledOrderAtHub[],
  ctx: SolveContext,
): TrunkNetwork {
  const dayBefore = city.trunking.schedule === 'night-before';
  const platformOf = (hub: number): number | undefined => city.hubs[hub]?.feeder?.platform;
  // the feeders run on the day, timed back from the pooled trips (a micro-hub holds a few hours' goods)
  const feeders = planFeeders(
    city,
    pooled
      .filter((p) => platformOf(p.hub) !== undefined)
      .map((p) => ({ order: p.order, hub: p.hub, deadlineS: p.departureS })),
    ctx,
  );
  // same-day, the first echelon is timed back from the feeders; night-before it runs the day before
  const leaves = platformDepartures(feeders);
  const first = planFirstEchelon(
    city,
    pooled.map((p) => {
      const platform = platformOf(p.hub);
      return platform === undefined
        ? p
        : { ...p, hub: platform, departureS: leaves.get(p.order) ?? p.departureS };
    }),
    ctx,
  );
  return { ...first, feeders, dayBefore };
}

/**
 * The first echelon: consignments per carrier and destination hub, road trunk problems per hub (shared
 * vehicles) or per hub and carrier (unpooled), the flows of carriers on a barge or rail leg first to its
 * terminal by road, then on the leg.
 */
function planFirstEchelon(
  city: City,
  pooled: readonly PooledOrderAtHub[],
  ctx: SolveContext,
): Pick<TrunkNetwork, 'runs' | 'intermodal'> {
  const dayBefore = city.trunking.schedule === 'night-before';
  const legOf = (hub: number, carrier: number): number | undefined => {
    const i = city.intermodalLegs.findIndex((l) => l.hub === hub && l.carriers.includes(carrier));
    return i < 0 ? undefined : i;
  };
  const consignments = trunkConsignments(
    city,
    pooled.map((p) => ({ order: p.order, hub: p.hub, deadlineS: dayBefore ? Infinity : p.departureS })),
    (hub, carrier) => consignmentCapacity(city, hub, carrier),
  );
  const groups = new Map<string, { base: TrunkBase; consignments: Consignment[] }>();
  for (const c of consignments) {
    const leg = legOf(c.hub, c.carrier);
    const key = JSON.stringify([c.hub, leg ?? -1, city.trunking.pooled ? -1 : c.carrier]);
    const base: TrunkBase =
      leg === undefined
        ? { location: (city.hubs[c.hub] as { location: number }).location, hub: c.hub }
        : { location: (city.intermodalLegs[leg] as { terminal: number }).terminal, hub: c.hub, leg };
    const group = groups.get(key) ?? { base, consignments: [] };
    group.consignments.push(c);
    groups.set(key, group);
  }
  const problems = [...groups.values()];
  const runs = problems.map((g) => {
    const legS = g.base.leg === undefined ? 0 : legDurationS(city, g.base.leg);
    const latest = (c: Consignment): Seconds => c.deadlineS - city.trunking.handlingS - legS;
    const budget = {
      iterations: solveIterations(city.effort, 'pooled', g.consignments.length),
      timeLimitMs: city.timeLimitS * 1000 * TRUNK_SHARE,
    };
    return planTrunk(city, g.base, g.consignments, latest, budget, ctx);
  });
  return { runs, intermodal: intermodalRuns(city, runs) };
}

/** Largest trunk vehicle per dimension that may carry the carrier's flow to the hub (see trunkTypes). */
function consignmentCapacity(city: City, hub: number, carrier: number): SizeVector {
  const caps = trunkTypes(city, hub, carrier).map(
    (t) => city.vehicleTypes[t]?.capacity ?? ([0, 0, 0] as const),
  );
  const max = (d: 0 | 1 | 2): number => Math.max(0, maxOf(caps.map((c) => c[d])));
  return [max(0), max(1), max(2)];
}

/** Each leg leaves once its last pre-haul trip has reached the terminal and it is loaded. */
function intermodalRuns(city: City, runs: readonly TrunkRun[]): IntermodalRun[] {
  return city.intermodalLegs.flatMap((leg, i) => {
    const pre = runs.filter((r) => r.base.leg === i);
    const consignments = pre.flatMap((r) => r.consignments);
    if (consignments.length === 0) return [];
    const sum = (side: 'goods' | 'returns'): SizeVector => {
      const out = [0, 0, 0];
      for (const c of consignments) c[side].forEach((v, d) => (out[d] = (out[d] as number) + v));
      return out as unknown as SizeVector;
    };
    const goods = sum('goods');
    const returns = sum('returns');
    const lastArrival = Math.max(
      0,
      maxOf(pre.flatMap((r) => r.solution.routes.flatMap((route) => route.trips.map((t) => t.returnS)))),
    );
    const departureS = lastArrival + leg.handlingS;
    return [
      {
        leg: i,
        consignments,
        trips: Math.max(1, Math.ceil(Math.max(goods[0], returns[0]) / leg.capacityKg - 1e-9)),
        departureS,
        arrivalS: departureS + legDurationS(city, i) - leg.handlingS,
        goods,
        returns,
      },
    ];
  });
}
