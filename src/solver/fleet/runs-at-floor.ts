import { DEPOT } from '../model/instance.ts';
import type { SearchContext } from '../search/search-context.ts';
import { minimiseFleetByElimination } from './fleet-phase.ts';
import { improveAtFixedFleet } from './fixed-fleet-phase.ts';
import { initialWeights } from './penalty-weights.ts';
import { crossRoutes } from './route-crossover.ts';

/**
 * Distance searches at the fleet floor, each cooled over an equal share of the budget left. Which start
 * route elimination hands over is chance, and so is where one distance search settles: on c1_2_2 (seed 1,
 * 12,000 iterations) three eliminations from the same cost-phase solution ended at 3,019, 2,966 and 2,960
 * after the distance search. The first two runs start from two eliminations, the third from a crossover of
 * the two (route-crossover.ts). Gehring-Homberger 200 at 12,000 iterations, mean gap over seeds 1-3: one
 * run 1.94 %, three runs 1.60 % (C1 0.80 -> 0.59, R2 2.01 -> 1.04, RC2 3.57 -> 2.02: the bad runs are cut
 * off; but R1 1.58 -> 2.27, whose long runs pay); two runs from eliminations without the crossover 1.85 %
 * against 1.82 % on seeds 1-2; shares 1:1:2 worse on seed 1 (2.27 % against 1.63 %), shares 2:1:1 worse on
 * seeds 1-3 (2.21 %). Three seeds resolve about half a point: rc2_2_6 alone swings by 10 points between seeds.
 */
export const RUNS_AT_FLOOR = 3;
/** Runs from new eliminations before the crossovers begin. */
const ELIMINATION_RUNS = 2;

interface Run {
  readonly snap: number[][];
  readonly cost: number;
}

/** One distance search at the floor, as it went (for tests and traces). */
export interface FloorRun {
  readonly start: 'first elimination' | 'new elimination' | 'crossover';
  /** Budget share at which the run was to end. */
  readonly untilFraction: number;
  /** Iterations counted when it ended. */
  readonly endIteration: number;
  /** Whether its start was at the floor fleet (an elimination may not get back there within its share). */
  readonly atFloor: boolean;
  /** Cost it ended at, if it ran at the floor fleet and was kept as a candidate (a repeat of the best is not). */
  readonly cost: number | undefined;
}

/**
 * Where route elimination reached the load lower bound early (the fleet cannot shrink further), splits
 * the rest of the budget from `from` into RUNS_AT_FLOOR equal spans and runs the distance search at the
 * fleet over each: the first from the current solution, the next ones from a new elimination of
 * `costPhaseBest`, then from crossovers. Leaves the cheapest run's solution in `ctx.sol`; returns the runs.
 */
export function bestOfRunsAtFloor(
  ctx: SearchContext,
  costPhaseBest: readonly number[][],
  from: number,
): FloorRun[] {
  const { sol, budget, rng } = ctx;
  const fleet = sol.usedVehicles();
  const span = (1 - from) / RUNS_AT_FLOOR;
  const runs: Run[] = [];
  const trace: FloorRun[] = [];
  for (let run = 0; run < RUNS_AT_FLOOR; run++) {
    const until = run === RUNS_AT_FLOOR - 1 ? 1 : from + (run + 1) * span;
    let start: Parameters<typeof improveAtFixedFleet>[4];
    const crossover = run >= ELIMINATION_RUNS && runs.length >= 2;
    let kept: number | undefined;
    if (crossover) {
      const a = fleetSeqs(runs[0]!.snap);
      const b = fleetSeqs(runs[1]!.snap);
      sol.restore(runs[0]!.snap, []);
      start = (model) => crossRoutes(model, a, b, initialWeights(model), rng);
    } else if (run > 0) {
      sol.restore(costPhaseBest, []);
      minimiseFleetByElimination(ctx, until);
    }
    // An elimination that did not reach the floor within its span gives no run.
    const atFloor = sol.usedVehicles() === fleet;
    if (atFloor) {
      improveAtFixedFleet(ctx, Math.min(until, budget.fraction()), until, until, start);
      // A crossover run that found nothing cheaper leaves the best run in place: not a second parent.
      const repeat = runs.length > 0 && sol.cost() === runs[0]!.cost;
      if (sol.usedVehicles() === fleet && !repeat) {
        kept = sol.cost();
        runs.push({ snap: sol.snapshot(), cost: kept });
        runs.sort((x, y) => x.cost - y.cost);
      }
    }
    trace.push({
      start: crossover ? 'crossover' : run === 0 ? 'first elimination' : 'new elimination',
      untilFraction: until,
      endIteration: budget.iteration,
      atFloor,
      cost: kept,
    });
    if (budget.done(budget.progress(sol.cost()))) break;
  }
  if (runs.length > 0) sol.restore(runs[0]!.snap, []);
  return trace;
}

/** A solution's used routes as fleet-state sequences (node = job + 1, depot 0). */
function fleetSeqs(snap: readonly (readonly number[])[]): number[][] {
  return snap.filter((nodes) => nodes.length > 2).map((nodes) => nodes.map((x) => (x === DEPOT ? 0 : x + 1)));
}
