import type { SearchContext } from '../search/search-context.ts';
import { sisrAnnealing } from '../search/sisr.ts';
import { buildFleetModel } from './fleet-model.ts';
import { eliminationApplies, fleetStateOf, writeBack } from './fleet-phase.ts';
import { searchFixedFleet } from './penalised-sisr.ts';

/**
 * SISR's temperatures scaled down: the penalised candidates come out of a local search, so they are
 * closer to the current solution than SISR's; at SISR's own schedule 98 % of them were accepted and the
 * Gehring-Homberger 200 mean gap was 2.53 % (12,000 iterations) against 2.10 % at 0.3 (before the in-route
 * move and the repair were added).
 */
export const TEMPERATURE_FACTOR = 0.3;

/**
 * Distance search at the current fleet through infeasible solutions (see penalised-sisr.ts) from the
 * budget share `fromFraction` to `untilFraction` (the annealing cools over that span; one ruin-and-recreate
 * is one iteration). Keeps the solver's solution unless the best feasible result passes the solver's day
 * check and costs less. Returns false, changing nothing, where route elimination's model does not apply.
 */
export function improveAtFixedFleet(
  ctx: SearchContext,
  fromFraction: number,
  untilFraction: number,
): boolean {
  const { sol, budget, rng } = ctx;
  if (!eliminationApplies(ctx)) return false;
  const model = buildFleetModel(ctx.inst, ctx.neighbours);
  const { st, vehicles } = fleetStateOf(ctx, model);
  const annealing = sisrAnnealing(ctx);
  const span = Math.max(1e-9, untilFraction - fromFraction);
  searchFixedFleet(st, {
    rng,
    temperature: (phase) => TEMPERATURE_FACTOR * annealing.temperature(phase),
    phase: () => {
      const p = budget.progress(sol.cost());
      return budget.done(p) ? 1 : (p.fraction - fromFraction) / span;
    },
    onStep: () => budget.iteration++,
    onImproved: () => ctx.params.onProgress?.(budget.progress(sol.cost())),
  });
  const before = sol.snapshot();
  const beforeCost = sol.cost();
  writeBack(ctx, st, vehicles);
  if (sol.cost() > beforeCost) sol.restore(before, []);
  // the reports during the search carry the solver's cost, not the fleet state's: report the result
  else if (sol.cost() < beforeCost) ctx.params.onProgress?.(budget.progress(sol.cost()));
  return true;
}
