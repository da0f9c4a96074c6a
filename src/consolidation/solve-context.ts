import type { RoutingProblem } from '../domain/routing-problem.ts';
import type { RoutingSolution } from '../domain/routing-solution.ts';
import type { SearchProgress, SolveParams } from '../solver/api.ts';
import { solve } from '../solver/index.ts';

/** What a consolidation step needs to run the solver: seed, clock, a progress sink, an optional iteration override. */
export interface SolveContext {
  readonly seed: number;
  readonly clock: () => number;
  readonly onProgress?: ((p: SearchProgress) => void) | undefined;
  /** Replaces every solve's iteration budget (tests, `--max-iterations`). */
  readonly maxIterations?: number | undefined;
}

/** One solve's budget: iterations decide (see effort.ts); the wall-clock limit is only a safety cap. */
export interface SolveBudget {
  readonly iterations: number;
  readonly timeLimitMs: number;
}

/** Routes to start from and the (low) annealing temperature that polishes rather than rebuilds them. */
export type WarmStart = Required<Pick<SolveParams, 'initial' | 'temperature'>>;

/** Runs the solver on one problem within its budget under the context's seed, clock and override. */
export function solveInContext(
  problem: RoutingProblem,
  budget: SolveBudget,
  ctx: SolveContext,
  start?: WarmStart,
): RoutingSolution {
  const maxIterations = ctx.maxIterations ?? budget.iterations;
  return solve(problem, {
    seed: ctx.seed,
    clock: ctx.clock,
    timeLimitMs: budget.timeLimitMs,
    onProgress: ctx.onProgress,
    maxIterations,
    ...(start ? { initial: start.initial, temperature: start.temperature } : {}),
  });
}
