import type { Plan, PlanTask, Scenario } from '../contracts/index.ts';
import { listTasks, taskTimeLimitsMs, type SolveContext } from '../consolidation/index.ts';
import type { City } from '../domain/city.ts';
import { assemblePlan } from './assemble-plan.ts';
import { buildCity } from './build-city.ts';
import type { PlanOptions } from './plan-options.ts';
import { runPlanTask, toPlanTask } from './run-task.ts';

/** A day's independent tasks (carriers' rounds, hubs' pooled runs, per zone) with each one's time budget. */
export function planTasks(city: City): { task: PlanTask; timeLimitMs: number }[] {
  const tasks = listTasks(city);
  const limits = taskTimeLimitsMs(city, tasks);
  return tasks.map((t, i) => ({ task: toPlanTask(city, t), timeLimitMs: limits[i] as number }));
}

/** The solver context of a run: seed, clock, progress and optional iteration cap from the options. */
export function solveContext(
  city: City,
  options: PlanOptions,
  onProgress?: SolveContext['onProgress'],
): SolveContext {
  return {
    seed: city.seed,
    clock: options.clock ?? (() => performance.now()),
    onProgress,
    maxIterations: options.maxIterations,
  };
}

/**
 * The main job: a validated scenario in, `{ baseline, consolidated, savings, allocation }` out, both plans
 * on the same inputs and distance model. Synchronous and CPU-bound: run it off any server's event loop.
 * Deterministic for a seed when the solver stops by iterations rather than time. The service runs the
 * same tasks as child jobs (runPlanTask) and merges them with assemblePlan.
 */
export function planScenario(scenario: Scenario, options: PlanOptions = {}): Plan {
  const city = buildCity(scenario, { seed: options.seed, timeLimitSeconds: options.timeLimitSeconds });
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const limitMs = city.timeLimitS * 1000;
  const progress = (phase: 'baseline' | 'consolidated'): SolveContext['onProgress'] =>
    options.onProgress &&
    ((p) =>
      options.onProgress?.({
        phase,
        bestCost: p.bestCost,
        percent: Math.min(99, Math.round((100 * (clock() - started)) / limitMs)),
      }));
  const results = planTasks(city).map(({ task, timeLimitMs }) =>
    runPlanTask(
      city,
      task,
      timeLimitMs,
      solveContext(city, options, progress(task.kind === 'baseline' ? 'baseline' : 'consolidated')),
    ),
  );
  return assemblePlan(city, scenario, results, solveContext(city, options, progress('consolidated')));
}
