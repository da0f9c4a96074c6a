import { describe, expect, it } from 'vitest';
import type { Plan, PlanTaskResult } from '../../src/contracts/index.ts';
import { ALLOCATION_METHOD } from '../../src/planner/allocation.ts';
import { assemblePlan } from '../../src/planner/assemble-plan.ts';
import { cleanFleetTasks } from '../../src/planner/clean-fleet-tasks.ts';
import { assembleConsolidated, type ConsolidatedParts } from '../../src/planner/consolidated-parts.ts';
import { buildCity, planTasks, runPlanTask, solveContext } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { beforeAllOrFail } from '../support/before-all-or-fail.ts';
import { residualScenario } from '../support/residual-scenario.ts';

// The plan assembled from residualScenario's solved tasks (4 tasks of 30 iterations each: A's, B's and C's own
// rounds and H's pooled runs): A4 goes back to A and is delivered, A5 and C2 (R5) nobody may deliver, C keeps
// its rounds (no hub takes any of its orders). The baseline leaves A3, B3 (R3, cargo bikes only), A5 and C2.
const scenario = residualScenario();
const city = buildCity(scenario, {});
const ctx = solveContext(city, { maxIterations: 30 });
const byKg = { ...scenario, options: { ...scenario.options, allocation: 'pro-rata-by-kg' as const } };

/** A clock that reads 1000 ms when the assembly starts and 3500 ms ever after: 2.5 s of assembly. */
function steppedClock(): () => number {
  let reads = 0;
  return () => (reads++ === 0 ? 1000 : 3500);
}

let results: PlanTaskResult[] = [];
let consolidated: ConsolidatedParts;
let rerouted: PlanTaskResult[] = [];
let plan: Plan;
const priced: [number, number][] = [];
beforeAllOrFail(() => {
  results = planTasks(city).map((t) => runPlanTask(city, t.task, t.budget, ctx));
  consolidated = assembleConsolidated(city, scenario, results, ctx);
  rerouted = cleanFleetTasks(city, results).map((t) => runPlanTask(city, t.task, t.budget, ctx));
  plan = assemblePlan(
    city,
    scenario,
    results,
    { ...ctx, clock: steppedClock() },
    { onPriced: (done, total) => priced.push([done, total]) },
    { consolidated },
  );
});

describe('a plan assembled from its solved tasks', () => {
  it('passes the independent auditor', () => {
    expect(auditPlan(scenario, plan)).toEqual([]);
  });

  it('names the scenario and every depot, hubs first', () => {
    expect(plan.schemaVersion).toBe(1);
    expect(plan.scenario).toEqual({
      name: 'small',
      date: '2026-11-24',
      seed: 1,
      effort: 'normal',
      timeLimitSeconds: 5,
    });
    expect(plan.depots).toEqual([
      { id: 'H', kind: 'hub', location: [3.0395, 50.6335] },
      { id: 'A', kind: 'carrier', location: [3.108, 50.589] },
      { id: 'B', kind: 'carrier', location: [3.03, 50.548] },
      { id: 'C', kind: 'carrier', location: [3.09, 50.66] },
    ]);
  });

  it('keeps the baseline as solved, and the consolidated plan’s pooled runs, then the carriers’ own rounds', () => {
    const baseline = results.filter((r) => r.task.kind === 'baseline');
    expect(plan.baseline.routes).toEqual(baseline.flatMap((r) => r.routes));
    expect(plan.baseline.unassigned.map((u) => u.orderId)).toEqual(['A3', 'A5', 'B3', 'C2']);
    expect(plan.consolidated.routes).toEqual([...consolidated.pooledRoutes, ...consolidated.residualRoutes]);
    expect(plan.consolidated.trunk).toEqual(consolidated.trunk);
    expect(plan.consolidated.hubs).toEqual(consolidated.hubs);
  });

  it('says what became of each order no hub took', () => {
    expect(plan.consolidated.unassigned).toEqual([
      { orderId: 'A4', reason: 'no-vehicle-allowed', detail: 'delivered by its carrier directly' },
      {
        orderId: 'A5',
        reason: 'no-vehicle-allowed',
        detail: 'not delivered by its carrier either (no-vehicle-allowed)',
      },
      // C's own rounds were kept as they are: C1 delivered, C2 not (the baseline said why)
      { orderId: 'C1', reason: 'no-vehicle-allowed', detail: 'delivered by its carrier directly' },
      {
        orderId: 'C2',
        reason: 'no-vehicle-allowed',
        detail: 'not delivered by its carrier either (no-vehicle-allowed)',
      },
    ]);
  });

  it('prices the 2^3 - 2 = 6 coalitions of its cost game, counting them, and shares by it', () => {
    expect(priced).toEqual([1, 2, 3, 4, 5, 6].map((done) => [done, 6]));
    expect(plan.allocationGame?.coalitions).toHaveLength(7);
    expect(plan.allocationCore?.rule).toBe('shapley');
    const method = plan.allocation[0]!.method;
    expect(plan.meta.allocationMethod.startsWith(`${method}: `)).toBe(true);
  });

  it('warns of the fallback, of carriers charged above their own cost and of orders nobody delivers', () => {
    const losers = plan.allocation.filter((r) => r.saving < 0);
    expect(losers.length).toBeGreaterThan(0); // this game's core is empty: the least core charges all three more
    const warnings = plan.meta.warnings;
    expect(warnings[0]).toBe(`cost allocation: ${plan.allocationCore?.fallback}`);
    expect(warnings.slice(1)).toEqual([
      `the cost allocation charges ${losers.map((r) => `${r.carrierId} ${(-r.saving).toFixed(2)} EUR`).join(', ')} ` +
        'more than alone: those carriers would not join this pooling (see allocationCore)',
      'the baseline leaves 4 order(s) undelivered (see baseline.unassigned): the savings compare plans that do ' +
        'not deliver the same orders',
      // A5 by A's residual round, C2 by C's kept rounds
      'the consolidated plan leaves 2 order(s) undelivered by hub and carrier alike',
    ]);
  });

  it('counts the work of every solve, its time on the context’s clock, and the day', () => {
    // 4 tasks + A's residual round + each trunk run, 30 iterations each (C's kept rounds are not solved again)
    expect(plan.meta.iterations).toBe(30 * (4 + 1 + consolidated.network.runs.length));
    expect(consolidated.network.runs.length).toBeGreaterThan(0);
    expect(consolidated.network.feeders).toEqual([]);
    const tasks = results.reduce((s, r) => s + r.solveSeconds, 0);
    // to the hundredth (the tasks' measured seconds can make either rounding of a half-hundredth the right one)
    expect(Math.abs(plan.meta.solveSeconds - (tasks + 2.5))).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(plan.meta.timeCapped).toBe(false);
    expect(plan.meta.orders).toBe(10);
    expect(plan.meta.receivers).toBe(5);
  });
});

