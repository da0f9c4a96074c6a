import type { Plan, PlanTask, PlanTaskResult, Scenario } from '../contracts/index.ts';
import { facilityChoice, type SolveContext } from '../consolidation/index.ts';
import { planTasks, type BudgetedTask } from './plan-tasks.ts';
import type { City } from '../domain/city.ts';
import { InternalError } from '../domain/errors.ts';
import { assemblePlan } from './assemble-plan.ts';
import { cleanFleetTasks } from './clean-fleet-tasks.ts';
import { baselineTaskKeys } from './baseline-cache.ts';
import { buildCity } from './build-city.ts';
import { assembleConsolidated } from './consolidated-parts.ts';
import { exactGameCoalitions, gameChunks, gameParts } from './game-parts.ts';
import type { PlanOffload, PlanOptions } from './plan-options.ts';
import { baselineEmissions } from './plan-emissions.ts';
import { runPlanTask } from './run-task.ts';

type TaskKind = PlanTask['kind'];
const TASK_KINDS: readonly TaskKind[] = ['baseline', 'pooled'];

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
  for (const { index, task, budget } of [...day.list('baseline'), ...day.list('pooled')])
    day.settle(index, runPlanTask(day.city, task, budget, day.taskContext(index)));
  return assemblePlan(day.city, scenario, day.results(), day.assemblyContext(), {
    onPriced: (done, total) => gameProgress(options, done, total),
  });
}

/**
 * `planScenario` with the routing tasks solved and the cost game's coalitions priced by `offload` (worker
 * threads) as the service's workers solve and price them: the same plan, in less wall time on a machine with
 * several cores. The carriers' rounds go first, while the facility model is solved here (they do not need it),
 * and their clean-fleet re-routes as soon as the rounds are in.
 */
export async function planScenarioWith(
  scenario: Scenario,
  offload: PlanOffload,
  options: PlanOptions = {},
): Promise<Plan> {
  const day = planDay(scenario, options);
  const { city } = day;
  const solve = async (pending: readonly PendingTask[]): Promise<void> => {
    const solved = await offload.solveTasks(
      pending.map(({ task, budget }) => ({ task, budget })),
      (i, fraction, bestCost) => day.report(pending[i]?.index ?? 0, fraction, bestCost),
    );
    solved.forEach((result, i) => day.settle(pending[i]?.index ?? 0, result));
  };
  const baseline = solve(day.list('baseline'));
  offload.adoptFacilities?.(facilityChoice(city));
  const pooled = solve(day.list('pooled'));
  // the clean-fleet counterfactual's re-routes: as much work as the baseline on a large day, and known from it
  const reroutes = baseline.then(() => {
    const tasks = cleanFleetTasks(city, day.solved('baseline'));
    return tasks.length > 0 ? offload.solveTasks(tasks, () => undefined) : [];
  });
  // the baseline's emissions, on this thread while the threads route the pooled runs
  const emissions = baseline.then(() =>
    baselineEmissions(
      city,
      scenario,
      day.solved('baseline').flatMap((r) => r.routes),
    ),
  );
  const [, , rerouted, baselineAllocation] = await Promise.all([baseline, pooled, reroutes, emissions]);
  const results = day.results();
  const ctx = day.assemblyContext();
  const chunks = gameChunks(exactGameCoalitions(city, scenario));
  if (chunks.length === 0) {
    await offload.release?.();
    return assemblePlan(
      city,
      scenario,
      results,
      ctx,
      {},
      { rerouted, baselineEmissions: baselineAllocation },
    );
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
    { consolidated, rerouted, baselineEmissions: baselineAllocation },
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

/** A task of the day not answered yet: its place in the plan's task order, and what to solve. */
type PendingTask = BudgetedTask & { readonly index: number };

/**
 * A day's routing tasks in plan order (carriers' rounds, then pooled runs: each kind listed when the caller
 * asks, the pooled runs needing the facility model), those a shared baseline already answered settled, the
 * others returned by `list` for whoever solves them (here or on threads), with the progress they report: the
 * share of the plan's iterations done, the same on every machine however many tasks run at once.
 */
function planDay(scenario: Scenario, options: PlanOptions) {
  const city = buildCity(scenario, {
    seed: options.seed,
    timeLimitSeconds: options.timeLimitSeconds,
    effort: options.effort,
  });
  const tasks: BudgetedTask[] = [];
  const work: number[] = [];
  const fractions: number[] = [];
  const keys: (string | undefined)[] = [];
  const settled: (PlanTaskResult | undefined)[] = [];
  const listed = new Set<TaskKind>();
  const baselineKey = options.baselineCache && baselineTaskKeys(scenario);
  // the last report made before the whole day's work was known, made again once it is
  let held: { i: number; bestCost: number } | undefined;
  const report = (i: number, fraction: number, bestCost: number) => {
    fractions[i] = fraction;
    // a share of the whole day's work, known once both kinds are listed: before, the bar would move back
    if (listed.size < TASK_KINDS.length) {
      held = { i, bestCost };
      return;
    }
    const totalWork = Math.max(
      1,
      work.reduce((a, b) => a + b, 0),
    );
    options.onProgress?.({
      phase: tasks[i]?.task.kind === 'baseline' ? 'baseline' : 'consolidated',
      bestCost,
      percent: Math.min(
        99,
        Math.round((100 * fractions.reduce((s, f, k) => s + f * (work[k] ?? 0), 0)) / totalWork),
      ),
    });
  };
  return {
    city,
    report,
    /** The day's tasks of `kind` (each kind once, carriers' rounds first), less those the baseline cache answers. */
    list(kind: TaskKind): PendingTask[] {
      if (listed.has(kind) || (kind === 'pooled' && !listed.has('baseline')))
        throw new InternalError('BROKEN_INVARIANT', `the day's ${kind} tasks listed out of order`);
      listed.add(kind);
      const pending: PendingTask[] = [];
      for (const t of planTasks(city, kind)) {
        const index = tasks.push(t) - 1;
        const key =
          baselineKey && t.task.kind === 'baseline'
            ? baselineKey(t.task, t.budget, city.seed, options.maxIterations)
            : undefined;
        const cached = key !== undefined ? options.baselineCache?.get(key) : undefined;
        work[index] = options.maxIterations ?? t.budget.iterations;
        fractions[index] = cached ? 1 : 0;
        keys[index] = key;
        settled[index] = cached;
        if (!cached) pending.push({ index, ...t });
      }
      if (held && listed.size === TASK_KINDS.length) report(held.i, fractions[held.i] ?? 0, held.bestCost);
      return pending;
    },
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
    /** The results of `kind`'s tasks, once that kind's are all settled. */
    solved: (kind: TaskKind) => settled.filter((r): r is PlanTaskResult => r?.task.kind === kind),
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
