export { planBaseline, ordersByCarrier } from './baseline.ts';
export { planConsolidated, type ConsolidatedPlan, type UnpooledOrder } from './consolidated.ts';
export type { CarrierRounds } from './carrier-rounds.ts';
export type { PooledRuns } from './pooled-runs.ts';
export type { TrunkLeg } from './trunk.ts';
export type { Bundle } from './bundle.ts';
export type { BundleProblem } from './bundle-problem.ts';
export type { SolveContext } from './solve-context.ts';
