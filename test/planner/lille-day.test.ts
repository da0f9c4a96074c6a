import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/contracts/index.ts';
import { planScenario } from '../../src/planner/index.ts';
import { checkPlan } from '../support/check-plan.ts';

// The README's main job on the committed Lille day, with a short budget: what must hold whatever the
// solver's luck (figures of the full 20 s run are in README.md).
describe('the Lille fixture day', () => {
  const scenario = scenarioSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/lille/day.json'), 'utf8')),
  );
  const plan = planScenario(scenario, { timeLimitSeconds: 6 });

  it('is feasible and serves every order once (or reports it with a reason)', () => {
    expect(checkPlan(scenario, plan, { carrierShiftMin: [5 * 60, 20 * 60] })).toEqual([]);
  });

  it('turns 5+ deliveries per receiver into at most 1.3', () => {
    expect(plan.baseline.kpis.deliveriesPerReceiver).toBeGreaterThanOrEqual(5);
    expect(plan.consolidated.kpis.deliveriesPerReceiver).toBeLessThanOrEqual(1.3);
  });

  it('drives fewer vehicle-km than the baseline, trunk legs included, and saves energy and CO2e', () => {
    expect(plan.consolidated.trunk.length).toBeGreaterThan(0);
    expect(plan.consolidated.kpis.vehicleKm).toBeLessThan(plan.baseline.kpis.vehicleKm);
    expect(plan.savings.energyKWh.pct).toBeGreaterThan(0);
    expect(plan.savings.co2eKg.pct).toBeGreaterThan(0);
  });
});
