import { improveAtFixedFleet } from '../fleet/fixed-fleet-phase.ts';
import { eliminationApplies, minimiseFleetByElimination } from '../fleet/fleet-phase.ts';
import { minimiseFleet } from './fleet-minimisation.ts';
import type { SearchContext } from './search-context.ts';
import { runSisr } from './sisr.ts';

/** Share of the budget given to SISR's fleet minimisation where route elimination does not apply. */
export const FLEET_PHASE_SHARE = 0.4;
/**
 * Where route elimination applies: SISR on cost (never more vehicles) up to this share first, so routes
 * are removed from a cost-optimised solution, not a greedy one... A shorter phase is better per iteration
 * but not per second, because the distance search's iterations cost more than SISR's: at 5 % the
 * Gehring-Homberger 200 mean gap at 12,000 iterations fell from 1.25 to 0.96 % with 1.34 x the time a run,
 * and at 30 s a run it was level (0.88 against 0.87 %, seeds 1-6); Solomon at 5 s lost distance (0.68 ->
 * 0.77 % on the runs at the fleet in both). docs/BENCHMARKS.md, 2026-12-07, third session.
 */
export const COST_FIRST_SHARE = 0.2;
/**
 * ...then route elimination up to this share (it stops earlier at the load lower bound; an ejection-pool
 * step is one iteration), then the distance search at the fleet found through infeasible solutions
 * (fleet/penalised-sisr.ts; one ruin-and-recreate is one iteration).
 */
export const ELIMINATION_UNTIL = 0.4;

/**
 * Objective 'vehicles' (fewest vehicles, then cost). With route elimination (Nagata and Bräysy; see
 * fleet/route-elimination.ts): cost, fleet, cost at that fleet through penalised infeasible solutions. Otherwise (mixed fleets, several windows or trips,
 * range limits, or a job left out): SISR's fleet minimisation, then cost, as before.
 */
export function minimiseVehiclesThenCost(ctx: SearchContext): void {
  if (!eliminationApplies(ctx)) {
    minimiseFleet(ctx, FLEET_PHASE_SHARE);
    runSisr(ctx, FLEET_PHASE_SHARE);
    return;
  }
  runSisr(ctx, 0, COST_FIRST_SHARE);
  minimiseFleetByElimination(ctx, ELIMINATION_UNTIL);
  // One distance search cools over what elimination left, however early elimination stopped (at the load
  // bound the fleet cannot shrink further). Three searches over a third each, the third from a crossover of
  // the first two, were better until 2026-12-06; with the stronger search since, one long search is better:
  // Gehring-Homberger 200 at 12,000 iterations, seeds 1-6 and 7,920-7,925, 1.03 % against 1.12 % (R1 and RC1
  // gain, C1 and RC2 lose a little; Solomon R207 loses about 3 % on every seed tried, where several starts
  // still pay). docs/BENCHMARKS.md, 2026-12-07, sixth session.
  const from = Math.min(ELIMINATION_UNTIL, ctx.budget.fraction());
  improveAtFixedFleet(ctx, from, 1);
  // With the budget spent, SISR only runs its opening local search on the feasible result (its moves on
  // the solver's own day schedule). Handing it the last 10 or 20 % of the budget instead was worse on
  // Gehring-Homberger R1 and RC1 (SISR at this fleet leaves customers out and rejects the candidate).
  runSisr(ctx, from);
}
