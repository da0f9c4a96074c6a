import type { RoutingProblem } from '../domain/routing-problem.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import type { SearchProgress } from '../solver/api.ts';
import { solve } from '../solver/index.ts';

/** What a consolidation step needs to run the solver: seed, clock, a progress sink, an optional iteration cap. */
export interface SolveContext {
  readonly seed: number;
  readonly clock: () => number;
  readonly onProgress?: ((p: SearchProgress) => void) | undefined;
  readonly maxIterations?: number | undefined;
}

/**
 * Problems this small (a carrier's few stops in one zone, a tiny day) have converged long before a
 * time budget meant for hundreds of stops runs out: an iteration budget ends them early.
 */
const SMALL_PROBLEM_JOBS = 30;
const SMALL_PROBLEM_ITERATIONS = 30_000;

/** Runs the solver on one problem within `timeLimitMs` under the context's seed, clock and caps. */
export function solveInContext(
  problem: RoutingProblem,
  timeLimitMs: number,
  ctx: SolveContext,
): RoutingSolution {
  const maxIterations =
    ctx.maxIterations ?? (problem.jobs.length <= SMALL_PROBLEM_JOBS ? SMALL_PROBLEM_ITERATIONS : undefined);
  return solve(problem, {
    seed: ctx.seed,
    clock: ctx.clock,
    timeLimitMs,
    onProgress: ctx.onProgress,
    ...(maxIterations !== undefined ? { maxIterations } : {}),
  });
}
