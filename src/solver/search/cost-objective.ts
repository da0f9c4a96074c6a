import { improveAtFixedFleet } from '../fleet/fixed-fleet-phase.ts';
import { fleetLoads, unsupportedReason } from '../fleet/fleet-model.ts';
import { eliminationApplies, loadLowerBound, minimiseFleetByElimination } from '../fleet/fleet-phase.ts';
import type { SearchContext } from './search-context.ts';
import { hasFixedCost, runSisr } from './sisr.ts';

/** Budget share at which SISR stops for the fleet trial, if its best solution is above the load bound. */
export const FLEET_TRIAL_AT = 0.3;
/** Budget share at which the trial's solution is compared with SISR's. */
export const FLEET_TRIAL_UNTIL = 0.5;

/**
 * Objective 'cost': SISR over the whole budget, with one fleet trial where windows do not bind. SISR
 * sheds a vehicle only when a ruin happens to empty a route, and on capacity-only problems packed near
 * the load bound the extra vehicle is extra distance too (X-n200-k36, best known at its 36-vehicle bound:
 * at 60 s on a slower machine SISR kept 37 on two seeds of three, 2.06 / 1.93 % long, where the fleet
 * objective's elimination and penalised search reached 36 at 0.12 / 0.08 %). So at FLEET_TRIAL_AT, if
 * SISR's best uses more vehicles than the load bound, route elimination removes one and the penalised
 * search at that fleet runs until FLEET_TRIAL_UNTIL; the cheaper of the two goes on to the end of the
 * budget with its own search. Where the best known uses more than the bound (X-n101-k25, X-n153-k22) the
 * trial loses once SISR is near it, and SISR resumes on its own schedule. Where SISR is at the bound
 * already it never stops, and its search is the same to the bit as without the trial. CVRP X 8 at 60 s,
 * seeds 1-3, side by side: 0.37 -> 0.23 % (docs/BENCHMARKS.md). Where windows bind there is no trial:
 * one vehicle fewer means longer waits and detours, and 39 of Solomon's 56 distance-only best knowns use
 * more vehicles than the bound; SISR hands over to the penalised search instead (finishAtFixedFleet).
 * Returns what the trial did, or undefined where it was not considered.
 */
export function minimiseCost(ctx: SearchContext): FleetTrial | undefined {
  // the penalised search prices arcs only: a fixed cost per vehicle is SISR's route ruin's to shed
  const sisrAlone =
    ctx.byVehicles || unsupportedReason(ctx.inst) !== undefined || (ctx.windowsBind && hasFixedCost(ctx));
  if (sisrAlone) {
    runSisr(ctx, 0);
    return undefined;
  }
  if (ctx.windowsBind) {
    finishAtFixedFleet(ctx);
    return undefined;
  }
  const bound = loadLowerBound(fleetLoads(ctx.inst));
  const whole = { from: 0, until: 1 };
  const paused = runSisr(ctx, 0, 1, whole, {
    at: FLEET_TRIAL_AT,
    when: (best) => best.score.unassigned === 0 && best.usedVehicles() > bound,
  });
  if (!paused) return { outcome: 'not tried', vehicles: ctx.sol.usedVehicles(), cost: ctx.sol.cost() };
  const trial = tryOneVehicleFewer(ctx, FLEET_TRIAL_UNTIL);
  if (trial.outcome === 'won') improveAtFixedFleet(ctx, ctx.budget.fraction(), 1);
  else runSisr(ctx, ctx.budget.fraction(), 1, whole);
  return trial;
}

