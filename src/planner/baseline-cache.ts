import type { PlanTask, PlanTaskResult, Scenario, TaskBudget } from '../contracts/index.ts';

/**
 * Results of carriers' own-rounds tasks kept between plans of the same scenario's variants (`picon
 * compare`), so that variants whose baseline inputs are equal share one baseline solve and cannot show
 * different savings from search noise alone.
 */
export type BaselineCache = Map<string, PlanTaskResult>;

/**
 * Everything a carrier's own rounds depend on: its orders, receivers (windows, access), vehicle types,
 * zones, the travel model (speed profiles included), the grid factor and seed. Hubs, the pooled fleet and the carriers' trunk vehicles
 * (legs to a hub, never part of their own rounds) are left out on purpose.
 */
function baselineInputs(scenario: Scenario): unknown {
  const o = scenario.options ?? {};
  return {
    date: scenario.date,
    timezone: scenario.timezone,
    carriers: scenario.carriers.map(({ trunkVehicleType: _trunk, ...ownRounds }) => ownRounds),
    receivers: scenario.receivers,
    orders: scenario.orders,
    vehicleTypes: scenario.vehicleTypes,
    zones: scenario.zones,
    travel: scenario.travel,
    options: {
      circuity: o.circuity,
      matrix: o.matrix,
      electricityCo2eKgPerKWh: o.electricityCo2eKgPerKWh,
      maxStopsPerZone: o.maxStopsPerZone,
    },
  };
}

/**
 * Cache keys of a scenario's baseline tasks, for a seed, budget and iteration override. The scenario's
 * baseline inputs (megabytes on a large day) are serialised once per plan, not once per task.
 */
export function baselineTaskKeys(
  scenario: Scenario,
): (task: PlanTask, budget: TaskBudget, seed: number, maxIterations: number | undefined) => string {
  const inputs = JSON.stringify(baselineInputs(scenario));
  return (task, budget, seed, maxIterations) =>
    `${inputs}|${JSON.stringify([task, budget.iterations, seed, maxIterations ?? null])}`;
}
