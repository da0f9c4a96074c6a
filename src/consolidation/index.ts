export { ordersByCarrier } from './orders-by-carrier.ts';
export { hubHandling, planResidual, type UnpooledOrder } from './consolidated.ts';
export {
  planTrunkNetwork,
  legDurationS,
  trunkSolutions,
  type IntermodalRun,
  type PooledOrderAtHub,
  type TrunkNetwork,
} from './trunk-network.ts';
export {
  DEFAULT_FEEDER_VEHICLE_TYPE,
  DEFAULT_TRUNK_HANDLING_MIN,
  TRUNK_DOCK_S,
  TRUNK_LOAD_S,
  TRUNK_MAX_TRIPS,
} from './trunk-fleet.ts';
export { feederTravelS, type FeederRoadRun, type FeederRun, type FeederSailing } from './feeder.ts';
export type { Consignment } from './trunk-consignments.ts';
export {
  adoptFacilityChoice,
  facilityChoice,
  listTasks,
  listTasksOf,
  receiverHubs,
  residualBudget,
  runTask,
  taskBudgets,
  type RoutingTask,
} from './tasks.ts';
export { coalitionIterations, DEFAULT_EFFORT, EFFORTS, solveIterations } from './effort.ts';
export type { CarrierRounds } from './carrier-rounds.ts';
export type { PooledRuns } from './pooled-runs.ts';
export type { TrunkRun } from './trunk.ts';
export type { Bundle } from './bundle.ts';
export type { BundleProblem } from './bundle-problem.ts';
export type { SolveBudget, SolveContext } from './solve-context.ts';
export type { FacilityChoice } from './facility.ts';
export { COALITION_TEMPERATURE, planCoalitionRuns, type GrandTrip } from './coalition-runs.ts';
