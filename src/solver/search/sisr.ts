import { Annealing, better } from './acceptance.ts';
import {
  FLEET_OPERATORS,
  localSearch,
  NO_WINDOWS_OPERATORS,
  OPERATORS,
  type RevisitScope,
} from './local-search.ts';
import type { LocalSearchOperator, MoveContext } from './operators/operator.ts';
import { recreate } from './recreate.ts';
import { DEFAULT_STRING_RUIN, ruinStrings } from './ruin-strings.ts';
import { ruinRoute, type RouteRuinParams } from './ruin-route.ts';
import { BestKeeper, ProgressReporter, scoreOf, type SearchContext } from './search-context.ts';

/**
 * SISR temperatures as multiples of the typical arc cost. The paper uses T0 = 100, Tf = 1 on both
 * Solomon (mean arc ~ 10-15: about 10x and 0.1x the arc) and the X set (mean arc ~ 70-130: about 1x and
 * 0.01x). Windows make the landscape rugged and need the hotter schedule; without binding windows the
 * cooler one gives 1-3 % better X solutions at the same budget.
 */
export const T0_PER_ARC = 10;
export const TEND_PER_ARC = 0.1;
/**
 * The schedule when windows bind and the objective is cost: half the start and half the end. The paper's
 * 10x / 0.1x fit its budgets of millions of iterations; at the ~11,500 a 2 s Solomon run gets, the last
 * stretch at 0.1x keeps drifting instead of settling. Solomon 56 at 11,500 iterations, seeds 1-3 (mean gap
 * to the distance-only best known): 10x / 0.1x 0.34 %, 10x / 0.03x 0.23 %, 5x / 0.05x 0.21 %, at the same
 * CPU per iteration (docs/BENCHMARKS.md). Objective 'vehicles' keeps 10x / 0.1x: its fleet targets were
 * measured with it.
 */
export const T0_PER_ARC_COST = 5;
export const TEND_PER_ARC_COST = 0.05;
export const T0_PER_ARC_NO_WINDOWS = 1;
export const TEND_PER_ARC_NO_WINDOWS = 0.01;
/**
 * Share of iterations that empty a route (the smallest of three drawn; ruin-route.ts) instead of removing
 * strings only, under objective 'cost' when vehicles carry a fixed cost (city plans; the benchmarks'
 * distance-only instances never do).
 * With strings alone the search sheds vehicles slowly: on the single 10k pooled problem (seed 7) the default
 * effort's plan used 983 vehicles where a 500,000-iteration run used 944, and those vehicles were most of the
 * cost gap. Shares at 15,000 iterations there (seed 7, cost): 0 144,122; 0.1 142,161; 0.3 141,323; 0.5
 * 141,405; 1 141,440. At 0.3 a 1,000-stop problem ends 1.9 % and 0.7 % cheaper (seeds 7, 8), and generated
 * days' carrier rounds 3-4 % cheaper with a tenth fewer vehicles, in half the iterations (docs/BENCHMARKS.md,
 * "Scale, round seven" and "Route removal in city plans").
 */
export const ROUTE_RUIN_SHARE = 0.3;
const ROUTE_RUIN: RouteRuinParams = { tournament: 3, strings: DEFAULT_STRING_RUIN };
/** Probability to skip a position during greedy insertion (SISR: 0.01). */
export const BLINK_RATE = 0.01;
/** Neighbours per job the local search tries (granular: the nearest 10 give most of the gain at 1/4 of the cost of 40). */
const LS_NEIGHBOURS = 10;
/** Cap on local-search moves per iteration (a safety net; a typical iteration applies a few). */
const LS_MAX_MOVES = 1000;
/** Cost of opening a vehicle under objective 'vehicles': larger than any route cost change. */
const VEHICLE_PENALTY_PER_ARC = 1e6;

/**
 * Ruin (adjacent strings; on ROUTE_RUIN_SHARE of the iterations a whole route first, when vehicles carry a
 * fixed cost) and recreate (greedy with blinks), then a granular local search (OPERATORS, NO_WINDOWS_OPERATORS
 * when no window binds, or FLEET_OPERATORS under objective 'vehicles') from the arcs the iteration changed,
 * under simulated annealing, from the budget share `fromFraction` to `untilFraction` (the temperature falls
 * over that span, or over `cool` when given: a search paused at a share and resumed later keeps one
 * schedule). The initial solution gets a full local search first. Leaves the best solution found in
 * `ctx.sol`; returns true where `pause` stopped it early.
 */
