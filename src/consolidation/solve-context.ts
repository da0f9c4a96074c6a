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

/** Runs the solver on one problem within `timeLimitMs` under the context's seed, clock and caps. */
export function solveInContext(
  problem: RoutingProblem,
  timeLimitMs: number,
  ctx: SolveContext,
): RoutingSolution {
  return solve(problem, {
    seed: ctx.seed,
    clock: ctx.clock,
    timeLimitMs,
    onProgress: ctx.onProgress,
    ...(ctx.maxIterations !== undefined ? { maxIterations: ctx.maxIterations } : {}),
  });
}
