import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSchema, type Scenario } from '../../src/contracts/index.ts';
import { buildCity, planScenario, planTasks, runPlanTask, solveContext } from '../../src/planner/index.ts';
import { coalitionPricer, type GrandPlanParts } from '../../src/planner/coalition-pricing.ts';
import { routesCostEur } from '../../src/planner/costs.ts';
import { auditPlan } from '../support/audit/index.ts';

const lille = scenarioSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/lille/day.json'), 'utf8')),
);

/** The Lille day cut to its first `n` carriers and their orders: a game of 2^n - 1 coalitions. */
function lilleCarriers(n: number, allocation?: NonNullable<Scenario['options']>['allocation']): Scenario {
  const carriers = lille.carriers.slice(0, n);
  const ids = new Set(carriers.map((c) => c.id));
  return {
    ...lille,
    carriers,
    orders: lille.orders.filter((o) => ids.has(o.carrierId)),
    options: { ...lille.options, ...(allocation ? { allocation } : {}) },
  };
}

const BUDGET = { maxIterations: 60, timeLimitSeconds: 600 };
const four = lilleCarriers(4);
const plan = planScenario(four, BUDGET);

describe('the carriers cost game on four Lille carriers', () => {
  it('prices every coalition, shares out exactly the plan cost (to the cent) and passes the auditor', () => {
    expect(plan.allocationGame?.coalitions).toHaveLength(15);
    expect(plan.allocationGame?.exact).toBe(true);
    const grand = plan.allocationGame?.coalitions.find((c) => c.members.length === 4)?.costEur ?? NaN;
    const cents = plan.allocation.reduce((s, r) => s + Math.round(r.allocatedCost * 100), 0);
    expect(cents).toBe(Math.round(grand * 100));
    expect(auditPlan(four, plan)).toEqual([]);
  });

  it("puts this day's Shapley split in the core: no carrier pays more than alone, and says which rule it used", () => {
    // On these four carriers (seed and budget above) the core is not empty and the Shapley value lies in it, with
    // every coalition paying at least 65 EUR less than it would pooling alone (measured: 113 EUR before the local
    // search gained exchange and relocate pair, which re-drew every coalition's routes; the auditor in the first
    // test recomputes the excess from the game's table): a split outside it must fail here.
    const core = plan.allocationCore;
    expect(core).toMatchObject({ rule: 'shapley', exact: true, inCore: true, coreEmpty: false });
    expect(core?.fallback).toBeUndefined();
    expect(core?.maxExcessEur).toBeLessThan(-50);
    expect(plan.meta.allocationMethod).toMatch(/^shapley:/);
    // in the core, each carrier pays at most its singleton coalition's cost, itself at most its stand-alone cost
    const game = plan.allocationGame!;
    plan.allocation.forEach((r, i) => {
      const alone = game.coalitions.find((c) => c.members.length === 1 && c.members[0] === i)!.costEur;
      expect(r.allocatedCost, r.carrierId).toBeLessThanOrEqual(alone + 0.01);
      expect(r.allocatedCost, r.carrierId).toBeLessThanOrEqual(r.standaloneCost);
    });
  });

  it('honours options.allocation, and pro-rata-by-kg prices no coalition', () => {
    for (const rule of ['nucleolus'] as const) {
      const p = planScenario(lilleCarriers(4, rule), BUDGET);
      expect(p.allocationCore?.rule).toBe(rule);
      // the routes do not depend on the sharing rule
      expect(p.consolidated.kpis).toEqual(plan.consolidated.kpis);
      expect(auditPlan(lilleCarriers(4, rule), p)).toEqual([]);
    }
    const byKg = planScenario(lilleCarriers(4, 'pro-rata-by-kg'), BUDGET);
    expect(byKg.allocationGame).toBeUndefined();
    expect(byKg.allocation.every((r) => r.method === 'pro-rata-by-kg')).toBe(true);
  });
});

describe('the price of a coalition', () => {
  const city = buildCity(four, {});
  const ctx = solveContext(city, { maxIterations: 60 });
  const results = planTasks(city).map(({ task, budget }) => runPlanTask(city, task, budget, ctx));
  const baseline = (id: string) =>
    results.filter((r) => r.task.kind === 'baseline' && r.task.carrierId === id).flatMap((r) => r.routes);
  const parts: GrandPlanParts = {
    standaloneEur: city.carriers.map((c) => routesCostEur(city, baseline(c.id))),
    residualEur: city.carriers.map(() => 0),
    grandEur: 1234.5,
    pooled: results.filter((r) => r.task.kind === 'pooled'),
  };
  const price = coalitionPricer(city, parts, ctx);

  it('is a function: the same coalition twice gives the same cost', () => {
    expect(price([0, 2])).toBe(price([0, 2]));
  });

  it('is the plan cost for all carriers and never more than its members alone', () => {
    expect(price([0, 1, 2, 3])).toBe(1234.5);
    for (const members of [[0], [1, 3], [0, 1, 2]]) {
      const alone = members.reduce((s, i) => s + (parts.standaloneEur[i] as number), 0);
      expect(price(members)).toBeLessThanOrEqual(alone);
    }
  });

  it('grows with the coalition when each member sends goods through the hub', () => {
    // more members, more stops to serve: a pooled cost that fell would mean orders went missing
    const pooledOnly = coalitionPricer(
      city,
      { ...parts, standaloneEur: parts.standaloneEur.map(() => 1e9) },
      ctx,
    );
    expect(pooledOnly([0, 1])).toBeGreaterThan(pooledOnly([0]));
    expect(pooledOnly([0, 1, 2])).toBeGreaterThan(pooledOnly([0, 1]));
  });
});
