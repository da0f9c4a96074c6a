import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { listTasks, taskOrders } from '../../src/consolidation/tasks.ts';
import { buildCity, planScenario, planTasks } from '../../src/planner/index.ts';
import { generateCityDay } from '../../src/scenario-gen/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { withoutCostGame } from '../support/without-cost-game.ts';

// A generated day cut into small zones: the decomposition the service spreads over its workers.
describe('a day cut into zones', () => {
  const scenario = scenarioSchema.parse({
    ...generateCityDay({ city: 'lille', receivers: 60, seed: 11, carriers: 8 }),
  });
  scenario.options = { ...withoutCostGame(scenario).options, maxStopsPerZone: 25 };

  it('lists one task per carrier zone and hub zone, every receiver in exactly one hub zone', () => {
    const city = buildCity(scenario);
    const tasks = planTasks(city);
    const pooled = tasks.filter((t) => t.task.kind === 'pooled');
    expect(pooled.map((t) => t.task.zones)).toEqual([3, 3, 3]);
    const budget = tasks.reduce((s, t) => s + t.budget.timeLimitMs, 0);
    expect(budget).toBeLessThanOrEqual(city.timeLimitS * 1000);
    // the pooled zones partition the day: every order in exactly one zone, zones never share a receiver
    const zones = listTasks(city)
      .filter((t) => t.kind === 'pooled')
      .map((t) => taskOrders(city, t));
    expect(zones.flat().sort((a, b) => a - b)).toEqual([...city.orders.keys()]);
    const receiverZones = zones.map((orders) => new Set(orders.map((o) => city.orders[o]?.receiver)));
    const seen = receiverZones.flatMap((z) => [...z]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('produces a feasible plan that serves every order once, with zone-labelled vehicles', () => {
    const plan = planScenario(scenario, { seed: 2, maxIterations: 150, timeLimitSeconds: 120 });
    expect(auditPlan(scenario, plan)).toEqual([]);
    const zonesUsed = new Set(plan.consolidated.routes.map((r) => r.vehicle.split('/')[1]));
    expect([...zonesUsed].filter((z) => z?.startsWith('z')).length).toBeGreaterThan(1);
    expect(plan.consolidated.kpis.deliveriesPerReceiver).toBeLessThanOrEqual(1.3);
  });

  it("keeps a carrier's rounds within its vehicles when they are cut into zones", () => {
    const limited = structuredClone(scenario);
    for (const c of limited.carriers) c.baselineVehicles = 1;
    const city = buildCity(limited);
    const zoned = planTasks(city).filter((t) => t.task.kind === 'baseline' && t.task.zones > 1);
    expect(zoned.length).toBeGreaterThan(0); // some carriers' rounds are split
    const plan = planScenario(limited, { seed: 2, maxIterations: 150, timeLimitSeconds: 120 });
    expect(auditPlan(limited, plan)).toEqual([]);
  });
});
