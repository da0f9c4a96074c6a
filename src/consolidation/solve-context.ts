import type { SearchProgress } from '../solver/api.ts';

/** What a consolidation step needs to run the solver: seed, clock and a progress sink. */
export interface SolveContext {
  readonly seed: number;
  readonly clock: () => number;
  readonly onProgress?: ((p: SearchProgress) => void) | undefined;
  readonly maxIterations?: number | undefined;
}
