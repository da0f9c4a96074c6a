import { describe, expect, it } from 'vitest';
import type { Plan, PlanTaskResult, Scenario } from '../../src/contracts/index.ts';
import { priceCoalitions } from '../../src/planner/coalition-pricing.ts';
import {
  buildCity,
  planScenario,
  planScenarioWith,
  runPlanTask,
  solveContext,
} from '../../src/planner/index.ts';
import type { PlanOffload, PlanProgress } from '../../src/planner/plan-options.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';
import { residualScenario } from '../support/residual-scenario.ts';

// planScenario and planScenarioWith on residualScenario at 30 iterations a solve: four routing tasks (A's, B's
// and C's own rounds, then H's pooled runs, 30 iterations each, 120 in all) and a cost game of 2^3 - 2 = 6
// coalitions. The clean-fleet counterfactual re-routes A, B and C with e-vans.
const scenario = residualScenario();
const OPTIONS = { maxIterations: 30 };

/** A plan without its wall time, the one figure that differs between two runs of the same day. */
const timeless = (p: Plan) => ({ ...p, meta: { ...p.meta, solveSeconds: 0 } });

/**
 * Solves and prices in this process, as picon plan's threads would, recording what it was asked; `tamper` may
 * change what it answers, to show the plan takes its answers.
 */
function inProcess(
  s: Scenario,
  tamper: {
    reroute?: (r: PlanTaskResult) => PlanTaskResult;
    costs?: (c: { coalition: number; costEur: number }) => number;
    timeCapped?: boolean;
  } = {},
) {
  const city = buildCity(s, {});
  const ctx = solveContext(city, OPTIONS);
  const asked: { tasks: number; chunks: number[][] } = { tasks: 0, chunks: [] };
  const offload: PlanOffload = {
    solveTasks: async (tasks, onProgress) => {
      asked.tasks += tasks.length;
      return tasks.map((t, i) => {
        onProgress(i, 0.5, 7);
        const result = runPlanTask(city, t.task, t.budget, ctx);
        return t.task.kind === 'baseline' && t.task.vehicleType !== undefined && tamper.reroute
          ? tamper.reroute(result)
          : result;
      });
    },
    priceGame: async (parts, chunks, onChunk) => {
      asked.chunks.push(...chunks.map((c) => [...c]));
      const priced = priceCoalitions(city, parts, ctx, chunks.flat());
      onChunk(priced.costs.length);
      return {
        costs: new Map(priced.costs.map((c) => [c.coalition, tamper.costs?.(c) ?? c.costEur])),
        timeCapped: tamper.timeCapped ?? priced.timeCapped,
      };
    },
  };
  return { offload, asked };
}

let plan: Plan;
const progress: PlanProgress[] = [];
beforeAllOrFail(() => {
  plan = planScenario(scenario, { ...OPTIONS, onProgress: (p) => progress.push(p) });
});

describe('a day planned in one process', () => {
  it('reports the routing tasks’ share of the plan’s iterations, baseline first, never 100 %', () => {
    const routing = progress.filter((p) => p.phase !== 'cost-game');
    expect(routing.length).toBeGreaterThan(0);
    for (const p of routing) {
      expect(p.percent).toBeGreaterThanOrEqual(0);
      expect(p.percent).toBeLessThanOrEqual(99);
    }
    // the three baseline tasks are 90 of the 120 iterations: 75 % at most while they run
    const baseline = progress.filter((p) => p.phase === 'baseline');
    expect(baseline.length).toBeGreaterThan(0);
    expect(Math.max(...baseline.map((p) => p.percent))).toBeLessThanOrEqual(75);
    expect(baseline.some((p) => p.percent > 0)).toBe(true);
    // H's pooled runs start once the baseline is done: 75 % and more
    const firstConsolidated = progress.findIndex((p) => p.phase === 'consolidated');
    expect(progress.slice(firstConsolidated).every((p) => p.phase !== 'baseline')).toBe(true);
    expect(progress[firstConsolidated]!.percent).toBeGreaterThanOrEqual(75);
  });

  it('reports the cost game by coalitions priced, at most 99 %', () => {
    const game = progress.filter((p) => p.phase === 'cost-game');
    // floor(100 * done / 6), the last one held at 99
    expect(game).toEqual(
      [16, 33, 50, 66, 83, 99].map((percent, k) => ({
        phase: 'cost-game',
        bestCost: 0,
        percent,
        coalitions: { done: k + 1, total: 6 },
      })),
    );
  });

  it('reports the assembly’s own solves as consolidated work at 99 %', () => {
    const firstGame = progress.findIndex((p) => p.phase === 'cost-game');
    const assembly = progress
      .slice(0, firstGame)
      .filter((p) => p.phase === 'consolidated' && p.percent === 99);
    expect(assembly.length).toBeGreaterThan(0);
  });

  it('is the plan of its tasks solved one after the other, seeded by the scenario unless told otherwise', () => {
    expect(plan.scenario.seed).toBe(1);
    const other = planScenario(scenario, { ...OPTIONS, seed: 7, effort: 'quick', timeLimitSeconds: 9 });
    expect(other.scenario).toMatchObject({ seed: 7, effort: 'quick', timeLimitSeconds: 9 });
    expect(plan.baseline.routes.map((r) => r.start)).toEqual(expect.arrayContaining(['A', 'B', 'C']));
    expect(plan.allocationGame?.coalitions).toHaveLength(7);
    expect(planScenario(scenario, { ...OPTIONS, seed: 1 }).allocation).toEqual(plan.allocation);
  });
});

