/** Progress of a whole plan (baseline + consolidated solves), for progress bars and job progress. */
export interface PlanProgress {
  /** 0..100 over the whole planning run. */
  readonly percent: number;
  readonly phase: 'baseline' | 'consolidated';
  /** Best objective found so far in the current phase's solve. */
  readonly bestCost: number;
}

export interface PlanOptions {
  /** Milliseconds clock; default performance.now. */
  readonly clock?: () => number;
  readonly onProgress?: (p: PlanProgress) => void;
  /** Overrides scenario.options.seed (default 1). */
  readonly seed?: number;
  /** Overrides scenario.options.timeLimitSeconds (default 20). */
  readonly timeLimitSeconds?: number;
  /**
   * Also stop each solve after this many search iterations: with a time limit large enough not to bind,
   * the plan is then the same on every machine for a given seed (tests, result comparisons).
   */
  readonly maxIterations?: number;
}
