import type { SolveParams } from '../api.ts';
import { DEPOT, type Instance } from '../model/instance.ts';
import type { Rng } from '../rng.ts';
import type { Budget } from '../stop/budget.ts';
import type { Score } from './acceptance.ts';
import type { RecreateContext } from './recreate.ts';
import type { Solution } from './solution.ts';

/** State shared by the search phases of one solve. */
export interface SearchContext {
  readonly inst: Instance;
  readonly sol: Solution;
  readonly neighbours: readonly Int32Array[];
  readonly recreate: RecreateContext;
  readonly rng: Rng;
  readonly budget: Budget;
  readonly params: SolveParams;
  readonly byVehicles: boolean;
  /** Typical arc cost, to scale annealing temperatures to the problem's cost units. */
  readonly arcScale: number;
  /** Some job window is narrower than the vehicles' shifts (picks the annealing schedule). */
  readonly windowsBind: boolean;
}

export function scoreOf(ctx: SearchContext): Score {
  let unassignedSize = 0;
  for (const j of ctx.sol.unassigned) unassignedSize += ctx.recreate.demand[j]!;
  return {
    unassigned: ctx.sol.unassigned.length,
    unassignedSize,
    vehicles: ctx.byVehicles ? ctx.sol.usedVehicles() : 0,
    cost: ctx.sol.cost(),
  };
}

/** Best solution seen so far, copying only routes changed since the last copy. */
export class BestKeeper {
  private readonly nodes: number[][];
  private readonly versions: number[];
  private unassigned: number[];
  score: Score;

  constructor(
    private readonly sol: Solution,
    score: Score,
  ) {
    this.nodes = sol.routes.map((r) => r.nodes.slice());
    this.versions = sol.routes.map((r) => r.version);
    this.unassigned = sol.unassigned.slice();
    this.score = score;
  }

  save(score: Score): void {
    this.sol.routes.forEach((r, v) => {
      if (r.version !== this.versions[v]) {
        this.nodes[v] = r.nodes.slice();
        this.versions[v] = r.version;
      }
    });
    this.unassigned = this.sol.unassigned.slice();
    this.score = score;
  }

  /** Vehicles the best solution uses. */
  usedVehicles(): number {
    return this.nodes.reduce((n, nodes) => (nodes.some((j) => j !== DEPOT) ? n + 1 : n), 0);
  }

  restoreInto(): void {
    this.sol.restore(this.nodes, this.unassigned);
    this.sol.routes.forEach((r, v) => (this.versions[v] = r.version));
  }
}

/** Reports progress on every new best, otherwise at most every `intervalMs`. */
export class ProgressReporter {
  private lastMs = -Infinity;
  constructor(
    private readonly ctx: SearchContext,
    private readonly intervalMs = 100,
  ) {}

  report(bestCost: number, improved: boolean): void {
    const cb = this.ctx.params.onProgress;
    if (cb === undefined) return;
    const p = this.ctx.budget.progress(bestCost);
    if (!improved && p.elapsedMs - this.lastMs < this.intervalMs) return;
    this.lastMs = p.elapsedMs;
    cb(p);
  }
}
