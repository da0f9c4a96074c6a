import type { PlanTask, PlanTaskResult, TaskBudget } from '../contracts/index.ts';
import { runTask, type RoutingTask, type SolveContext } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { reportRoutes } from './report-routes.ts';
import { InputError } from '../domain/errors.ts';

/** Contract task (ids) -> routing task (indices); undefined when an id is not in the city. */
export function toRoutingTask(city: City, task: PlanTask): RoutingTask | undefined {
  if (task.kind === 'baseline') {
    const carrier = city.carriers.findIndex((c) => c.id === task.carrierId);
    const vehicleType =
      task.vehicleType === undefined
        ? undefined
        : city.vehicleTypes.findIndex((t) => t.id === task.vehicleType);
    if (carrier < 0 || vehicleType === -1) return undefined;
    return { kind: 'baseline', carrier, zone: task.zone, zones: task.zones, vehicleType };
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
  if (!routing) {
    const [what, id] = task.kind === 'baseline' ? ['carrier', task.carrierId] : ['hub', task.hubId];
    throw new InputError(
      'UNKNOWN_REFERENCE',
      `task refers to ${what} "${id}", which the scenario does not have`,
      {
        field: `task.${what}Id`,
      },
    );
  }
  const started = ctx.clock();
  const run = runTask(city, routing, budget, ctx);
  const startId = task.kind === 'baseline' ? task.carrierId : task.hubId;
  const label = task.zones > 1 ? `${startId}/z${task.zone + 1}` : startId;
  const bundles = run.routing.bundles;
  return {
    task,
    routes: reportRoutes(city, run.routing.problem, bundles, run.solution, startId, label),
    unassigned: run.solution.unassigned.flatMap((u) => {
      // access rules say why no vehicle may serve the stop (which zone or receiver rule)
      const note = u.reason === 'no-vehicle-allowed' ? run.routing.accessNotes[u.job] : undefined;
      return (bundles[u.job]?.orders ?? []).map((o) => ({
        orderId: (city.orders[o] as { id: string }).id,
        reason: u.reason,
        ...(note ? { detail: note } : {}),
      }));
    }),
    solveSeconds: Number(((ctx.clock() - started) / 1000).toFixed(3)),
    iterations: run.solution.stats.iterations,
    timeCapped: run.solution.stats.timeCapped,
  };
}