describe('a day planned with its tasks and cost game offloaded', () => {
  it('gives the same plan as in one process, and reports as it goes', async () => {
    const { offload, asked } = inProcess(scenario);
    const seen: PlanProgress[] = [];
    const offloaded = await planScenarioWith(scenario, offload, {
      ...OPTIONS,
      onProgress: (p) => seen.push(p),
    });
    expect(timeless(offloaded)).toEqual(timeless(plan));
    // 4 routing tasks, then the 3 carriers' clean-fleet re-routes
    expect(asked.tasks).toBe(4 + 3);
    // 6 coalitions, in one chunk (16 a chunk at least)
    expect(asked.chunks).toEqual([[1, 2, 3, 4, 5, 6]]);
    // task i's progress at half its work: baseline tasks 15 of 120 iterations each. This offload answers the
    // carriers' rounds before the pooled runs are listed (threads cannot: their replies wait for this thread), so
    // their progress is held until the day's whole work is known, then reported once, never moving back
    const routing = seen.filter((p) => p.phase !== 'cost-game');
    expect(routing.slice(0, 2)).toEqual([
      { phase: 'baseline', bestCost: 7, percent: 38 }, // 100 * 3 * 15 / 120 = 37.5
      { phase: 'consolidated', bestCost: 7, percent: 50 },
    ]);
    const percents = routing.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(seen.filter((p) => p.phase === 'cost-game')).toEqual([
      { phase: 'cost-game', bestCost: 0, percent: 0, coalitions: { done: 0, total: 6 } },
      { phase: 'cost-game', bestCost: 0, percent: 99, coalitions: { done: 6, total: 6 } },
    ]);
  });

  it('prices no game when the allocation needs none', async () => {
    const byKg = { ...scenario, options: { ...scenario.options, allocation: 'pro-rata-by-kg' as const } };
    const { offload, asked } = inProcess(byKg);
    const seen: PlanProgress[] = [];
    const offloaded = await planScenarioWith(byKg, offload, { ...OPTIONS, onProgress: (p) => seen.push(p) });
    expect(asked.chunks).toEqual([]);
    expect(seen.filter((p) => p.phase === 'cost-game')).toEqual([]);
    expect(offloaded.allocationGame).toBeUndefined();
    expect(offloaded.ownRoundsCleanFleet.routes).toEqual(plan.ownRoundsCleanFleet.routes);
    expect(offloaded.consolidated.routes).toEqual(plan.consolidated.routes);
  });

  it('releases the offload (picon plan ends its threads) once its last work is done, before the plan is out', async () => {
    const byKg = { ...scenario, options: { ...scenario.options, allocation: 'pro-rata-by-kg' as const } };
    const calls = async (s: Scenario) => {
      const { offload } = inProcess(s);
      const seen: string[] = [];
      const watched: PlanOffload = {
        solveTasks: (tasks, onProgress) => (seen.push('tasks'), offload.solveTasks(tasks, onProgress)),
        priceGame: (parts, chunks, onChunk) => (seen.push('game'), offload.priceGame(parts, chunks, onChunk)),
        release: async () => {
          seen.push('release');
          // threads take a while to end: the plan waits for them
          await new Promise((resolve) => setImmediate(resolve));
          seen.push('released');
        },
      };
      const planned = await planScenarioWith(s, watched, OPTIONS);
      seen.push('plan');
      return { seen, planned };
    };
    const game = await calls(scenario);
    // the carriers' rounds, the pooled runs, the clean-fleet re-routes, then the game
    expect(game.seen).toEqual(['tasks', 'tasks', 'tasks', 'game', 'release', 'released', 'plan']);
    expect(timeless(game.planned)).toEqual(timeless(plan));
    expect((await calls(byKg)).seen).toEqual(['tasks', 'tasks', 'tasks', 'release', 'released', 'plan']);
  });

  it('asks for the carriers’ rounds before solving the facility model, and their re-routes before the pooled runs end', async () => {
    const { offload } = inProcess(scenario);
    const events: string[] = [];
    let reroutesAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (reroutesAsked = resolve));
    const watched: PlanOffload = {
      ...offload,
      adoptFacilities: () => events.push('facilities'),
      solveTasks: async (tasks, onProgress) => {
        const kind = tasks[0]?.task.kind === 'pooled' ? 'pooled' : 'baseline';
        const rerouting =
          kind === 'baseline' && tasks[0]?.task.kind === 'baseline' && tasks[0].task.vehicleType;
        const name = rerouting ? 'reroutes' : kind;
        events.push(`ask ${name}`);
        if (name === 'reroutes') reroutesAsked();
        // the pooled runs take their time: until the re-routes are asked, or 2 s if they never are
        if (name === 'pooled') await Promise.race([asked, new Promise((r) => setTimeout(r, 2000))]);
        const results = await offload.solveTasks(tasks, onProgress);
        events.push(`${name} solved`);
        return results;
      },
    };
    const planned = await planScenarioWith(scenario, watched, OPTIONS);
    expect(timeless(planned)).toEqual(timeless(plan));
    expect(events.slice(0, 3)).toEqual(['ask baseline', 'facilities', 'ask pooled']);
    expect(events.indexOf('ask reroutes')).toBeGreaterThan(events.indexOf('baseline solved'));
    expect(events.indexOf('ask reroutes')).toBeLessThan(events.indexOf('pooled solved'));
  });

  it('takes the re-routes and coalition costs it is given, and their time cap', async () => {
    // the offload's answers marked: re-routes without routes, every coalition at 1000 EUR a carrier
    const marked = {
      reroute: (r: PlanTaskResult) => ({ ...r, routes: [] }),
      costs: (c: { coalition: number }) => 1000 * membersCount(c.coalition),
      timeCapped: true,
    };
    const game = await planScenarioWith(scenario, inProcess(scenario, marked).offload, OPTIONS);
    expect(game.ownRoundsCleanFleet.routes).toEqual([]);
    expect(game.allocationGame?.coalitions.slice(0, 3).map((c) => c.costEur)).toEqual([1000, 1000, 2000]);
    expect(game.meta.timeCapped).toBe(true);
    const byKg = { ...scenario, options: { ...scenario.options, allocation: 'pro-rata-by-kg' as const } };
    const noGame = await planScenarioWith(byKg, inProcess(byKg, marked).offload, OPTIONS);
    expect(noGame.ownRoundsCleanFleet.routes).toEqual([]);
  });
});

