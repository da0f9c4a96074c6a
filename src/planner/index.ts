export { planScenario, planScenarioWith, solveContext } from './plan-scenario.ts';
export { planTasks } from './plan-tasks.ts';
export { runPlanTask } from './run-task.ts';
export { assemblePlan, type CostGameOptions } from './assemble-plan.ts';
export { priceCoalitions, type GrandPlanParts, type PricedCoalitions } from './coalition-pricing.ts';
export { exactGameCoalitions, gameChunks, planGameParts } from './game-parts.ts';
export type { GamePricer, PlanOffload, PlanOptions, PlanProgress, TaskSolver } from './plan-options.ts';
export { buildCity, DEFAULT_SEED } from './build-city.ts';
export type { BaselineCache } from './baseline-cache.ts';
