/** Marks a job absent from the routes compared (a job's neighbours are never this). */
const ABSENT = -3;
/** The neighbour of a job at either end of a day's node sequence (there is none). */
const END = -2;

/**
 * Finds the jobs whose neighbours in a day changed: those at either end of an arc that a change created.
 * The local search revisits these only, not every job of a changed route: a long multi-trip city day
 * (50–100 stops) re-searched whole after each move cost 60–75 % of a city plan's CPU (docs/BENCHMARKS.md,
 * "Local search from the changed arcs"). Keeps two job-indexed arrays, reused across calls.
 */
export class ChangedArcs {
  private readonly pred: Int32Array;
  private readonly succ: Int32Array;

  constructor(jobs: number) {
    this.pred = new Int32Array(jobs).fill(ABSENT);
    this.succ = new Int32Array(jobs).fill(ABSENT);
  }

  /**
   * Calls `visit` once for each job of `after` (node sequences of some days) whose predecessor or successor
   * is not the one it had in `before` (the same days earlier), including jobs that were in none of them.
   */
  forEachChanged(
    before: readonly (readonly number[])[],
    after: readonly (readonly number[])[],
    visit: (job: number) => void,
  ): void {
    const { pred, succ } = this;
    for (const nodes of before)
      for (let p = 0; p < nodes.length; p++) {
        const x = nodes[p]!;
        if (x < 0) continue;
        pred[x] = p > 0 ? nodes[p - 1]! : END;
        succ[x] = p + 1 < nodes.length ? nodes[p + 1]! : END;
      }
    for (const nodes of after)
      for (let p = 0; p < nodes.length; p++) {
        const x = nodes[p]!;
        if (x < 0) continue;
        const a = p > 0 ? nodes[p - 1]! : END;
        const b = p + 1 < nodes.length ? nodes[p + 1]! : END;
        if (pred[x] !== a || succ[x] !== b) visit(x);
      }
    // back to absent, for the next call
    for (const nodes of before)
      for (let p = 0; p < nodes.length; p++) {
        const x = nodes[p]!;
        if (x >= 0) pred[x] = succ[x] = ABSENT;
      }
  }
}
