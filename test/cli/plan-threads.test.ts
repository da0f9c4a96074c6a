import { describe, expect, it } from 'vitest';
import { PlanThreads, planThreadCount, withPlanThreads } from '../../src/cli/plan-threads.ts';
import { InputError } from '../../src/domain/errors.ts';
import type { PlanTaskResult } from '../../src/contracts/index.ts';
import {
  buildCity,
  planScenario,
  planScenarioWith,
  planTasks,
  runPlanTask,
  solveContext,
  type PlanProgress,
} from '../../src/planner/index.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlan } from '../support/audit/index.ts';

// `picon plan` solves the routing tasks and prices the cost game's coalitions on one worker thread per core: a
// task's result and c(S) are functions of the day alone, so the plan must be the one planScenario makes alone,
// to the cent and the metre
describe('a plan on worker threads', () => {
  const day = generateCityDay({ city: 'lille', receivers: 30, seed: 12, carriers: 5 });
  const scenario = { ...day, options: { ...day.options, seed: 12, effort: 'quick' as const } };
  const options = { maxIterations: 200 };

  it('is planScenario’s plan: tasks and chunks taken by two threads as they finish', async () => {
    const tasksSent: number[] = [];
    const chunksSeen: number[] = [];
    const progress: PlanProgress[] = [];
    const threaded = await withPlanThreads(scenario, options, 2, (offload) =>
      planScenarioWith(
        scenario,
        {
          solveTasks: (tasks, onProgress) => {
            tasksSent.push(tasks.length);
            return offload.solveTasks(tasks, onProgress);
          },
          priceGame: (parts, chunks, onChunk) =>
            offload.priceGame(parts, chunks, (done) => {
              chunksSeen.push(done);
              onChunk(done);
            }),
        },
        { ...options, onProgress: (p) => progress.push(p) },
      ),
    );
    const alone = planScenario(scenario, options);
    const strip = (p: typeof alone) => ({ ...p, meta: { ...p.meta, solveSeconds: 0 } });
    expect(strip(threaded)).toEqual(strip(alone));
    // every task went to the threads: 5 carriers' rounds, asked first, then the hub's pooled runs
    expect(tasksSent).toEqual([5, 1]);
    expect(threaded.allocationGame?.coalitions).toHaveLength(2 ** 5 - 1);
    // 30 coalitions to price: 2 chunks of 15, one per thread
    expect(chunksSeen).toEqual([15, 30]);
    // the bar never moves back while tasks run side by side, and reaches the cost game
    const routing = progress.filter((p) => p.phase !== 'cost-game').map((p) => p.percent);
    expect(routing.length).toBeGreaterThan(6);
    expect(routing).toEqual([...routing].sort((a, b) => a - b));
    expect(progress.at(-1)?.phase).toBe('cost-game');
    expect(auditPlan(scenario, threaded)).toEqual([]);
  });

  it('solves the clean-fleet counterfactual’s re-routes on the threads too, with planScenario’s result', async () => {
    // cargo bikes cannot drive the vans' rounds as they are: every van carrier's zones are routed again
    const bikes = {
      ...scenario,
      options: {
        ...scenario.options,
        allocation: 'pro-rata-by-kg' as const,
        cleanFleetVehicleTypes: { 'diesel-van': 'cargo-bike' },
      },
    };
    const sent: string[][] = [];
    const threaded = await withPlanThreads(bikes, options, 2, (offload) =>
      planScenarioWith(
        bikes,
        {
          ...offload,
          solveTasks: (tasks, onProgress) => {
            sent.push(
              tasks.map(({ task }) =>
                task.kind === 'baseline' ? `${task.carrierId}:${task.vehicleType ?? ''}` : task.hubId,
              ),
            );
            return offload.solveTasks(tasks, onProgress);
          },
        },
        options,
      ),
    );
    const alone = planScenario(bikes, options);
    const strip = (p: typeof alone) => ({ ...p, meta: { ...p.meta, solveSeconds: 0 } });
    expect(strip(threaded)).toEqual(strip(alone));
    const vans = bikes.carriers
      .filter((c) => c.baselineVehicleType === 'diesel-van')
      .map((c) => `${c.id}:cargo-bike`);
    // the carriers' rounds, the pooled runs, then the re-routes
    expect(sent).toHaveLength(3);
    expect(sent[2]).toEqual(vans);
    expect(threaded.ownRoundsCleanFleet.carriers.filter((c) => c.method === 'rerouted')).toHaveLength(4);
    expect(auditPlan(bikes, threaded)).toEqual([]);
  });

  it('fails with the thread’s own error kind and field, not a bare Error', async () => {
    const threads = new PlanThreads(scenario, options, 2);
    try {
      const unknown = { kind: 'baseline' as const, carrierId: 'no-such-carrier', zone: 0, zones: 1 };
      const failure = threads.solveTasks(
        [{ task: unknown, budget: { iterations: 10, timeLimitMs: 1000 } }],
        () => {},
      );
      await expect(failure).rejects.toBeInstanceOf(InputError);
      await expect(failure).rejects.toMatchObject({ code: 'UNKNOWN_REFERENCE', field: 'task.carrierId' });
    } finally {
      await threads.close();
    }
  });

  it('shares its threads between calls asked at once, each answered with its own tasks’ results', async () => {
    const city = buildCity(scenario, {});
    const tasks = planTasks(city);
    const alone = tasks.map((t) => runPlanTask(city, t.task, t.budget, solveContext(city, options)));
    const threads = new PlanThreads(scenario, options, 2);
    try {
      // the pooled runs asked while the carriers' rounds are still queued, as picon plan asks them
      const [first, second] = await Promise.all([
        threads.solveTasks(tasks.slice(0, 4), () => {}),
        threads.solveTasks(tasks.slice(4), () => {}),
      ]);
      const timeless = (r: PlanTaskResult) => ({ ...r, solveSeconds: 0 });
      expect([...first!, ...second!].map(timeless)).toEqual(alone.map(timeless));
      expect(second!.map((r) => r.task)).toEqual(tasks.slice(4).map((t) => t.task));
    } finally {
      await threads.close();
    }
  });

  it('never starts a lone thread: on one core the main thread plans alone', () => {
    expect(planThreadCount()).not.toBe(1);
  });
});
