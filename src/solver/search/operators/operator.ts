import type { Instance } from '../../model/instance.ts';
import type { Solution } from '../solution.ts';

/** What a local-search operator reads: the solution and the granular neighbour lists. */
export interface MoveContext {
  readonly inst: Instance;
  readonly sol: Solution;
  readonly neighbours: readonly Int32Array[];
  /** A move is applied only when it lowers the cost by more than this. */
  readonly epsilon: number;
}

/**
 * One neighbourhood of the local search: looks for an improving move that creates an arc between job
 * `j` and one of its neighbours, screened in O(1) from the routes' cached arc data, and applies the
 * first one whose exact re-evaluation confirms the gain. Returns true if it changed the solution.
 */
export interface LocalSearchOperator {
  readonly name: string;
  improve(ctx: MoveContext, j: number): boolean;
}
