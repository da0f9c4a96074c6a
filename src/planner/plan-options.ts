import type { PlanTask, PlanTaskResult, TaskBudget } from '../contracts/index.ts';
import type { FacilityChoice } from '../consolidation/index.ts';
import type { Effort } from '../domain/city.ts';
import type { BaselineCache } from './baseline-cache.ts';
import type { GrandPlanParts } from './coalition-pricing.ts';

/** Progress of a whole plan (baseline + consolidated solves), for progress bars and job progress. */
export interface PlanProgress {
  /** 0..100 over the whole planning run. */
  readonly percent: number;
  readonly phase: 'baseline' | 'consolidated' | 'cost-game';
  /** Best objective found so far in the current phase's solve (routing phases). */
  readonly bestCost: number;
  /** Cost game: coalitions priced so far, of `total` (the percent then counts them). */
  readonly coalitions?: { readonly done: number; readonly total: number };
}

export interface PlanOptions {
  /** Milliseconds clock; default performance.now. */
  readonly clock?: () => number;
  readonly onProgress?: (p: PlanProgress) => void;
  /** Overrides scenario.options.seed (default 1). */
  readonly seed?: number;
  /** Overrides scenario.options.timeLimitSeconds: the wall-clock safety cap (default 120). */
  readonly timeLimitSeconds?: number;
  /** Overrides scenario.options.effort (default normal): the search work, counted in iterations. */
  readonly effort?: Effort;
  /** Carriers' own-rounds results shared between variants of a scenario (see baseline-cache.ts). */
  readonly baselineCache?: BaselineCache;
  /** Replaces every solve's iteration budget (tests, `--max-iterations`); the plan stays reproducible. */
  readonly maxIterations?: number;
}

/**
 * Prices a cost game's chunks of coalitions elsewhere (`picon plan`'s worker threads): the cost of each
 * coalition (bitmask) by `priceCoalitions` against these parts, for the city `buildCity(scenario, options)`
 * builds with the same seed, effort, time cap and iteration override, whatever process prices which chunk;
 * `onChunk` after each chunk priced, with the count of coalitions priced so far.
 */
export type GamePricer = (
  parts: GrandPlanParts,
  chunks: readonly (readonly number[])[],
  onChunk: (coalitionsDone: number) => void,
) => Promise<{ readonly costs: ReadonlyMap<number, number>; readonly timeCapped: boolean }>;

/**
 * Solves a day's routing tasks elsewhere (`picon plan`'s worker threads), each by `runPlanTask` on the city
 * `buildCity(scenario, options)` builds with the same seed, effort, time cap and iteration override: a task's
 * result depends on the day and the task alone, so the results (in the tasks' order) are those of solving them
 * one after the other here. `onProgress(i, fraction, bestCost)` while task i searches.
 */
export type TaskSolver = (
  tasks: readonly { readonly task: PlanTask; readonly budget: TaskBudget }[],
  onProgress: (index: number, fraction: number, bestCost: number) => void,
) => Promise<PlanTaskResult[]>;

/** Where a plan's heavy parts run when not on the calling thread: its routing tasks and its cost game. */
export interface PlanOffload {
  readonly solveTasks: TaskSolver;
  readonly priceGame: GamePricer;
  /**
   * Called once no more work will be offloaded, before the plan's assembly: threads that each hold a copy of
   * the day can end then rather than after it (on a 10,000-receiver day ~250 MB during the assembly's peak).
   */
  readonly release?: () => Promise<void>;
  /**
   * Called once before the first tasks with the day's hub choice (the facility model's answer), so that
   * whoever solves them need not solve the model again.
   */
  readonly adoptFacilities?: (choice: FacilityChoice) => void;
}
