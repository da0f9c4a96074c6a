import type { Plan, Scenario } from '../contracts/index.ts';
import type { SolveContext } from '../consolidation/index.ts';
import { planTasks } from './plan-tasks.ts';
import type { City } from '../domain/city.ts';
import { assemblePlan } from './assemble-plan.ts';
import { baselineTaskKeys } from './baseline-cache.ts';
import { buildCity } from './build-city.ts';
import { assembleConsolidated } from './consolidated-parts.ts';
import { exactGameCoalitions, gameChunks, gameParts } from './game-parts.ts';
import type { GamePricer, PlanOptions } from './plan-options.ts';
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
  const { city, results, progress } = solveTasks(scenario, options);
  return assemblePlan(city, scenario, results, solveContext(city, options, progress('consolidated', 0)), {
    onPriced: (done, total) => gameProgress(options, done, total),
  });
}

/**
 * `planScenario` with the cost game's coalitions priced by `priceGame` (worker threads) in chunks, as the
 * service's workers price them: the same plan, in less wall time on a machine with several cores.
 */
export async function planScenarioWith(
  scenario: Scenario,
  priceGame: GamePricer,
  options: PlanOptions = {},
): Promise<Plan> {
  const { city, results, progress } = solveTasks(scenario, options);
  const ctx = solveContext(city, options, progress('consolidated', 0));
  const chunks = gameChunks(exactGameCoalitions(city, scenario));
  if (chunks.length === 0) return assemblePlan(city, scenario, results, ctx);
  const total = chunks.reduce((n, c) => n + c.length, 0);
  gameProgress(options, 0, total);
  // assembled once: the game's parts come from it, and so does the plan
  const consolidated = assembleConsolidated(city, scenario, results, ctx);
  const priced = await priceGame(gameParts(city, results, consolidated), chunks, (done) =>
    gameProgress(options, done, total),
  );
  return assemblePlan(
    city,
    scenario,
    results,
    ctx,
    { known: priced.costs, knownTimeCapped: priced.timeCapped },
    consolidated,
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

/** The day's routing tasks solved in plan order (a shared baseline reused), with the progress they report. */
function solveTasks(scenario: Scenario, options: PlanOptions) {
  const city = buildCity(scenario, {
    seed: options.seed,
    timeLimitSeconds: options.timeLimitSeconds,
    effort: options.effort,
  });
  const tasks = planTasks(city);
  // progress is the share of the plan's iterations done: the same on every machine
  const work = tasks.map((t) => options.maxIterations ?? t.budget.iterations);
  const totalWork = Math.max(
    1,
    work.reduce((a, b) => a + b, 0),
  );
  let done = 0;
  const baselineKey = options.baselineCache && baselineTaskKeys(scenario);
  const progress = (phase: 'baseline' | 'consolidated', taskWork: number): SolveContext['onProgress'] =>
    options.onProgress &&
    ((p) =>
      options.onProgress?.({
        phase,
        bestCost: p.bestCost,
        percent: Math.min(99, Math.round((100 * (done + p.fraction * taskWork)) / totalWork)),
      }));
  const results = tasks.map(({ task, budget }, i) => {
    const phase = task.kind === 'baseline' ? 'baseline' : 'consolidated';
    const key =
      baselineKey && task.kind === 'baseline'
        ? baselineKey(task, budget, city.seed, options.maxIterations)
        : undefined;
    const result =
      (key !== undefined ? options.baselineCache?.get(key) : undefined) ??
      runPlanTask(city, task, budget, solveContext(city, options, progress(phase, work[i] ?? 0)));
    if (key !== undefined) options.baselineCache?.set(key, result);
    done += work[i] ?? 0;
    return result;
  });
  return { city, results, progress };
}