export function runSisr(
  ctx: SearchContext,
  fromFraction: number,
  untilFraction = 1,
  cool: { readonly from: number; readonly until: number } = { from: fromFraction, until: untilFraction },
  pause?: SisrPause,
): boolean {
  const { sol, rng, budget } = ctx;
  const annealing = sisrAnnealing(ctx);
  const reporter = new ProgressReporter(ctx);
  const openPenalty = ctx.byVehicles ? VEHICLE_PENALTY_PER_ARC * ctx.arcScale : 0;
  const lsNeighbours = ctx.neighbours.map((l) => l.subarray(0, LS_NEIGHBOURS));
  const moves: MoveContext = { inst: ctx.inst, sol, neighbours: lsNeighbours, epsilon: 1e-7 * ctx.arcScale };
  // The construction is a feasible solution: say so before the opening local search, which takes
  // seconds on 10,000 stops (an abort during it still returns a feasible, partly improved solution).
  if (fromFraction === 0 && budget.iteration === 0) reporter.report(sol.cost(), true);
  sol.begin();
  const routeRuinShare = !ctx.byVehicles && hasFixedCost(ctx) ? ROUTE_RUIN_SHARE : 0;
  const operators = ctx.byVehicles ? FLEET_OPERATORS : ctx.windowsBind ? OPERATORS : NO_WINDOWS_OPERATORS;
  const revisit: RevisitScope = ctx.byVehicles ? 'changed-routes' : 'changed-arcs';
  localSearch(
    moves,
    allAssigned(ctx),
    rng,
    Infinity,
    () => budget.done(budget.progress(sol.cost())),
    operators,
    revisit,
  );
  sol.commit();
  let current = scoreOf(ctx);
  const best = new BestKeeper(sol, current);
  let paused = false;
  let pending = pause;
  for (;;) {
    const progress = budget.progress(best.score.cost);
    if (budget.done(progress) || progress.fraction >= untilFraction) break;
    if (pending !== undefined && progress.fraction >= pending.at) {
      paused = pending.when(best);
      pending = undefined;
      if (paused) break;
    }
    const phase = cool.from >= cool.until ? 1 : (progress.fraction - cool.from) / (cool.until - cool.from);
    sol.begin();
    // no draw when the share is 0: problems without fixed costs keep their random stream, hence their plans
    const removed =
      routeRuinShare > 0 && rng.next() < routeRuinShare
        ? ruinRoute(sol, ctx.neighbours, rng, ROUTE_RUIN)
        : ruinStrings(sol, ctx.neighbours, rng, DEFAULT_STRING_RUIN);
    const toInsert = removed.concat(sol.unassigned);
    sol.unassigned = [];
    // Under 'vehicles' a candidate with more vehicles is always rejected, so once every job is placed,
    // opening one is wasted work (42 % of iterations at the fleet floor on Gehring-Homberger R1).
    const allowOpen = !ctx.byVehicles || best.score.unassigned > 0;
    recreate(sol, toInsert, ctx.recreate, { blinkRate: BLINK_RATE, allowOpen, openPenalty });
    improveTouched(moves, rng, operators, revisit);
    const candidate = scoreOf(ctx);
    budget.iteration++;
    if (annealing.accept(candidate, current, phase, rng)) {
      sol.commit();
      current = candidate;
      if (better(candidate, best.score)) {
        best.save(candidate);
        reporter.report(candidate.cost, true);
        continue;
      }
    } else sol.rollback();
    reporter.report(best.score.cost, false);
  }
  best.restoreInto();
  return paused;
}

/**
 * A question SISR asks its caller once, at the budget share `at`: stop here (with the best solution in
 * `ctx.sol`)? If not, the search goes on exactly as without the question.
 */
export interface SisrPause {
  readonly at: number;
  readonly when: (best: BestKeeper) => boolean;
}

/** SISR's schedule in the problem's cost units: the params' multiples of the arc cost, else the defaults. */
export function sisrAnnealing(ctx: SearchContext): Annealing {
  const t =
    ctx.params.temperature ??
    (!ctx.windowsBind
      ? { start: T0_PER_ARC_NO_WINDOWS, end: TEND_PER_ARC_NO_WINDOWS }
      : ctx.byVehicles
        ? { start: T0_PER_ARC, end: TEND_PER_ARC }
        : { start: T0_PER_ARC_COST, end: TEND_PER_ARC_COST });
  return new Annealing(t.start * ctx.arcScale, t.end * ctx.arcScale);
}

/** Whether some vehicle type has a fixed cost (the route ruin, and no hand-over to the penalised search). */
export function hasFixedCost(ctx: SearchContext): boolean {
  return ctx.inst.problem.vehicleTypes.some((t) => t.fixedCost > 0);
}

/** Local search from what the iteration's ruin and recreate changed (`revisit`: its arcs' ends, or its days' jobs). */
function improveTouched(
  moves: MoveContext,
  rng: SearchContext['rng'],
  operators: readonly LocalSearchOperator[],
  revisit: RevisitScope,
): void {
  const jobs = revisit === 'changed-arcs' ? moves.sol.jobsOnChangedArcs() : moves.sol.jobsOfChangedDays();
  localSearch(moves, jobs, rng, LS_MAX_MOVES, () => false, operators, revisit);
}

function allAssigned(ctx: SearchContext): number[] {
  const jobs: number[] = [];
  for (let j = 0; j < ctx.inst.n; j++) if (ctx.sol.jobRoute[j]! >= 0) jobs.push(j);
  return jobs;
}