/**
 * Where windows bind: SISR until PENALISED_FROM, then the penalised distance search (penalised-sisr.ts) at
 * SISR's fleet to the end. SISR keeps every candidate feasible, and on tight windows it settles in
 * solutions that the search through time warp leaves: Solomon RC102 ends at 1480.46 (1.32 % above the best
 * known, 14-15 vehicles) on every seed at 2 s and at 16,500 iterations, and at 1477.20 after 60,000. The
 * fixed-fleet search never adds a route but may empty one, so it may also shed the vehicle SISR could not.
 * Solomon 56 at 2 s, seeds 1-6, side by side: 0.278 -> 0.234 % (R1 0.28 -> 0.16, RC1 0.71 -> 0.63, RC2
 * 0.43 -> 0.35, R2 0.29 -> 0.31: R2's distance-best solutions use more vehicles than SISR ends with, and
 * the fixed fleet cannot add one; a spare empty route fixed R2 but lost elsewhere, 0.291 % on seeds 1-3);
 * handing over at 0.5 instead was worse (0.294 % on seeds 1-3: the penalised iterations cost more on R2's
 * long routes); 0.9 gave 0.260 % (seeds 1-6), 0.7 0.237 % against 0.8's 0.228 % over seeds 1-12.
 * Keeps SISR's solution where the penalised search finds nothing cheaper. Not where a vehicle has a fixed
 * cost (city plans): the penalised search has no reason to empty a route, and on R101 with a fixed cost
 * of 100 (500 iterations, seed 1) the hand-over ended a vehicle above SISR alone (3645.84 against 3553.76).
 */
export const PENALISED_FROM = 0.8;

function finishAtFixedFleet(ctx: SearchContext): void {
  runSisr(ctx, 0, PENALISED_FROM);
  // where SISR left a job out the fleet model does not apply: SISR goes on, at its final temperature
  if (!improveAtFixedFleet(ctx, ctx.budget.fraction(), 1))
    runSisr(ctx, ctx.budget.fraction(), 1, { from: 0, until: PENALISED_FROM });
}

/** What the fleet trial did (for tests and traces). */
export interface FleetTrial {
  readonly outcome: 'won' | 'lost' | 'not tried';
  /** Vehicles and cost of the solution the trial started from (where not tried: of the final solution). */
  readonly vehicles: number;
  readonly cost: number;
  /** Vehicles and cost of the trial's result, where elimination removed a vehicle. */
  readonly trialVehicles?: number;
  readonly trialCost?: number;
}

/**
 * The fleet trial on the current complete solution, up to the budget share `untilFraction`: route
 * elimination to one vehicle fewer, then the penalised distance search at that fleet. Leaves the trial's
 * result in `ctx.sol` where it is cheaper ('won'), else the solution it started from, unchanged. Not tried
 * where route elimination's model does not fit, a job is left out, the budget is spent, or the fleet is
 * at the load lower bound already.
 */
export function tryOneVehicleFewer(ctx: SearchContext, untilFraction: number): FleetTrial {
  const { sol, budget } = ctx;
  const vehicles = sol.usedVehicles();
  const cost = sol.cost();
  if (!trialApplies(ctx, vehicles)) return { outcome: 'not tried', vehicles, cost };
  const start = sol.snapshot();
  minimiseFleetByElimination(ctx, untilFraction, vehicles - 1);
  if (sol.usedVehicles() < vehicles) {
    improveAtFixedFleet(ctx, Math.min(budget.fraction(), untilFraction), untilFraction);
    // the search at a fixed fleet never adds a route, so only the cost decides
    const tried = { trialVehicles: sol.usedVehicles(), trialCost: sol.cost() };
    if (tried.trialCost < cost) return { outcome: 'won', vehicles, cost, ...tried };
    sol.restore(start, []);
    return { outcome: 'lost', vehicles, cost, ...tried };
  }
  sol.restore(start, []);
  return { outcome: 'lost', vehicles, cost };
}

/** Route elimination's model fits, every job is placed, budget is left, and the fleet is above the load bound. */
function trialApplies(ctx: SearchContext, vehicles: number): boolean {
  if (!eliminationApplies(ctx) || ctx.budget.done(ctx.budget.progress(ctx.sol.cost()))) return false;
  return vehicles > loadLowerBound(fleetLoads(ctx.inst));
}
