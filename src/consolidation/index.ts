export { ordersByCarrier } from './orders-by-carrier.ts';
export { hubHandling, planResidual, trunkLegs, type UnpooledOrder } from './consolidated.ts';
export {
  listTasks,
  receiverHubs,
  runTask,
  taskTimeLimitsMs,
  RESIDUAL_SHARE,
  type RoutingTask,
} from './tasks.ts';
export type { CarrierRounds } from './carrier-rounds.ts';
export type { PooledRuns } from './pooled-runs.ts';
export type { TrunkLeg } from './trunk.ts';
export type { Bundle } from './bundle.ts';
export type { BundleProblem } from './bundle-problem.ts';
export type { SolveContext } from './solve-context.ts';
