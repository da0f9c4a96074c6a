import type { City } from '../domain/city.ts';
import type { RoutingJob, RoutingProblem } from '../domain/routing-problem.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import type { Seconds } from '../domain/units.ts';
import { drivingArrivingS, drivingLeavingS } from '../geo/index.ts';
import { routingVehicleTypes } from './routing-types.ts';
import { solveInContext, type SolveBudget, type SolveContext } from './solve-context.ts';
import type { Consignment } from './trunk-consignments.ts';
import { TRUNK_LOAD_S, trunkVehicles, type TrunkBase } from './trunk-fleet.ts';
import { maxOf, minOf } from '../domain/arrays.ts';

/** One trunk problem solved: consignments collected at carrier depots and brought to a hub or terminal. */
export interface TrunkRun {
  readonly base: TrunkBase;
  readonly consignments: readonly Consignment[];
  readonly problem: RoutingProblem;
  readonly solution: RoutingSolution;
  /** Per consignment (job), seconds it reaches the base after its latest arrival (0 = on time). */
  readonly lateS: readonly Seconds[];
}

/**
 * Plans the trunk trips of some consignments as a vehicle routing problem based at `base`: each consignment
 * is a stop at its carrier's depot that drops its returns and picks up its goods (carried to the base), so a
 * trip may collect from several depots (a milk run) or carry one carrier's full load, whichever costs less.
 * With a deadline (`latestArrivalS`), the depot stop must start early enough to reach the base in time by the
 * direct road; a milk run may still arrive later, so lateness is measured on the solved trips; late
 * consignments get their stop moved earlier by that much, those no vehicle could reach in time may go at any
 * time, and the problem is solved once more; what is still late is reported (`lateS`), never hidden.
 */
export function planTrunk(
  city: City,
  base: TrunkBase,
  consignments: readonly Consignment[],
  latestArrivalS: (c: Consignment) => Seconds,
  budget: SolveBudget,
  ctx: SolveContext,
): TrunkRun {
  const vehicles = trunkVehicles(city, base, consignments);
  const types = [...new Set(vehicles.map((v) => v.type))];
  const shiftStart = minOf(vehicles.map((v) => v.shiftStartS));
  const shiftEnd = maxOf(vehicles.map((v) => v.shiftEndS));
  // with speed profiles: the drive that arrives at the deadline, and the first one leaving at the shift start
  const slowest = (from: number, arriveS: Seconds): Seconds =>
    Math.max(0, maxOf(types.map((t) => drivingArrivingS(city.travel, from, base.location, t, arriveS))));
  // only the types that can carry the consignment: a faster van it does not fit would close its window
  // before any truck that can take it arrives (the stop was then unreachable, its window only opened on retry)
  const fits = (t: number, c: Consignment): boolean =>
    (city.vehicleTypes[t]?.capacity ?? []).every(
      (cap, d) => (c.goods[d] ?? 0) <= cap && (c.returns[d] ?? 0) <= cap,
    );
  const fastest = (to: number, c: Consignment): Seconds => {
    const able = types.filter((t) => fits(t, c));
    return minOf(
      (able.length > 0 ? able : types).map((t) =>
        drivingLeavingS(city.travel, base.location, to, t, shiftStart),
      ),
    );
  };
  // a stop's window closes when the goods can still reach the base in time by the direct road, but never
  // before the earliest a vehicle can be there: goods that cannot be on time go as early as possible
  const problemWith = (advanceS: readonly Seconds[], relaxed: ReadonlySet<number>): RoutingProblem => ({
    dimensions: 3,
    travel: city.travel,
    vehicleTypes: routingVehicleTypes(city),
    vehicles,
    jobs: consignments.map((c, i): RoutingJob => {
      const depot = (city.carriers[c.carrier] as { location: number }).location;
      const earliest = shiftStart + fastest(depot, c);
      const advance = advanceS[i] ?? 0;
      const latest = latestArrivalS(c) - TRUNK_LOAD_S - slowest(depot, latestArrivalS(c) - advance) - advance;
      const close = relaxed.has(i) ? shiftEnd : Math.max(earliest, Math.min(shiftEnd, latest));
      return {
        location: depot,
        delivery: c.returns,
        pickup: c.goods,
        serviceS: TRUNK_LOAD_S,
        windows: [[shiftStart, close]],
      };
    }),
  });
  const attempt = (advanceS: readonly Seconds[], relaxed: ReadonlySet<number>) => {
    const problem = problemWith(advanceS, relaxed);
    const solution = solveInContext(problem, budget, ctx);
    return { base, consignments, problem, solution, lateS: lateness(solution, consignments, latestArrivalS) };
  };
  const first = attempt([], new Set());
  if (first.solution.unassigned.length === 0 && first.lateS.every((s) => s === 0)) return first;
  // once more: stops that found no vehicle in their window may go at any time (and are reported late),
  // late ones are moved earlier by their lateness
  const second = attempt(first.lateS, new Set(first.solution.unassigned.map((u) => u.job)));
  const total = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const key = (r: TrunkRun): [number, number] => [r.solution.unassigned.length, total(r.lateS)];
  const [u1, l1] = key(first);
  const [u2, l2] = key(second);
  return u2 < u1 || (u2 === u1 && l2 < l1) ? second : first;
}

/** Per job, how long after its latest arrival the trip carrying it reaches the base. */
function lateness(
  solution: RoutingSolution,
  consignments: readonly Consignment[],
  latestArrivalS: (c: Consignment) => Seconds,
): Seconds[] {
  const late = consignments.map(() => 0);
  for (const route of solution.routes)
    for (const trip of route.trips)
      for (const v of trip.visits) {
        const c = consignments[v.job];
        if (c) late[v.job] = Math.max(0, trip.returnS - latestArrivalS(c));
      }
  return late;
}
