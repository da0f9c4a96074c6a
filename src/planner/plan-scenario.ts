import type { Plan, PlanTaskResult, Scenario } from '../contracts/index.ts';
import { facilityChoice, type SolveContext } from '../consolidation/index.ts';
import { planTasks } from './plan-tasks.ts';
import type { City } from '../domain/city.ts';
import { assemblePlan } from './assemble-plan.ts';
import { cleanFleetTasks } from './clean-fleet-tasks.ts';
import { baselineTaskKeys } from './baseline-cache.ts';
import { buildCity } from './build-city.ts';
import { assembleConsolidated } from './consolidated-parts.ts';
import { exactGameCoalitions, gameChunks, gameParts } from './game-parts.ts';
import type { PlanOffload, PlanOptions } from './plan-options.ts';
import { runPlanTask } from './run-task.ts';

/** The solver context of a run: seed, clock, progress and the optional iteration override from the options. */
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
 * A pure function of (scenario, seed, effort): every solve stops on its iteration budget; the wall clock
 * only caps a machine far slower than expected, and the plan then says so in `meta.timeCapped`. The
 * service runs the same tasks as child jobs (runPlanTask) and merges them with assemblePlan.
 */
export function planScenario(scenario: Scenario, options: PlanOptions = {}): Plan {
  const day = planDay(scenario, options);
  for (const { index, task, budget } of day.pending)
    day.settle(index, runPlanTask(day.city, task, budget, day.taskContext(index)));
  return assemblePlan(day.city, scenario, day.results(), day.assemblyContext(), {
    onPriced: (done, total) => gameProgress(options, done, total),
  });
}

/**
 * `planScenario` with the routing tasks solved and the cost game's coalitions priced by `offload` (worker
 * threads) as the service's workers solve and price them: the same plan, in less wall time on a machine with
 * several cores.
 */
export async function planScenarioWith(
  scenario: Scenario,
  offload: PlanOffload,
  options: PlanOptions = {},
): Promise<Plan> {
  const day = planDay(scenario, options);
  offload.adoptFacilities?.(facilityChoice(day.city));
  const solved = await offload.solveTasks(
    day.pending.map(({ task, budget }) => ({ task, budget })),
    (i, fraction, bestCost) => day.report(day.pending[i]?.index ?? 0, fraction, bestCost),
  );
  solved.forEach((result, i) => day.settle(day.pending[i]?.index ?? 0, result));
  const { city } = day;
  const results = day.results();
  const ctx = day.assemblyContext();
  // the clean-fleet counterfactual's re-routes, as much work as the baseline on a large day, beside each other too
  const reroutes = cleanFleetTasks(city, results);
  const rerouted = reroutes.length > 0 ? await offload.solveTasks(reroutes, () => undefined) : [];
  const chunks = gameChunks(exactGameCoalitions(city, scenario));
  if (chunks.length === 0) {
    await offload.release?.();
    return assemblePlan(city, scenario, results, ctx, {}, { rerouted });
  }
  const total = chunks.reduce((n, c) => n + c.length, 0);
  gameProgress(options, 0, total);
  // assembled once: the game's parts come from it, and so does the plan
  const consolidated = assembleConsolidated(city, scenario, results, ctx);
  const priced = await offload.priceGame(gameParts(city, results, consolidated), chunks, (done) =>
    gameProgress(options, done, total),
  );
  await offload.release?.();
  return assemblePlan(
    city,
    scenario,
    results,
    ctx,
    { known: priced.costs, knownTimeCapped: priced.timeCapped },
    { consolidated, rerouted },
  );
}

function gameProgress(options: PlanOptions, done: number, total: number): void {
  options.onProgress?.({
    phase: 'cost-game',
    bestCost: 0,
    percent: Math.min(99, Math.floor((100 * done) / Math.max(1, total))),
    coalitions: { done, total },
  });
}

/**
 * A day's routing tasks in plan order, those a shared baseline already answered settled, the others `pending`
 * for whoever solves them (here or on threads), with the progress they report: the share of the plan's
 * iterations done, the same on every machine however many tasks run at once.
 */
function planDay(scenario: Scenario, options: PlanOptions) {
  const city = buildCity(scenario, {
    seed: options.seed,
    timeLimitSeconds: options.timeLimitSeconds,
    effort: options.effort,
  });
  const tasks = planTasks(city);
  const work = tasks.map((t) => options.maxIterations ?? t.budget.iterations);
  const totalWork = Math.max(
    1,
    work.reduce((a, b) => a + b, 0),
  );
  const fractions = tasks.map(() => 0);
  const phaseOf = (i: number) => (tasks[i]?.task.kind === 'baseline' ? 'baseline' : 'consolidated');
  const report = (i: number, fraction: number, bestCost: number) => {
    fractions[i] = fraction;
    options.onProgress?.({
      phase: phaseOf(i),
      bestCost,
      percent: Math.min(
        99,
        Math.round((100 * fractions.reduce((s, f, k) => s + f * (work[k] ?? 0), 0)) / totalWork),
      ),
    });
  };
  const baselineKey = options.baselineCache && baselineTaskKeys(scenario);
  const keys = tasks.map(({ task, budget }) =>
    baselineKey && task.kind === 'baseline'
      ? baselineKey(task, budget, city.seed, options.maxIterations)
      : undefined,
  );
  const settled: (PlanTaskResult | undefined)[] = keys.map((key) =>
    key !== undefined ? options.baselineCache?.get(key) : undefined,
  );
  settled.forEach((r, i) => r && (fractions[i] = 1));
  return {
    city,
    report,
    pending: tasks.flatMap((t, index) => (settled[index] ? [] : [{ index, ...t }])),
    /** Task i's solve context, reporting its progress into the plan's. */
    taskContext: (i: number) =>
      solveContext(city, options, options.onProgress && ((p) => report(i, p.fraction, p.bestCost))),
    /** Records task i's result (and shares it with later variants through the baseline cache). */
    settle(i: number, result: PlanTaskResult): void {
      const key = keys[i];
      if (key !== undefined) options.baselineCache?.set(key, result);
      settled[i] = result;
      fractions[i] = 1;
    },
    results: () => settled as PlanTaskResult[],
    /** The context of the plan's assembly (trunk, residual and cost-game solves), reporting as consolidated. */
    assemblyContext: () =>
      solveContext(
        city,
        options,
        options.onProgress &&
          ((p) => options.onProgress?.({ phase: 'consolidated', bestCost: p.bestCost, percent: 99 })),
      ),
  };
}