/** Carriers in a coalition's bitmask. */
const membersCount = (mask: number): number => (mask === 0 ? 0 : (mask & 1) + membersCount(mask >> 1));

describe('a day whose carriers’ own rounds are cached', () => {
  it('solves each carrier’s rounds once, and takes them from the cache the next time', () => {
    const baselineCache = new Map<string, PlanTaskResult>();
    const first = planScenario(scenario, { ...OPTIONS, baselineCache });
    // the three carriers' tasks, not the hub's
    expect([...baselineCache.values()].map((r) => r.task)).toEqual(
      ['A', 'B', 'C'].map((carrierId) => ({ kind: 'baseline', carrierId, zone: 0, zones: 1 })),
    );
    expect(timeless(first)).toEqual(timeless(plan));
    // A's cached result replaced by one without routes: the next plan must take it as it is
    for (const [key, r] of baselineCache)
      if (r.task.kind === 'baseline' && r.task.carrierId === 'A')
        baselineCache.set(key, { ...r, routes: [] });
    const seen: PlanProgress[] = [];
    const second = planScenario(scenario, { ...OPTIONS, baselineCache, onProgress: (p) => seen.push(p) });
    expect(second.baseline.routes.some((r) => r.start === 'A')).toBe(false);
    expect(second.baseline.routes.filter((r) => r.start !== 'A')).toEqual(
      plan.baseline.routes.filter((r) => r.start !== 'A'),
    );
    // nothing left to solve but H's pooled runs, which start at 75 %
    expect(seen.some((p) => p.phase === 'baseline')).toBe(false);
    expect(seen.find((p) => p.phase === 'consolidated')!.percent).toBeGreaterThanOrEqual(75);
  });
});

describe('the solver context of a plan', () => {
  const city = buildCity(scenario, { seed: 9 });

  it('takes the city’s seed and the options’ clock, progress and iteration override', () => {
    const clock = () => 42;
    const onProgress = () => undefined;
    expect(solveContext(city, { clock, maxIterations: 7 }, onProgress)).toEqual({
      seed: 9,
      clock,
      onProgress,
      maxIterations: 7,
    });
  });

  it('reads the process clock in milliseconds when given none', () => {
    const ctx = solveContext(city, {});
    const before = performance.now();
    const now = ctx.clock();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(performance.now());
    expect(ctx.maxIterations).toBeUndefined();
  });
});
