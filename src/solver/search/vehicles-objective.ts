import { eliminationApplies, minimiseFleetByElimination } from '../fleet/fleet-phase.ts';
import { minimiseFleet } from './fleet-minimisation.ts';
import type { SearchContext } from './search-context.ts';
import { runSisr } from './sisr.ts';

/** Share of the budget given to SISR's fleet minimisation where route elimination does not apply. */
export const FLEET_PHASE_SHARE = 0.4;
/**
 * Where route elimination applies: SISR on cost (never more vehicles) up to this share first, so routes
 * are removed from a cost-optimised solution, not a greedy one...
 */
export const COST_FIRST_SHARE = 0.2;
/**
 * ...then route elimination up to this share (it stops earlier at the load lower bound; an ejection-pool
 * step is one iteration), then SISR on cost at the fleet found.
 */
export const ELIMINATION_UNTIL = 0.4;

/**
 * Objective 'vehicles' (fewest vehicles, then cost). With route elimination (Nagata and Bräysy; see
 * fleet/route-elimination.ts): cost, fleet, cost. Otherwise (mixed fleets, several windows or trips,
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
  // The cost phase cools over what elimination left (it may end early at the load bound).
  runSisr(ctx, Math.min(ELIMINATION_UNTIL, ctx.budget.fraction()));
}
