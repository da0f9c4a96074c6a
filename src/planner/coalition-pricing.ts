import type { PlanTaskResult } from '../contracts/index.ts';
import {
  coalitionIterations,
  planCoalitionRuns,
  planTrunkNetwork,
  trunkSolutions,
  type GrandTrip,
  type PooledOrderAtHub,
  type SolveContext,
} from '../consolidation/index.ts';
import { membersOf } from '../cooperation/index.ts';
import type { City } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import { routesCostEur, trunkCostEur } from './costs.ts';
import { hubCostEur } from './hub-costs.ts';
import { reportRoutes } from './report-routes.ts';
import { reportTrunk } from './report-trunk.ts';
import { toRoutingTask } from './run-task.ts';

/**
 * What pricing a coalition needs from the grand coalition's plan, as plain data (a worker can price
 * coalitions from it): players are the scenario's carriers in order.
 */
export interface GrandPlanParts {
  /** Each carrier's baseline rounds: what it pays alone. */
  readonly standaloneEur: readonly number[];
  /** Each carrier's own rounds for the orders no hub could take (the same in every coalition). */
  readonly residualEur: readonly number[];
  /** The consolidated plan's whole cost: c(N), so that the shares add up to what the plan costs. */
  readonly grandEur: number;
  /** The grand coalition's pooled runs, per task (hub and zone). */
  readonly pooled: readonly PlanTaskResult[];
}

/** Prices a coalition (carrier indices, ascending) in EUR. */
export type CoalitionPrice = (members: readonly number[]) => number;

/**
 * c(S), the cost of a coalition S of carriers pooling their orders, the others absent (docs/model/cooperation.md,
 * "Cost of a coalition"): S's orders at the same hubs as in the plan, its pooled runs warm-started from the
 * plan's (planCoalitionRuns), its trunk planned afresh for its own consignments (both echelons), the fixed cost
 * of each hub it uses and the handling of its units (at a micro-hub's platform too), its members' own rounds for unpooled orders; and never more than its
 * members' stand-alone costs, since a coalition may choose not to pool (that keeps c({i}) <= stand-alone).
 * A coalition whose pooled runs would leave an order undelivered that the plan delivers does not pool.
 * Deterministic (fixed seed and iteration budgets), so c is a function; c(N) is the plan's own cost.
 */
