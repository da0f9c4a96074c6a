import type { PlanTask, PlanTaskResult, TaskBudget } from '../contracts/index.ts';
import { runTask, type RoutingTask, type SolveContext } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { reportRoutes } from './report-routes.ts';

/** Contract task (ids) -> routing task (indices); undefined when an id is not in the city. */
export function toRoutingTask(city: City, task: PlanTask): RoutingTask | undefined {
  if (task.kind === 'baseline') {
    const carrier = city.carriers.findIndex((c) => c.id === task.carrierId);
    return carrier < 0 ? undefined : { kind: 'baseline', carrier, zone: task.zone, zones: task.zones };
  }
  const hub = city.hubs.findIndex((h) => h.id === task.hubId);
  return hub < 0 ? undefined : { kind: 'pooled', hub, zone: task.zone, zones: task.zones };
}

export function toPlanTask(city: City, task: RoutingTask): PlanTask {
  return task.kind === 'baseline'
    ? {
        kind: 'baseline',
        carrierId: (city.carriers[task.carrier] as { id: string }).id,
        zone: task.zone,
        zones: task.zones,
      }
    : {
        kind: 'pooled',
        hubId: (city.hubs[task.hub] as { id: string }).id,
        zone: task.zone,
        zones: task.zones,
      };
}

/**
 * Solves one task and returns it in wire form, so it can travel through Redis as a child job's result.
 * Vehicles are labelled per zone (`A/z2/diesel-van#1`) so that labels stay unique across zones.
 */
export function runPlanTask(
  city: City,
  task: PlanTask,
  budget: TaskBudget,
  ctx: SolveContext,
): PlanTaskResult {
  const routing = toRoutingTask(city, task);
  if (!routing)
    throw new RangeError(`task refers to an unknown ${task.kind === 'baseline' ? 'carrier' : 'hub'}`);
  const started = ctx.clock();
  const run = runTask(city, routing, budget, ctx);
  const startId = task.kind === 'baseline' ? task.carrierId : task.hubId;
  const label = task.zones > 1 ? `${startId}/z${task.zone + 1}` : startId;
  const bundles = run.routing.bundles;
  return {
    task,
    routes: reportRoutes(city, run.routing.problem, bundles, run.solution, startId, label),
    unassigned: run.solution.unassigned.flatMap((u) =>
      (bundles[u.job]?.orders ?? []).map((o) => ({
        orderId: (city.orders[o] as { id: string }).id,
        reason: u.reason,
      })),
    ),
    solveSeconds: Number(((ctx.clock() - started) / 1000).toFixed(3)),
    iterations: run.solution.stats.iterations,
    timeCapped: run.solution.stats.timeCapped,
  };
}
