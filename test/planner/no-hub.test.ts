import { describe, expect, it } from 'vitest';
import { planScenario } from '../../src/planner/index.ts';
import { auditPlan } from '../support/audit/index.ts';
import { smallScenario } from '../support/small-scenario.ts';

describe('a day whose hub pools nothing', () => {
  it('keeps every carrier’s baseline rounds as they are: zero saving, not search noise', () => {
    const base = smallScenario();
    const scenario = {
      ...base,
      receivers: base.receivers.map((r) => ({ ...r, access: undefined })), // every receiver open to vans
      fleet: base.fleet.map((f) => ({ ...f, count: 0 })),
    };
    const plan = planScenario(scenario, { seed: 2, effort: 'quick' });
    expect(auditPlan(scenario, plan)).toEqual([]);
    expect(plan.consolidated.routes).toEqual(plan.baseline.routes);
    expect(plan.consolidated.trunk).toEqual([]);
    const { hubHandlingKWh: _none, ...consolidated } = plan.consolidated.kpis;
    expect(consolidated).toEqual(plan.baseline.kpis);
    expect(plan.savings.vehicleKm.pct).toBe(0);
    // no pooled fleet, no pooled technology to adopt: nothing to split
    expect(plan.ownRoundsCleanFleet.carriers.every((c) => c.method === 'unchanged')).toBe(true);
    expect(plan.savingsBreakdown.vehicleTechnology).toEqual({ vehicleKm: 0, energyKWh: 0, co2eKg: 0 });
    expect(plan.consolidated.unassigned.every((u) => u.detail === 'delivered by its carrier directly')).toBe(
      true,
    );
  });
});
