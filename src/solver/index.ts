import type { RoutingProblem } from '../domain/routing-problem.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import type { SolveParams } from './api.ts';
import { toRoutingSolution } from './output/to-solution.ts';
import { prepareSearch } from './prepare-search.ts';
import { minimiseCost } from './search/cost-objective.ts';
import { minimiseVehiclesThenCost } from './search/vehicles-objective.ts';

export type { SearchProgress, SolveParams, StopCriterion } from './api.ts';
export type { InitialRoute } from './construction/warm-start.ts';
export { aborted, anyOf, maxIterations, maxRuntime } from './stop/stop-criteria.ts';

/**
 * Solves a routing problem with SISR (slack induction by string removals): pre-classifies jobs that no
 * vehicle can serve, builds a greedy initial solution, under objective 'vehicles' minimises the fleet
 * first, then runs ruin-and-recreate under simulated annealing until the time limit, iteration limit or
 * abort signal (`maxIterations: 0`: the greedy construction alone). Deterministic for a given seed and
 * iteration budget when the clock does not decide the stop.
 */
export function solve(problem: RoutingProblem, params: SolveParams): RoutingSolution {
  const { ctx, servable, unservable } = prepareSearch(problem, params);
  // a budget of no iteration is the construction alone: no opening local search either (effort draft)
  if (servable.length > 0 && params.maxIterations !== 0) {
    if (ctx.byVehicles) minimiseVehiclesThenCost(ctx);
    else minimiseCost(ctx);
  }
  const { budget, inst, sol } = ctx;
  const elapsedMs = budget.elapsedMs();
  return toRoutingSolution(inst, sol, unservable, {
    iterations: budget.iteration,
    elapsedMs,
    timeCapped:
      elapsedMs >= params.timeLimitMs &&
      !params.signal?.aborted &&
      (params.maxIterations === undefined || budget.iteration < params.maxIterations),
  });
}
