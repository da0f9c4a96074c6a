import type { Effort } from '../domain/city.ts';

/**
 * Search work of a plan, in solver iterations rather than seconds, so that the same scenario, seed and
 * effort give the same plan on any machine and under any load (the wall-clock limit is only a cap).
 *
 * Each solve gets iterations in proportion to the stops it routes, at a rate per kind of task: a hub's
 * pooled runs (the product, where quality is sold) get more per stop than a carrier's own rounds (many
 * small problems of a few hundred stops; the status quo each carrier has long optimised). A task's budget
 * depends on that task alone, so variants of a scenario with the same carriers and orders share their
 * baseline, and a plan does the same work however its tasks are spread over workers.
 *
 * Calibration (docs/BENCHMARKS.md, "Effort"): `normal` first gave the Lille day (1,543 carrier stops, 220
 * pooled stops) about the iterations the former 20 s budget reached on this project's 2-core machine
 * when quiet (pooled 36 a stop, carriers 4). Since the local search revisits only the ends of the arcs a
 * change made, an iteration costs less and does less, most on the carriers' long days: the pooled rates are
 * 1.5 times and the carriers' 2.5 times those (min and max 1.5 times), which on generated Lille days of
 * 2,000 and 10,000 receivers gives better pooled runs and baselines than before for the same CPU or less
 * (docs/BENCHMARKS.md, "Local search from the changed arcs"). Since a share of the iterations empties a whole
 * route (solver/search/ruin-route.ts), a carrier's rounds settle in half the iterations and each costs more
 * on a carrier's long days: the carriers' rates are half those. On generated 2,000-receiver days at `quick`
 * the carriers' rounds came out 3-4 % cheaper with 9-11 % fewer vehicles, for 16-18 % more CPU in all
 * (docs/BENCHMARKS.md, "Route removal in city plans").
 */
export interface EffortBudget {
  /** Iterations per stop of a hub's pooled runs. */
  readonly pooledPerStop: number;
  /** Iterations per stop of a carrier's own rounds (baseline, counterfactual and unpooled orders). */
  readonly carrierPerStop: number;
  /** No solve gets fewer: small problems are cheap per iteration and need a few hundred to settle. */
  readonly minTaskIterations: number;
  /** No solve gets more: keeps the largest days (10,000 receivers) within minutes. */
  readonly maxTaskIterations: number;
}

export const EFFORTS: Readonly<Record<Effort, EffortBudget>> = {
  // no iteration: every solve returns its construction (the solver skips even its opening local search), so a
  // 10,000-receiver day has a feasible whole-day plan in seconds; the other efforts improve on it
  draft: { pooledPerStop: 0, carrierPerStop: 0, minTaskIterations: 0, maxTaskIterations: 0 },
  quick: { pooledPerStop: 12, carrierPerStop: 1.25, minTaskIterations: 225, maxTaskIterations: 15_000 },
  normal: { pooledPerStop: 54, carrierPerStop: 5, minTaskIterations: 750, maxTaskIterations: 60_000 },
  thorough: { pooledPerStop: 225, carrierPerStop: 20, minTaskIterations: 3_000, maxTaskIterations: 240_000 },
};

export const DEFAULT_EFFORT: Effort = 'normal';

/** Iterations of one solve routing `stops` stops. */
export function solveIterations(effort: Effort, kind: 'pooled' | 'carrier', stops: number): number {
  const b = EFFORTS[effort];
  const perStop = kind === 'pooled' ? b.pooledPerStop : b.carrierPerStop;
  return Math.min(b.maxTaskIterations, Math.max(b.minTaskIterations, Math.round(perStop * stops)));
}

/**
 * Iterations per stop of one coalition's pooled runs when pricing a cost game (issue 9: up to 4,095 coalitions
 * per plan). The search starts from the grand coalition's routes and only has to polish what removing the
 * others' stops left; the figures are calibrated in docs/BENCHMARKS.md ("Cost game").
 */
export const COALITION_PER_STOP: Readonly<Record<Effort, number>> = {
  draft: 0,
  quick: 0.25,
  normal: 0.5,
  thorough: 2,
};
const COALITION_MIN_ITERATIONS = 20;

/** Iterations of one coalition's solve routing `stops` stops (pooled runs or trunk). */
export function coalitionIterations(effort: Effort, stops: number): number {
  const b = EFFORTS[effort];
  return Math.min(
    b.maxTaskIterations,
    Math.max(COALITION_MIN_ITERATIONS, Math.round(COALITION_PER_STOP[effort] * stops)),
  );
}