export function coalitionPricer(
  city: City,
  parts: GrandPlanParts,
  ctx: SolveContext,
  /** Told each solve's iterations and whether the wall-clock cap cut it (the plan's meta counts both). */
  onSolve?: (stats: { iterations: number; timeCapped: boolean }) => void,
): CoalitionPrice {
  // each coalition solve gets the plan's whole cap, not its usual share of it (solve-context.ts)
  const solveCtx: SolveContext = { ...ctx, capMs: city.timeLimitS * 1000 };
  const orderIndex = new Map(city.orders.map((o, i) => [o.id, i]));
  const index = (id: string): number => {
    const i = orderIndex.get(id);
    if (i === undefined) throw new InternalError('BROKEN_INVARIANT', `plan order ${id} is not in the city`);
    return i;
  };
  const tasks = parts.pooled.map((result) => {
    const task = toRoutingTask(city, result.task);
    if (task?.kind !== 'pooled')
      throw new InternalError('BROKEN_INVARIANT', `pooled result of task ${JSON.stringify(result.task)}`);
    const grand: GrandTrip[] = result.routes.map((r) => ({
      vehicle: Number(r.vehicle.slice(r.vehicle.lastIndexOf('#') + 1)) - 1,
      trip: r.trip,
      stops: r.stops.map((s) => s.orderIds.map(index)),
    }));
    const label = result.routes[0]?.vehicle.slice(0, result.routes[0].vehicle.lastIndexOf('/'));
    const grandUnassigned = new Set(result.unassigned.map((u) => index(u.orderId)));
    return { result, task, grand, label, grandUnassigned };
  });
  const all = city.carriers.length;
  const sum = (xs: readonly number[], members: readonly number[]): number =>
    members.reduce((s, i) => s + (xs[i] ?? 0), 0);

  return (members) => {
    if (members.length === all) return parts.grandEur;
    const standalone = sum(parts.standaloneEur, members);
    const inS = new Set(members);
    const member = (carrier: number): boolean => inS.has(carrier);
    let pooledEur = 0;
    const atHub: PooledOrderAtHub[] = [];
    const unitsAtHub = city.hubs.map(() => 0);
    for (const t of tasks) {
      const stops = t.grand.reduce(
        (n, g) => n + g.stops.filter((os) => os.some((o) => member(city.orders[o]?.carrier ?? -1))).length,
        0,
      );
      if (stops === 0) continue;
      const run = planCoalitionRuns(
        city,
        t.task,
        member,
        t.grand,
        coalitionIterations(city.effort, stops),
        solveCtx,
      );
      onSolve?.(run.solution.stats);
      const lost = run.solution.unassigned.some((u) =>
        (run.routing.bundles[u.job]?.orders ?? []).some((o) => !t.grandUnassigned.has(o)),
      );
      if (lost) return standalone;
      const hubId = t.result.task.kind === 'pooled' ? t.result.task.hubId : '';
      const routes = reportRoutes(
        city,
        run.routing.problem,
        run.routing.bundles,
        run.solution,
        hubId,
        t.label ?? hubId,
      );
      pooledEur += routesCostEur(city, routes);
      for (const r of routes)
        for (const s of r.stops)
          for (const id of s.orderIds) {
            const order = index(id);
            atHub.push({ order, hub: t.task.hub, departureS: r.departureSec ?? 0 });
            const units = Math.max(1, city.orders[order]?.size[2] ?? 0);
            unitsAtHub[t.task.hub]! += units;
            // a two-echelon micro-hub's units are handled at its platform too (report-hubs.ts)
            const platform = city.hubs[t.task.hub]?.feeder?.platform;
            if (platform !== undefined) unitsAtHub[platform]! += units;
          }
    }
    const trunkCtx = {
      ...solveCtx,
      maxIterations: Math.min(ctx.maxIterations ?? Infinity, trunkIterations(city, atHub)),
    };
    let trunkEur = 0;
    if (atHub.length > 0) {
      const network = planTrunkNetwork(city, atHub, trunkCtx);
      for (const solution of trunkSolutions(network)) onSolve?.(solution.stats);
      trunkEur = trunkCostEur(city, reportTrunk(city, network));
    }
    const hubsEur = unitsAtHub.reduce(
      (s, units, h) => s + (units > 0 ? hubCostEur(city, h, true, units) : 0),
      0,
    );
    return Math.min(standalone, pooledEur + trunkEur + hubsEur + sum(parts.residualEur, members));
  };
}

/** Coalitions' costs by bitmask, and whether a wall-clock cap cut any of their solves. */
export interface PricedCoalitions {
  readonly costs: { readonly coalition: number; readonly costEur: number }[];
  readonly timeCapped: boolean;
}

/**
 * Prices coalitions given as bitmasks over the carriers (the service's cost-game children): the same costs
 * `coalitionPricer` gives the in-process plan, and whether a wall-clock cap cut any of their solves.
 */
export function priceCoalitions(
  city: City,
  parts: GrandPlanParts,
  ctx: SolveContext,
  coalitions: readonly number[],
  onPriced?: (done: number) => void,
): PricedCoalitions {
  let timeCapped = false;
  const price = coalitionPricer(city, parts, ctx, (stats) => {
    timeCapped ||= stats.timeCapped;
  });
  const costs = coalitions.map((coalition, i) => {
    const costEur = price(membersOf(coalition));
    onPriced?.(i + 1);
    return { coalition, costEur };
  });
  return { costs, timeCapped };
}

/** A coalition's trunk solves: iterations for its consignments (at most one per carrier and hub, before capacity splits). */
function trunkIterations(city: City, atHub: readonly PooledOrderAtHub[]): number {
  const flows = new Set(atHub.map((p) => `${p.hub}:${city.orders[p.order]?.carrier}`)).size;
  return coalitionIterations(city.effort, TRUNK_ITERATIONS_PER_FLOW * flows);
}

/** Trunk problems are small (a few dozen consignments) and start cold: they get more work per stop. */
const TRUNK_ITERATIONS_PER_FLOW = 10;