describe('a plan assembled with part of its work done elsewhere', () => {
  it('takes the coalitions already priced, and their time cap, from the caller', () => {
    const counted: [number, number][] = [];
    const known = new Map([
      [1, 50],
      [2, 60],
    ]);
    const p = assemblePlan(
      city,
      scenario,
      results,
      ctx,
      { known, knownTimeCapped: true, onPriced: (done, total) => counted.push([done, total]) },
      { consolidated, rerouted },
    );
    // 6 - 2 known: 4 priced here
    expect(counted).toEqual([1, 2, 3, 4].map((done) => [done, 4]));
    expect(p.allocationGame?.coalitions.slice(0, 2)).toEqual([
      { members: [0], costEur: 50 },
      { members: [1], costEur: 60 },
    ]);
    expect(p.meta.timeCapped).toBe(true);
  });

  it('uses the clean-fleet re-routes it is given instead of solving them', () => {
    // A's re-route with the clean type replaced by one that delivers nothing: the plan must show it
    const none = rerouted.map((r) =>
      r.task.kind === 'baseline' && r.task.carrierId === 'A' ? { ...r, routes: [] } : r,
    );
    expect(none.some((r) => r.task.kind === 'baseline' && r.task.carrierId === 'A')).toBe(true);
    const p = assemblePlan(city, scenario, results, ctx, {}, { consolidated, rerouted: none });
    const starts = new Set(p.ownRoundsCleanFleet.routes.map((r) => r.start));
    expect(starts.has('A')).toBe(false);
    expect(starts.has('B')).toBe(true);
    // and solves them itself when not given them: the same routes as solved above
    const own = assemblePlan(city, scenario, results, ctx, {}, { consolidated });
    expect(own.ownRoundsCleanFleet.routes).toEqual(rerouted.flatMap((r) => r.routes));
  });

  it('says when a coalition’s solve was cut short by the clock', () => {
    let reads = 0;
    const p = assemblePlan(
      city,
      scenario,
      results,
      { ...ctx, clock: () => 1e6 * reads++ },
      {},
      { consolidated, rerouted },
    );
    expect(p.meta.timeCapped).toBe(true);
  });

  it('shares pro rata by kg without any game when the scenario asks for it', () => {
    const counted: number[] = [];
    const p = assemblePlan(
      city,
      byKg,
      results,
      ctx,
      { onPriced: (done) => counted.push(done) },
      { consolidated, rerouted },
    );
    expect(counted).toEqual([]);
    expect(p.allocationGame).toBeUndefined();
    expect(p.allocationCore).toBeUndefined();
    expect(p.meta.allocationMethod).toBe(ALLOCATION_METHOD);
    expect(p.allocation.every((r) => r.method === 'pro-rata-by-kg')).toBe(true);
    // C keeps its own rounds (no hub takes its orders): it pays exactly its stand-alone cost, a saving of 0, and
    // is no loser; B gains here, A pays more than alone
    const [a, b, c] = p.allocation;
    expect(c?.saving).toBe(0);
    expect(b?.saving).toBeGreaterThan(0);
    expect(p.meta.warnings).toEqual([
      `the cost allocation charges A ${(-a!.saving).toFixed(2)} EUR more than alone: those carriers would not ` +
        'join this pooling (see allocationCore)',
      'the baseline leaves 4 order(s) undelivered (see baseline.unassigned): the savings compare plans that do ' +
        'not deliver the same orders',
      'the consolidated plan leaves 2 order(s) undelivered by hub and carrier alike',
    ]);
    expect(auditPlan(byKg, p)).toEqual([]);
  });

  it('warns of trunk consignments stranded or late', () => {
    // the first trunk run made to strand its first consignment and to bring two late, by 600 s and 1501 s
    const run = consolidated.network.runs[0]!;
    const stranded = run.consignments[0]!.orders.length;
    const network = {
      ...consolidated.network,
      runs: [
        {
          ...run,
          lateS: [0, 600, 1501],
          solution: { ...run.solution, unassigned: [{ job: 0, reason: 'fleet-exhausted' as const }] },
        },
        ...consolidated.network.runs.slice(1),
      ],
    };
    const p = assemblePlan(
      city,
      scenario,
      results,
      ctx,
      {},
      { consolidated: { ...consolidated, network }, rerouted },
    );
    expect(p.meta.warnings).toContain(
      `1 trunk consignment(s) (${stranded} orders) fit no trunk vehicle or schedule: they do not reach the hub in this plan`,
    );
    // 1501 s is 25.02 min: up to 26 min late
    expect(p.meta.warnings).toContain(
      '2 trunk consignment(s) reach the hub after the pooled trip that carries them should leave (up to 26 min ' +
        'late, see consolidated.trunk[].stops[].lateMin): consider night-before trunking (options.trunking.schedule) ' +
        'or later pooled shifts',
    );
    expect(stranded).toBeGreaterThan(0);
  });

  it('says nothing of undelivered orders when every order is delivered, and passes on the scenario’s warnings', () => {
    // every baseline and residual round made to deliver all (the pooled run's own left order is the
    // consolidated plan's affair, not the baseline's); C's depot moved 300 km east of the receivers
    const delivered = results.map((r) => ({
      ...r,
      unassigned:
        r.task.kind === 'baseline' ? [] : [{ orderId: 'A1', reason: 'window-unreachable' as const }],
    }));
    const parts: ConsolidatedParts = {
      ...consolidated,
      keptUndelivered: new Map(),
      residualRuns: consolidated.residualRuns.map((r) => ({
        ...r,
        solution: { ...r.solution, unassigned: [] },
      })),
    };
    const far = {
      ...byKg,
      carriers: byKg.carriers.map((c) =>
        c.id === 'C' ? { ...c, depot: [7.3, 50.66] as [number, number] } : c,
      ),
    };
    const p = assemblePlan(city, far, delivered, ctx, {}, { consolidated: parts, rerouted });
    expect(p.baseline.unassigned).toEqual([]);
    expect(p.meta.warnings).toHaveLength(2);
    expect(p.meta.warnings[0]).toMatch(/^carriers\[2\]\.depot \(C\): /);
    expect(p.meta.warnings[1]).toMatch(/^the cost allocation charges A /);
  });

  it('says when any of its solves was cut short by the clock', () => {
    const timeCapped = (r: PlanTaskResult[], parts: ConsolidatedParts) =>
      assemblePlan(city, byKg, r, ctx, {}, { consolidated: parts, rerouted }).meta.timeCapped;
    const capped = <T extends { stats: object }>(solution: T): T => ({
      ...solution,
      stats: { ...solution.stats, timeCapped: true },
    });
    expect(timeCapped(results, consolidated)).toBe(false);
    // one routing task
    expect(
      timeCapped(
        results.map((r, i) => (i === 0 ? { ...r, timeCapped: true } : r)),
        consolidated,
      ),
    ).toBe(true);
    // one residual round of two
    const [round] = consolidated.residualRuns;
    const residual = [round!, { ...round!, solution: capped(round!.solution) }];
    expect(timeCapped(results, { ...consolidated, residualRuns: residual })).toBe(true);
    // one trunk run of two
    const [run] = consolidated.network.runs;
    const runs = [run!, { ...run!, solution: capped(run!.solution) }];
    expect(timeCapped(results, { ...consolidated, network: { ...consolidated.network, runs } })).toBe(true);
  });

  it('shares by the Shapley value when the scenario has no options', () => {
    const p = assemblePlan(
      city,
      { ...scenario, options: undefined },
      results,
      ctx,
      {},
      { consolidated, rerouted },
    );
    expect(p.allocationCore?.rule).toBe('shapley');
  });
});
