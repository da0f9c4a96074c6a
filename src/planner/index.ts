export { planScenario } from './plan-scenario.ts';
export type { PlanOptions, PlanProgress } from './plan-options.ts';
export { buildCity } from './build-city.ts';
