import type { City } from '../domain/city.ts';
import type { InitialRoute } from '../solver/index.ts';
import type { Bundle } from './bundle.ts';
import { planPooledRuns, type PooledRuns } from './pooled-runs.ts';
import type { SolveContext, WarmStart } from './solve-context.ts';
import { taskOrders, zoneVehicles, type RoutingTask } from './tasks.ts';
import { pushInto } from '../domain/arrays.ts';

/** One trip of the grand coalition's pooled runs in a task: its vehicle (index in the task), and order indices per stop. */
export interface GrandTrip {
  readonly vehicle: number;
  readonly trip: number;
  readonly stops: readonly (readonly number[])[];
}

/**
 * Annealing of a coalition's short search, in multiples of the mean arc cost: low, because the search starts
 * from good routes (the grand coalition's) and should polish them, not rebuild them as a cold start does.
 */
export const COALITION_TEMPERATURE = { start: 0.5, end: 0.01 } as const;

/**
 * One task's pooled runs (a hub's, in one zone) for a coalition of carriers (docs/model/cooperation.md, "Cost of
 * a coalition"): the members' orders only, bundled as usual, starting from the grand coalition's trips with
 * every other carrier's orders taken out (a bundle sits where its first order sat), then `iterations` of the
 * usual search at a low temperature, which drops emptied vehicles and re-sequences what is left. Deterministic
 * for a given context seed, so c(S) is a function.
 */
export function planCoalitionRuns(
  city: City,
  task: Extract<RoutingTask, { kind: 'pooled' }>,
  member: (carrier: number) => boolean,
  grand: readonly GrandTrip[],
  iterations: number,
  ctx: SolveContext,
): PooledRuns {
  const orders = taskOrders(city, task).filter((o) => member(city.orders[o]?.carrier ?? -1));
  const warm = (bundles: readonly Bundle[]): WarmStart => ({
    initial: warmRoutes(bundles, grand),
    temperature: COALITION_TEMPERATURE,
  });
  const budget = { iterations, timeLimitMs: city.timeLimitS * 1000 };
  const capped = { ...ctx, maxIterations: Math.min(ctx.maxIterations ?? iterations, iterations) };
  return planPooledRuns(city, task.hub, orders, zoneVehicles(city, task), budget, capped, warm);
}

type Spot = readonly [vehicle: number, trip: number, stop: number];
const earlier = (a: Spot, b: Spot): boolean =>
  a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];

/**
 * The warm start of a coalition's runs: each bundle (a job) placed at its first order's (vehicle, trip, stop) in
 * the grand trips, the jobs of a trip in the order of those stops; bundles no trip holds are left out (the
 * search inserts them).
 */
export function warmRoutes(
  bundles: readonly Pick<Bundle, 'orders'>[],
  grand: readonly GrandTrip[],
): InitialRoute[] {
  const at = new Map<number, Spot>();
  for (const g of grand) g.stops.forEach((os, k) => os.forEach((o) => at.set(o, [g.vehicle, g.trip, k])));
  const placed = bundles.flatMap((b, job) => {
    let first: Spot | undefined;
    for (const o of b.orders) {
      const spot = at.get(o);
      if (spot && (!first || earlier(spot, first))) first = spot;
    }
    return first ? [{ job, vehicle: first[0], trip: first[1], stop: first[2] }] : [];
  });
  placed.sort((a, b) => a.vehicle - b.vehicle || a.trip - b.trip || a.stop - b.stop || a.job - b.job);
  const routes = new Map<number, Map<number, number[]>>();
  for (const p of placed) {
    const trips = routes.get(p.vehicle) ?? new Map<number, number[]>();
    pushInto(trips, p.trip, p.job);
    routes.set(p.vehicle, trips);
  }
  return [...routes].map(([vehicle, trips]) => ({ vehicle, trips: [...trips.values()] }));
}
