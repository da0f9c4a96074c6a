import type { SearchProgress, SolveParams } from '../api.ts';
import { aborted, anyOf, maxIterations, maxRuntime } from './stop-criteria.ts';

/**
 * The search budget of one solve: elapsed time from the injected clock, iteration count, and the share
 * of the budget used (drives the annealing temperature).
 */
export class Budget {
  readonly startMs: number;
  iteration = 0;
  private readonly stop;

  constructor(private readonly params: SolveParams) {
    this.startMs = params.clock();
    const criteria = [maxRuntime(params.timeLimitMs), aborted(params.signal)];
    if (params.maxIterations !== undefined) criteria.push(maxIterations(params.maxIterations));
    this.stop = anyOf(...criteria);
  }

  elapsedMs(): number {
    return this.params.clock() - this.startMs;
  }

  /**
   * Share of the budget used, 0..1 (drives the annealing schedule). With `maxIterations` it is the
   * iteration share only, so a seed and an iteration budget give the same result whatever the clock
   * does; the time limit then still stops the search, possibly before it has fully cooled.
   */
  fraction(elapsedMs = this.elapsedMs()): number {
    const max = this.params.maxIterations;
    if (max !== undefined) return Math.min(1, this.iteration / Math.max(1, max));
    return this.params.timeLimitMs > 0 ? Math.min(1, elapsedMs / this.params.timeLimitMs) : 1;
  }

  progress(bestCost: number): SearchProgress {
    const elapsedMs = this.elapsedMs();
    return { iteration: this.iteration, elapsedMs, bestCost, fraction: this.fraction(elapsedMs) };
  }

  done(p: SearchProgress): boolean {
    return this.stop(p);
  }
}
