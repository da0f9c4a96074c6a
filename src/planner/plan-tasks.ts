import type { PlanTask, TaskBudget } from '../contracts/index.ts';
import { listTasks, taskBudgets } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { toPlanTask } from './run-task.ts';

/** A day's independent tasks (carriers' rounds, hubs' pooled runs, per zone) with each one's budget. */
export function planTasks(city: City): { task: PlanTask; budget: TaskBudget }[] {
  const tasks = listTasks(city);
  const budgets = taskBudgets(city, tasks);
  return tasks.map((t, i) => ({ task: toPlanTask(city, t), budget: budgets[i] as TaskBudget }));
}
