import type { RoutingProblem } from '../domain/routing-problem.ts';
import type { InitialRoute } from './construction/warm-start.ts';

/** Everything the search reports while it runs. */
export interface SearchProgress {
  readonly iteration: number;
  readonly elapsedMs: number;
  readonly bestCost: number;
  /** Share of the time or iteration budget used, 0..1. */
  readonly fraction: number;
}

/** Stop when this returns true; composed with anyOf(). */
export type StopCriterion = (p: SearchProgress) => boolean;

export interface SolveParams {
  readonly seed: number;
  /** Milliseconds from an arbitrary origin; injected so the engine stays deterministic and testable. */
  readonly clock: () => number;
  readonly timeLimitMs: number;
  /** Iterations of ruin and recreate; 0: the construction alone, without the opening local search. */
  readonly maxIterations?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SearchProgress) => void;
  /** `vehicles`: fewest vehicles first, then cost (benchmark mode); default `cost`. */
  readonly objective?: 'cost' | 'vehicles';
  /**
   * Annealing temperatures at the start and end of the search, as multiples of the mean arc cost of the
   * initial solution (SISR on Solomon: T0 = 100, Tf = 1, about 10x and 0.1x the mean arc; on the X set
   * about 1x and 0.01x).
   * @defaultValue `{ start: 10, end: 0.1 }` when job windows bind, else `{ start: 1, end: 0.01 }`
   */
  readonly temperature?: { readonly start: number; readonly end: number };
  /**
   * Warm start: routes to begin from instead of the greedy construction (infeasible ones are rebuilt, missing
   * jobs inserted greedily; see construction/warm-start.ts). Used to price carrier coalitions cheaply.
   */
  readonly initial?: readonly InitialRoute[];
}

export type { RoutingProblem };
