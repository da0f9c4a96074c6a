import type { Instance } from '../../model/instance.ts';
import type { Solution } from '../solution.ts';
import type { Move } from './move.ts';

/** What a local-search operator reads: the solution and the granular neighbour lists. */
export interface MoveContext {
  readonly inst: Instance;
  readonly sol: Solution;
  readonly neighbours: readonly Int32Array[];
  /**
   * A move is returned only when it lowers the cost by more than this. `-Infinity` makes `evaluate`
   * return the first feasible candidate whatever its cost (tests use it to walk through moves).
   */
  readonly epsilon: number;
}

/**
 * One neighbourhood of the local search, split as PyVRP and VROOM do: `evaluate` looks for a move that
 * creates an arc between job `j` and one of its neighbours, screened in O(1) from the routes' cached
 * arc data and confirmed by an exact re-evaluation, without changing the solution; `apply` makes it.
 */
export interface LocalSearchOperator {
  readonly name: string;
  /**
   * The first candidate, in the operator's screening order, that is feasible and lowers the summed
   * route cost by more than `ctx.epsilon`, with its exact delta; undefined if none. First rather than
   * best improvement: the search is tuned on it and a seed must keep giving the same routes.
   */
  evaluate(ctx: MoveContext, j: number): Move | undefined;
  /** Makes a move this operator evaluated on the current solution (journaled, so it can be rolled back). */
  apply(sol: Solution, move: Move): void;
}
