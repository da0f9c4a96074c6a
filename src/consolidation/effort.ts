import type { Effort } from '../domain/city.ts';

/**
 * Search work of a plan, in solver iterations rather than seconds, so that the same scenario, seed and
 * effort give the same plan on any machine and under any load (the wall-clock limit is only a cap).
 *
 * A plan's work is `iterationsPerStop` times its stops (every task's stops: the carriers' own rounds and
 * the hubs' pooled runs), at most `maxPlanIterations`, shared between tasks as the time used to be
 * (see tasks.ts: 40 % to the carriers' own rounds, 55 % to the pooled runs, 5 % to re-routing what the
 * hubs could not take, each share split by stops); no solve gets fewer than `minTaskIterations`.
 *
 * Calibration (docs/BENCHMARKS.md, "Effort"): `normal` gives the Lille day about the iterations the old
 * 20 s budget reached on this project’s 2-core machine when quiet (pooled runs ≈ 8,000, each carrier ≈ 750).
 */
export interface EffortBudget {
  readonly iterationsPerStop: number;
  readonly minTaskIterations: number;
  readonly maxPlanIterations: number;
}

export const EFFORTS: Readonly<Record<Effort, EffortBudget>> = {
  quick: { iterationsPerStop: 2, minTaskIterations: 150, maxPlanIterations: 60_000 },
  normal: { iterationsPerStop: 8, minTaskIterations: 500, maxPlanIterations: 200_000 },
  thorough: { iterationsPerStop: 40, minTaskIterations: 2_000, maxPlanIterations: 1_000_000 },
};

export const DEFAULT_EFFORT: Effort = 'normal';

/** The plan's total iterations for this many stops. */
export function planIterations(effort: Effort, stops: number): number {
  const b = EFFORTS[effort];
  return Math.min(b.maxPlanIterations, Math.round(b.iterationsPerStop * stops));
}

/** A task's iterations: its share of the plan's work, never below the effort's floor. */
export function taskIterations(effort: Effort, planWork: number, share: number): number {
  return Math.max(EFFORTS[effort].minTaskIterations, Math.round(planWork * share));
}
