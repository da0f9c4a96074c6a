import type { PlanTask, PlanTaskResult, TaskBudget } from '../contracts/index.ts';
import type { City } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import { cleanFleetReroutes } from './clean-fleet.ts';
import { planTasks, type BudgetedTask } from './plan-tasks.ts';

/**
 * The clean-fleet counterfactual's re-routes with their budgets (each its carrier's baseline task's), for a
 * caller that solves them beside each other before assembling the plan (`picon plan`'s threads): on a large
 * day they are as much work as the baseline itself.
 */
export function cleanFleetTasks(city: City, results: readonly PlanTaskResult[]): BudgetedTask[] {
  // the counterfactual reads each carrier's own baseline tasks out of all the results
  const reroutes = cleanFleetReroutes(city, results);
  if (reroutes.length === 0) return []; // the carriers' task list is only needed for a re-route's budget
  const tasks = planTasks(city, 'baseline');
  return reroutes.map((task) => ({ task, budget: baselineBudgetOf(tasks, task) }));
}

/**
 * Whether the counterfactual may have re-routes, known before any task is solved: some carrier with orders has a
 * clean type other than its baseline type (the re-routes themselves depend on the baseline's results). The
 * service's flow uses it to leave room in its progress for a second wave of children.
 */
export function cleanFleetMayReroute(city: City): boolean {
  return city.carriers.some(
    (c, i) =>
      (city.cleanTypeOf[c.baselineType] ?? c.baselineType) !== c.baselineType &&
      city.orders.some((o) => o.carrier === i),
  );
}

/** The budget of a carrier's baseline task (same carrier and zone): a rerouted counterfactual gets the same. */
export function baselineBudgetOf(tasks: readonly BudgetedTask[], task: PlanTask): TaskBudget {
  const same = tasks.find(
    (t) =>
      t.task.kind === 'baseline' &&
      task.kind === 'baseline' &&
      t.task.carrierId === task.carrierId &&
      t.task.zone === task.zone,
  );
  if (!same)
    throw new InternalError('BROKEN_INVARIANT', `no baseline task for carrier ${JSON.stringify(task)}`);
  return same.budget;
}

/** The result among `solved` of exactly this task (carrier, zone and vehicle type), if any. */
export function solvedTask(solved: readonly PlanTaskResult[], task: PlanTask): PlanTaskResult | undefined {
  return solved.find(
    (r) =>
      r.task.kind === 'baseline' &&
      task.kind === 'baseline' &&
      r.task.carrierId === task.carrierId &&
      r.task.zone === task.zone &&
      r.task.zones === task.zones &&
      r.task.vehicleType === task.vehicleType,
  );
}
