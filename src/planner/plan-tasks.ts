import type { PlanTask, TaskBudget } from '../contracts/index.ts';
import { listTasks, listTasksOf, taskBudgets, type RoutingTask } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { toPlanTask } from './run-task.ts';

/** A routing task as the plan's parts exchange it, with its budget. */
export type BudgetedTask = { task: PlanTask; budget: TaskBudget };

/**
 * A day's independent tasks (carriers' rounds, hubs' pooled runs, per zone) with each one's budget; of one
 * kind only when `kind` says so (a task's budget depends on the tasks of its own kind alone).
 */
export function planTasks(city: City, kind?: RoutingTask['kind']): BudgetedTask[] {
  const tasks = kind === undefined ? listTasks(city) : listTasksOf(city, kind);
  const budgets = taskBudgets(city, tasks);
  return tasks.map((t, i) => ({ task: toPlanTask(city, t), budget: budgets[i] as TaskBudget }));
}
